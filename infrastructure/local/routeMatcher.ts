import type { RouteDefinition } from '../../shared/api/routeDefinition.ts';

export type MatchResult<T> =
  | { kind: 'match'; route: T; pathParameters: Record<string, string> }
  | { kind: 'wrongMethod' }
  | { kind: 'noRoute' };

/** Matches a raw (still encoded) path against API Gateway path templates; `%2F` stays inside its segment, as on API Gateway. */
export function createRouteMatcher<T extends Pick<RouteDefinition, 'method' | 'path'>>(routes: readonly T[]) {
  const compiled = routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }));
  return (method: string, path: string): MatchResult<T> => {
    const segments = path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const candidate of compiled) {
      const pathParameters = matchSegments(candidate.segments, segments);
      if (!pathParameters) continue;
      pathMatched = true;
      if (candidate.route.method === method) return { kind: 'match', route: candidate.route, pathParameters };
    }
    return pathMatched ? { kind: 'wrongMethod' } : { kind: 'noRoute' };
  };
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
