/**
 * onEvent handler of the pool-JWKS custom resource (a CDK Provider). On Create and Update it reads
 * the user pool's public signing keys from Cognito's well-known URL and returns them as `Jwks`,
 * which the stack hands to the authorizer (COGNITO_POOL_JWKS): its cold start then opens no
 * connection to Cognito. Delete changes nothing. Needs no AWS permission: the keys are public.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { fetchPoolJwks, poolJwksUri } from '../../shared/identity/poolJwks.ts';
import { log } from '../../shared/observability/logger.ts';

export interface PoolJwksResponse {
  PhysicalResourceId: string;
  Data?: Record<string, string>;
}

export async function handler(event: CloudFormationCustomResourceEvent): Promise<PoolJwksResponse> {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const userPoolId: unknown = event.ResourceProperties.UserPoolId;
  if (typeof userPoolId !== 'string' || userPoolId === '') throw new Error('The pool JWKS resource needs a UserPoolId property');
  const jwks = await fetchPoolJwks(userPoolId);
  log.info('pool JWKS fetched', { uri: poolJwksUri(userPoolId), handedOver: jwks !== '' });
  return { PhysicalResourceId: `jwks-${userPoolId}`, Data: { Jwks: jwks } };
}
