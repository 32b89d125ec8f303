/**
 * The claims of a token the emulator issued, read only after its signature checks out against
 * the emulator's key (which ships in its package), so tests never trust an unverified token.
 */
import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const emulatorPublicKey = createPublicKey(
  createPrivateKey((require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string }).pem),
);

export interface EmulatorClaims {
  iat: number;
  auth_time: number;
  jti: string;
  origin_jti?: string;
  token_use: string;
}

export function verifiedClaims(token: string): EmulatorClaims {
  const [header, payload, signature] = token.split('.');
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    emulatorPublicKey,
    Buffer.from(signature!, 'base64url'),
  );
  if (!signed) throw new Error('The token is not signed by the emulator');
  return JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as EmulatorClaims;
}
