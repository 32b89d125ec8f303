import { readEnvironment } from '../config/environment.ts';

export interface HostedLoginConfig {
  /** Base URL of the login pages: the Cognito domain on AWS, cognito-local locally. */
  domain: string;
  clientId: string;
}

/** Read per request: a missing setting is a deployment bug, answered with 500. */
export function hostedLoginConfig(env: NodeJS.ProcessEnv = process.env): HostedLoginConfig {
  const domain = readEnvironment('hostedDomain', env)?.replace(/\/+$/, '');
  const clientId = readEnvironment('hostedClientId', env);
  if (!domain || !clientId) throw new Error('COGNITO_HOSTED_DOMAIN and COGNITO_HOSTED_CLIENT_ID must be set');
  return { domain, clientId };
}
