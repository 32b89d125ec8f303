/**
 * A user pool's JWKS, read at deploy time so the authorizer need not fetch it at cold start.
 * It is validated as a JWKS and re-serialised compactly; one too large for the authorizer's environment
 * (Lambda allows 4 KB for all its variables) is not handed over, and the authorizer fetches it itself.
 */
import { parsePoolJwks } from './tokenVerifier.ts';

/** Room left for the JWKS in the authorizer's 4 KB of environment (a pool's two RSA keys take about 1 KB). */
export const MAX_HANDED_OVER_JWKS_BYTES = 2048;

export const poolJwksUri = (userPoolId: string): string =>
  `https://cognito-idp.${userPoolId.split('_')[0]}.amazonaws.com/${userPoolId}/.well-known/jwks.json`;

/** The pool's JWKS as compact JSON, or '' when it is too large to hand over. */
export async function fetchPoolJwks(userPoolId: string, fetchUrl: typeof fetch = fetch): Promise<string> {
  const response = await fetchUrl(poolJwksUri(userPoolId), { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`Reading the pool's JWKS failed: HTTP ${response.status}`);
  const jwks = parsePoolJwks(await response.text());
  const compact = JSON.stringify(jwks);
  return Buffer.byteLength(compact) <= MAX_HANDED_OVER_JWKS_BYTES ? compact : '';
}
