export interface HostedLoginConfig {
  /** Base URL of the login pages: the Cognito domain on AWS, cognito-local locally. */
  domain: string;
  clientId: string;
}

/** Read per request: a missing setting is a deployment bug, answered with 500. */
export function hostedLoginConfig(env: NodeJS.ProcessEnv = process.env): HostedLoginConfig {
  const domain = env.COGNITO_HOSTED_DOMAIN?.replace(/\/+$/, '');
  const clientId = env.COGNITO_HOSTED_CLIENT_ID;
  if (!domain || !clientId) throw new Error('COGNITO_HOSTED_DOMAIN and COGNITO_HOSTED_CLIENT_ID must be set');
  return { domain, clientId };
}
