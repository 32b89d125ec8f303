import type { RouteDefinition } from '../../shared/api/routeDefinition.ts';

export type MatchResult<T> =
  { kind: 'match'; route: T; pathParameters: Record<string, string> } | { kind: 'wrongMethod' } | { kind: 'noRoute' };

/**
 * Matches a raw (still encoded) path against API Gateway path templates; `%2F` stays inside its
 * segment. As on API Gateway, a path resolves to one resource, the most specific (static
 * segments beat parameters, left to right), and only then is the method looked up on it.
 */
export function createRouteMatcher<T extends Pick<RouteDefinition, 'method' | 'path'>>(routes: readonly T[]) {
  const compiled = routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }));
  return (method: string, path: string): MatchResult<T> => {
    const segments = path.split('/').filter(Boolean);
    const matching = compiled.flatMap((candidate) => {
      const pathParameters = matchSegments(candidate.segments, segments);
      return pathParameters ? [{ ...candidate, pathParameters, rank: specificity(candidate.segments) }] : [];
    });
    if (matching.length === 0) return { kind: 'noRoute' };
    const best = matching.reduce((a, b) => (b.rank > a.rank ? b : a)).rank;
    const found = matching.find((candidate) => candidate.rank === best && candidate.route.method === method);
    return found ? { kind: 'match', route: found.route, pathParameters: found.pathParameters } : { kind: 'wrongMethod' };
  };
}

/** Static segments as a binary number, leftmost most significant: `/users/me` outranks `/users/{email}`. */
function specificity(template: string[]): number {
  return template.reduce((rank, segment) => rank * 2 + (segment.startsWith('{') ? 0 : 1), 0);
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const parameters: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const expected = template[i]!;
    const value = actual[i]!;
    const name = /^\{(.+)\}$/.exec(expected)?.[1];
    if (name) parameters[name] = value;
    else if (expected !== value) return undefined;
  }
  return parameters;
}
