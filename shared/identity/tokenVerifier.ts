/**
 * Verifies Cognito access and ID tokens: signature, expiry, issuer, client and token use.
 * Nothing here, in any mode, reads a token it has not verified.
 *
 * On AWS: CognitoJwtVerifier for the deployed pool. Locally, the emulator's pool ids and
 * issuer are not Cognito-shaped, so JwtRsaVerifier with the emulator's issuer; its JWKS is
 * fetched with `fetch` because the library's default fetcher refuses plain http.
 * The emulator's signing key ships in its npm package, so its issuer is trusted only when
 * COGNITO_ENDPOINT is set (local mode), which the CDK stack never sets.
 *
 * The deployed authorizer is handed the pool's JWKS at deploy time (COGNITO_POOL_JWKS), so its cold
 * start opens no connection to Cognito; a token signed with a key not in it (a rotation) still
 * makes the library fetch the JWKS, rate-limited by its penalty box.
 */
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { assertIsJwks, assertIsSignatureJwk, SimpleJwksCache, type Jwks } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Json } from 'aws-jwt-verify/safe-json-parse';
import { readEnvironment } from '../config/environment.ts';

export interface VerifiedToken {
  /** Lower-cased email: the pool's username. */
  email: string;
  /** Issued-at, epoch seconds. */
  issuedAt: number;
  tokenUse: 'access' | 'id';
  /** `origin_jti`: the login this token belongs to, kept across refreshes (absent from tokens of other origins). */
  sessionId?: string;
  /** `auth_time`: when that login happened, epoch seconds, kept across refreshes. */
  authTime?: number;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
  /** Makes sure the JWKS is cached: at once when it was handed over, else by fetching it. */
  hydrate(): Promise<void>;
}

export interface VerifierSettings {
  userPoolId: string;
  clientIds: string[];
  /** Local mode only: the emulator's issuer, e.g. http://127.0.0.1:9229/local_abc. */
  localIssuer?: string;
  /** The pool's JWKS, when the deployment handed it over. */
  jwks?: Jwks;
}

export function verifierSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): VerifierSettings {
  const userPoolId = readEnvironment('userPoolId', env);
  const clientIds = (readEnvironment('clientIds', env) ?? '').split(',').filter(Boolean);
  if (!userPoolId || clientIds.length === 0) throw new Error('COGNITO_USER_POOL_ID and COGNITO_CLIENT_IDS must be set');
  const cognitoEndpoint = readEnvironment('cognitoEndpoint', env);
  const localIssuer = cognitoEndpoint ? `${cognitoEndpoint.replace(/\/$/, '')}/${userPoolId}` : undefined;
  const jwksJson = readEnvironment('poolJwks', env);
  return { userPoolId, clientIds, localIssuer, ...(jwksJson ? { jwks: parsePoolJwks(jwksJson) } : {}) };
}

/** A JWKS handed over as JSON; anything else is a broken deployment, refused at cold start. */
export function parsePoolJwks(json: string): Jwks {
  let jwks: Json;
  try {
    jwks = JSON.parse(json) as Json;
  } catch {
    throw new Error('COGNITO_POOL_JWKS is not JSON');
  }
  assertIsJwks(jwks);
  for (const key of jwks.keys) {
    assertIsSignatureJwk(key);
    if (typeof key.kid !== 'string') throw new Error('COGNITO_POOL_JWKS has a key without a kid');
  }
  return jwks;
}

const fetchFetcher: Fetcher = {
  async fetch(uri) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new Error(`JWKS fetch failed: ${response.status}`);
    return response.arrayBuffer();
  },
};

export function createTokenVerifier(settings: VerifierSettings): TokenVerifier {
  const verifier = settings.localIssuer
    ? JwtRsaVerifier.create(
        {
          issuer: settings.localIssuer,
          jwksUri: `${settings.localIssuer}/.well-known/jwks.json`,
          audience: null,
          customJwtCheck: ({ payload }) => assertLocalClaims(payload, settings.clientIds),
        },
        { jwksCache: new SimpleJwksCache({ fetcher: fetchFetcher }) },
      )
    : CognitoJwtVerifier.create({ userPoolId: settings.userPoolId, tokenUse: null, clientId: settings.clientIds });

  if (settings.jwks) verifier.cacheJwks(settings.jwks);
  return {
    hydrate: () => (settings.jwks ? Promise.resolve() : verifier.hydrate()),
    async verify(token) {
      const payload = (await verifier.verify(token as never)) as JwtPayload;
      return toVerifiedToken(payload);
    },
  };
}

/** What CognitoJwtVerifier checks for us on AWS, checked explicitly for the emulator's tokens. */
function assertLocalClaims(payload: JwtPayload, clientIds: string[]): void {
  const tokenUse = payload.token_use;
  const client = tokenUse === 'access' ? payload.client_id : payload.aud;
  if (tokenUse !== 'access' && tokenUse !== 'id') throw new Error('Unexpected token_use');
  if (typeof client !== 'string' || !clientIds.includes(client)) throw new Error('Token was issued to another client');
}

function toVerifiedToken(payload: JwtPayload): VerifiedToken {
  const tokenUse = payload.token_use as 'access' | 'id';
  const username = tokenUse === 'access' ? payload.username : payload['cognito:username'];
  if (typeof username !== 'string' || typeof payload.iat !== 'number') throw new Error('Token lacks username or iat');
  const sessionId = typeof payload.origin_jti === 'string' ? payload.origin_jti : undefined;
  const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : undefined;
  return { email: username.toLowerCase(), issuedAt: payload.iat, tokenUse, sessionId, authTime };
}
