/**
 * Logs and counts the authorizer's decisions. API Gateway caches decisions per token, so the
 * authorizer sees only uncached ones: `AuthorizerDecisions` counts those, and the routes'
 * `Requests` counts all, so the share served from the cache is Requests minus decisions.
 */
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { opaqueCallerId } from './callerId.ts';
import { errorFields, log } from './logger.ts';
import { countMetric, METRIC } from './metrics.ts';
import { currentRequestContext, enterRequestContext } from './requestContext.ts';

/** Call first, before any await. */
export function observeAuthorizer(event: APIGatewayRequestAuthorizerEvent): void {
  enterRequestContext({ correlation_id: event.requestContext?.requestId ?? 'unknown', route: 'authorizer' });
}

/**
 * Records an uncached decision: allow for a caller's email, deny for none. Returns the error
 * that API Gateway turns into a 401, for the deny case to throw.
 */
export function authorizerDecided(email: string | undefined): Error {
  const decision = email ? 'allow' : 'deny';
  if (email)
    enterRequestContext({
      ...(currentRequestContext() as { correlation_id: string; route: string }),
      caller: opaqueCallerId(email),
    });
  log.info('authorizer decision', { decision });
  countMetric(METRIC.authorizerDecisions, { decision });
  return new Error('Unauthorized');
}

/** An unexpected failure (DynamoDB, JWKS): counted apart from refusals, which are Lambda errors too. */
export function authorizerFailed(error: unknown): never {
  log.error('authorizer failed', errorFields(error));
  countMetric(METRIC.authorizerErrors);
  throw error;
}
