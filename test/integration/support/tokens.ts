/**
 * Forged tokens for the negative paths: expired, wrong issuer, wrong client, foreign key,
 * `alg: none`. Signed with node:crypto; the emulator's own private key ships in its package.
 */
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const emulatorKey = createPrivateKey((require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string }).pem);

const base64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export function signToken(payload: Record<string, unknown>, options: { key?: KeyObject; kid?: string } = {}): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'CognitoLocal' };
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), options.key ?? emulatorKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

export function unsignedToken(payload: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
}

export const foreignKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/** An access-token payload shaped like the emulator's, for the given user and client. */
export function accessClaims(options: {
  issuer: string;
  clientId: string;
  username: string;
  issuedAt?: number;
  expiresAt?: number;
}) {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  return {
    sub: options.username,
    username: options.username,
    client_id: options.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: iat,
    iat,
    exp: options.expiresAt ?? iat + 3600,
    iss: options.issuer,
    jti: 'test',
  };
}

/** The same token with its claims rewritten (here: the username) and the original signature kept. */
export function tamper(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return [header, base64url({ ...decoded, ...claims }), signature].join('.');
}
