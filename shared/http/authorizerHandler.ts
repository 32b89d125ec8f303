/**
 * The API Gateway REQUEST authorizer's handler, around a token verifier. Identity source: the
 * Authorization header alone, so one cached decision serves every route and every group context
 * (the group context is resolved per request in the handlers' middleware). One DynamoDB request
 * per uncached decision.
 */
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import type { TokenVerifier } from '../identity/tokenVerifier.ts';
import { authorizerDecided, authorizerFailed, observeAuthorizer } from '../observability/authorizerLogging.ts';
import { authorizeToken, bearerToken, wholeApiResource } from '../services/authorizerService.ts';
import { defaultTable } from '../store/client.ts';

/** `ready` settles when the verifier may be used: its JWKS fetched, or the fetch given up (retried on first use). */
export function authorizerHandler(verifier: TokenVerifier, ready: Promise<unknown>) {
  return async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
    observeAuthorizer(event);
    await ready;
    const token = bearerToken(event.headers);
    // API Gateway turns exactly this message into a 401.
    if (!token) throw authorizerDecided(undefined);
    const decision = await authorizeToken({ verifier, table: defaultTable() }, token).catch(authorizerFailed);
    if (!decision) throw authorizerDecided(undefined);
    authorizerDecided(decision.email);
    return {
      principalId: decision.email,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: wholeApiResource(event.methodArn) }],
      },
      context: { ...decision },
    };
  };
}
