/** The Cognito client and its settings, from the environment: AWS's endpoint, or cognito-local's. */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { readEnvironment } from '../config/environment.ts';

export interface IdentitySettings {
  userPoolId: string;
  apiClientId: string;
  /** Local mode only: cognito-local's URL. */
  endpoint?: string;
}

export function identitySettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): IdentitySettings {
  const userPoolId = readEnvironment('userPoolId', env);
  const apiClientId = readEnvironment('apiClientId', env);
  if (!userPoolId || !apiClientId) throw new Error('COGNITO_USER_POOL_ID and COGNITO_API_CLIENT_ID must be set');
  return { userPoolId, apiClientId, endpoint: readEnvironment('cognitoEndpoint', env) };
}

export function createCognitoClient(endpoint?: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(
    endpoint
      ? // The emulator answers unimplemented operations with HTTP 500: never retry those.
        {
          endpoint,
          region: process.env.AWS_REGION ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          maxAttempts: 1,
        }
      : {},
  );
}
