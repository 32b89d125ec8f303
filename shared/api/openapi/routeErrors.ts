/** Every error status a route can answer, from what the shared middleware does and what the route adds. */
import { SUPPORTED_API_VERSIONS } from '../contract.ts';
import { errorBody, type ErrorBody } from '../contract.ts';
import { changesSomething, type RouteDefinition } from '../routeDefinition.ts';

const COMMON_ERRORS = {
  400: 'The request is not valid: a bad path parameter, query parameter, header or body, or a body on a route that takes none',
  401: 'No token, or the token is not valid, expired or revoked',
  403: 'Your role where you act does not allow the action this route requires',
  idToken403: 'An ID token: only access tokens change anything',
  404: 'Not found, or not visible to you',
  context404: '`x-groupcontextid` is not a group id, so no such group exists',
  406: `Unsupported Accept-Version (supported: ${SUPPORTED_API_VERSIONS.join(', ')})`,
  413: 'The request body is too large',
  415: 'The request body is not JSON: send `Content-Type: application/json`',
  429: 'Too many requests or failed attempts; wait for `Retry-After` seconds',
} as const;

/** Login, challenges, passwords and sign-up are throttled (Cognito, lockouts, the WAF's rate limit on /auth/*). */
const isThrottled = (route: RouteDefinition) => route.path.startsWith('/auth/') || route.path.startsWith('/signup');

export function routeErrors(route: RouteDefinition): Record<number, string> {
  const isPublic = route.access.kind === 'public';
  const errors: Record<number, string> = { 400: COMMON_ERRORS[400], 406: COMMON_ERRORS[406] };
  if (!isPublic) errors[401] = COMMON_ERRORS[401];
  if (route.access.kind === 'action') errors[403] = COMMON_ERRORS[403];
  if (!isPublic && changesSomething(route)) errors[403] = [errors[403], COMMON_ERRORS.idToken403].filter(Boolean).join('; or ');
  if (route.request.params || !isPublic) {
    errors[404] = [route.request.params ? COMMON_ERRORS[404] : undefined, isPublic ? undefined : COMMON_ERRORS.context404]
      .filter(Boolean)
      .join('; or ');
  }
  if (route.request.body) Object.assign(errors, { 413: COMMON_ERRORS[413], 415: COMMON_ERRORS[415] });
  if (isThrottled(route)) errors[429] = COMMON_ERRORS[429];
  return { ...errors, ...route.errors };
}

/** An example error body for one status of one route, worded from the route's own description of it. */
export function errorExample(status: number, route: RouteDefinition): ErrorBody {
  const description = routeErrors(route)[status] ?? 'Error';
  return errorBody(status, description.split('; or ')[0]!);
}
