/**
 * API Gateway REQUEST authorizer. Identity source: the Authorization header alone, so one
 * cached decision serves every route and every group context (the group context is resolved
 * per request in the handlers' middleware). One DynamoDB request per uncached decision.
 */
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { authorizeToken, bearerToken, wholeApiResource } from '../shared/services/authorizerService.ts';
import { authorizerDependencies } from '../shared/services/tokenDependencies.ts';
import { authorizerDecided, authorizerFailed, observeAuthorizer } from '../shared/observability/authorizerLogging.ts';

const dependencies = authorizerDependencies();
// Fetch the JWKS during the cold start, outside any request; a failure here is retried on first use.
const hydrated = dependencies.verifier.hydrate().catch(() => undefined);

export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  observeAuthorizer(event);
  await hydrated;
  const token = bearerToken(event.headers);
  // API Gateway turns exactly this message into a 401.
  if (!token) throw authorizerDecided(undefined);
  const decision = await authorizeToken(dependencies, token).catch(authorizerFailed);
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
}
