import { generateKeyPairSync, sign } from 'node:crypto';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/jwks/poolJwksCustomResource.ts';
import { fetchPoolJwks, MAX_HANDED_OVER_JWKS_BYTES, poolJwksUri } from '../../shared/identity/poolJwks.ts';
import { createTokenVerifier, parsePoolJwks, verifierSettingsFromEnvironment } from '../../shared/identity/tokenVerifier.ts';

const POOL_ID = 'eu-west-2_abcdefghi';
const ISSUER = `https://cognito-idp.eu-west-2.amazonaws.com/${POOL_ID}`;
const CLIENT_ID = 'api-client';

function signingKey(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  const jwk = { kty: 'RSA', n: n!, e: e!, kid, alg: 'RS256', use: 'sig' };
  return { privateKey, jwk };
}

function accessToken(key: ReturnType<typeof signingKey>, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const header = encode({ alg: 'RS256', kid: key.jwk.kid, typ: 'JWT' });
  const payload = encode({
    iss: ISSUER,
    token_use: 'access',
    client_id: CLIENT_ID,
    username: 'Ann@Acme.example',
    iat: now,
    exp: now + 600,
    ...claims,
  });
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key.privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

const jsonResponse = (body: unknown, status = 200) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

const customResourceEvent = (requestType: 'Create' | 'Update' | 'Delete', userPoolId: unknown = POOL_ID) =>
  ({
    RequestType: requestType,
    PhysicalResourceId: `jwks-${POOL_ID}`,
    ResourceProperties: { ServiceToken: 'arn', UserPoolId: userPoolId },
  }) as unknown as CloudFormationCustomResourceEvent;

afterEach(() => vi.unstubAllGlobals());

describe("the pool's JWKS handed to the authorizer at deploy time", () => {
  it('lets the Cognito verifier verify a token with no request to Cognito', async () => {
    // Prepare
    const key = signingKey('key-1');
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const verifier = createTokenVerifier({ userPoolId: POOL_ID, clientIds: [CLIENT_ID], jwks: { keys: [key.jwk] } });

    // Act
    await verifier.hydrate();
    const verified = await verifier.verify(accessToken(key));

    // Assess
    expect(verified).toMatchObject({ email: 'ann@acme.example', tokenUse: 'access' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('still refuses a token whose signature does not match the handed-over key', async () => {
    // Prepare
    const key = signingKey('key-1');
    const forger = { ...signingKey('key-1'), jwk: key.jwk };
    const verifier = createTokenVerifier({ userPoolId: POOL_ID, clientIds: [CLIENT_ID], jwks: { keys: [key.jwk] } });

    // Act + Assess
    await expect(verifier.verify(accessToken(forger))).rejects.toThrow(/signature/i);
  });

  it('is read from COGNITO_POOL_JWKS, and a value that is not a JWKS stops the cold start', () => {
    // Prepare
    const { jwk } = signingKey('key-1');
    const env = { COGNITO_USER_POOL_ID: POOL_ID, COGNITO_CLIENT_IDS: CLIENT_ID };

    // Act
    const settings = verifierSettingsFromEnvironment({ ...env, COGNITO_POOL_JWKS: JSON.stringify({ keys: [jwk] }) });
    const unset = verifierSettingsFromEnvironment({ ...env, COGNITO_POOL_JWKS: '' });

    // Assess
    expect(settings.jwks?.keys[0]).toMatchObject({ kid: 'key-1' });
    expect(unset.jwks).toBeUndefined();
    expect(() => parsePoolJwks('not json')).toThrow('COGNITO_POOL_JWKS is not JSON');
    expect(() => parsePoolJwks('{"keys":"none"}')).toThrow(/keys should be an array/);
  });

  it("reads the keys from the pool's well-known URL in the pool's region", async () => {
    // Prepare
    const { jwk } = signingKey('key-1');
    const fetchUrl = vi.fn(async () => jsonResponse({ keys: [jwk] }));

    // Act
    const jwks = await fetchPoolJwks(POOL_ID, fetchUrl as unknown as typeof fetch);

    // Assess
    expect(fetchUrl).toHaveBeenCalledWith(`${ISSUER}/.well-known/jwks.json`, expect.anything());
    expect(poolJwksUri(POOL_ID)).toBe(`${ISSUER}/.well-known/jwks.json`);
    expect(JSON.parse(jwks)).toEqual({ keys: [jwk] });
  });

  it('hands over nothing when the JWKS would not fit the environment, so the authorizer fetches it', async () => {
    // Prepare
    const keys = Array.from({ length: 8 }, (_, index) => signingKey(`key-${index}`).jwk);
    const fetchUrl = async () => jsonResponse({ keys });

    // Act
    const jwks = await fetchPoolJwks(POOL_ID, fetchUrl as unknown as typeof fetch);

    // Assess
    expect(JSON.stringify({ keys }).length).toBeGreaterThan(MAX_HANDED_OVER_JWKS_BYTES);
    expect(jwks).toBe('');
  });

  it('fails the deployment when Cognito answers with an error or with something other than a JWKS', async () => {
    await expect(fetchPoolJwks(POOL_ID, (async () => jsonResponse('no', 500)) as unknown as typeof fetch)).rejects.toThrow(
      'HTTP 500',
    );
    await expect(
      fetchPoolJwks(POOL_ID, (async () =>
        jsonResponse({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] })) as unknown as typeof fetch),
    ).rejects.toThrow(/kid/);
  });

  it('returns the JWKS as the custom resource attribute Jwks on Create and Update, and reads nothing on Delete', async () => {
    // Prepare
    const { jwk } = signingKey('key-1');
    const fetchSpy = vi.fn(async () => jsonResponse({ keys: [jwk] }));
    vi.stubGlobal('fetch', fetchSpy);

    // Act
    const created = await handler(customResourceEvent('Create'));
    const updated = await handler(customResourceEvent('Update'));
    const deleted = await handler(customResourceEvent('Delete'));

    // Assess
    expect(created).toEqual({ PhysicalResourceId: `jwks-${POOL_ID}`, Data: { Jwks: JSON.stringify({ keys: [jwk] }) } });
    expect(updated.Data?.Jwks).toBe(created.Data?.Jwks);
    expect(deleted).toEqual({ PhysicalResourceId: `jwks-${POOL_ID}` });
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('refuses a resource without a user pool id', async () => {
    await expect(handler(customResourceEvent('Create', ''))).rejects.toThrow('needs a UserPoolId');
  });
});
