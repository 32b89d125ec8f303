/** The authorization code + PKCE exchange at the hosted login's token endpoint. */
import { invalid } from '../domain/errors.ts';
import type { HostedLoginConfig } from './hostedLoginConfig.ts';

export interface CodeExchange {
  code: string;
  redirectUri: string;
  verifier: string;
}

const TIMEOUT_MS = 8_000;

/** Returns the access token. A refused code is the client's problem (400); anything else is ours. */
export async function exchangeCode(
  config: HostedLoginConfig,
  exchange: CodeExchange,
  fetchFn: typeof fetch = fetch,
): Promise<string> {
  const response = await fetchFn(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
      code_verifier: exchange.verifier,
    }).toString(),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (response.status >= 400 && response.status < 500) {
    throw invalid(
      `The login code was refused (${typeof body.error === 'string' ? body.error : response.status}); start again at /login`,
    );
  }
  if (!response.ok || typeof body.access_token !== 'string')
    throw new Error(`Token endpoint answered ${response.status} without an access token`);
  return body.access_token;
}
