import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TokenVerifier, VerifiedToken } from '../../shared/identity/tokenVerifier.ts';
import { authorizeToken, bearerToken, wholeApiResource } from '../../shared/services/authorizerService.ts';
import type { UserRecord } from '../../shared/store/storedRecords.ts';
import { fakeTable, TABLE_NAME } from './helpers.ts';
import { encodeMemberships } from '../../shared/domain/membershipCodec.ts';

const EMAIL = 'ann@acme.com';
/** Token issued-at, epoch seconds. */
const ISSUED_AT = 1_800_000_000;
const AUTH_TIME = ISSUED_AT - 600;
const SESSION_ID = 'origin-1';
const NOW = () => ISSUED_AT * 1000;

function fakeVerifier(
  verified: VerifiedToken | Error = {
    email: EMAIL,
    issuedAt: ISSUED_AT,
    tokenUse: 'access',
    sessionId: SESSION_ID,
    authTime: AUTH_TIME,
  },
): TokenVerifier {
  return {
    hydrate: async () => undefined,
    verify: async () => {
      if (verified instanceof Error) throw verified;
      return verified;
    },
  };
}

function profileItem(overrides: Partial<UserRecord> = {}) {
  return {
    pk: `USER#${EMAIL}`,
    sk: '#PROFILE',
    type: 'user',
    email: EMAIL,
    state: 'active',
    createdBy: 'admin@example.com',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function sessionItem(overrides: Record<string, unknown> = {}) {
  return {
    pk: `USER#${EMAIL}`,
    sk: `SESSION#${AUTH_TIME}#${SESSION_ID}`,
    type: 'session',
    email: EMAIL,
    sessionId: SESSION_ID,
    authTime: AUTH_TIME,
    openedAt: new Date(AUTH_TIME * 1000).toISOString(),
    lastRefreshedAt: new Date(AUTH_TIME * 1000).toISOString(),
    method: 'password',
    profileCreatedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: AUTH_TIME + 30 * 86_400,
    ...overrides,
  };
}

function membershipItem(groupId: string, role: string) {
  return {
    pk: `USER#${EMAIL}`,
    sk: `MEMBER#${groupId}`,
    gsi1pk: `MEMBERS#${groupId}`,
    gsi1sk: EMAIL,
    type: 'membership',
    email: EMAIL,
    groupId,
    role,
  };
}

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['BEARER abc.def.ghi', 'abc.def.ghi'],
    ['Bearer    abc.def.ghi  ', 'abc.def.ghi'],
  ])('takes the token from %j', (header, token) => {
    expect(bearerToken({ Authorization: header })).toBe(token);
  });

  it('accepts a bare JWT without the Bearer prefix', () => {
    expect(bearerToken({ Authorization: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' })).toBe(
      'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
    );
  });

  it('reads the header whatever the case of its name', () => {
    expect(bearerToken({ AUTHORIZATION: 'Bearer abc' })).toBe('abc');
  });

  it('finds no token in an empty Authorization header', () => {
    expect(bearerToken({ Authorization: '' })).toBeUndefined();
  });

  it('finds no token in a whitespace-only Authorization header', () => {
    expect(bearerToken({ Authorization: '   ' })).toBeUndefined();
  });

  it('finds no token in a Bearer prefix with nothing after it', () => {
    expect(bearerToken({ Authorization: 'Bearer ' })).toBeUndefined();
  });

  it('finds no token without an Authorization header', () => {
    expect(bearerToken({ 'Content-Type': 'application/json' })).toBeUndefined();
  });

  it('finds no token without any headers', () => {
    expect(bearerToken(null)).toBeUndefined();
  });
});

describe('wholeApiResource', () => {
  it('widens a method ARN to every method and path of the stage', () => {
    expect(wholeApiResource('arn:aws:execute-api:eu-west-2:123456789012:abc123/prod/GET/groups/%2F')).toBe(
      'arn:aws:execute-api:eu-west-2:123456789012:abc123/prod/*',
    );
  });
});

describe('authorizeToken', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);

  beforeEach(() => {
    ddbMock.reset();
  });

  afterEach(() => {
    ddbMock.reset();
  });

  it('describes an active user with their encoded memberships, default group and token issue time', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({
      Items: [
        profileItem({ defaultGroup: '/acme/finance' }),
        membershipItem('/acme', 'admin'),
        membershipItem('/acme/finance', 'reader'),
        sessionItem(),
      ],
    });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context).toEqual({
      email: EMAIL,
      memberships: encodeMemberships({ '/acme': 'admin', '/acme/finance': 'reader' }),
      defaultGroup: '/acme/finance',
      issuedAt: ISSUED_AT,
      mfa: false,
      tokenUse: 'access',
      sessionId: SESSION_ID,
      authTime: AUTH_TIME,
    });
  });

  it('gives an active user without a chosen default group their shallowest membership as default group', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({
      Items: [profileItem(), membershipItem('/acme/finance', 'reader'), membershipItem('/acme/hr', 'admin'), sessionItem()],
    });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context?.defaultGroup).toBe('/acme/finance');
  });

  it('reads the user, memberships and the token’s session with exactly one consistent Query of the user partition', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [profileItem(), membershipItem('/acme', 'admin'), sessionItem()] });

    // Act
    await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    const queries = ddbMock.commandCalls(QueryCommand);
    expect(queries).toHaveLength(1);
    expect(ddbMock.calls()).toHaveLength(1);
    expect(queries[0]!.args[0].input).toMatchObject({
      TableName: TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'attribute_not_exists(#type) OR (#type <> :session AND #type <> :summary) OR sessionId = :sessionId',
      ExpressionAttributeValues: { ':pk': `USER#${EMAIL}`, ':sessionId': SESSION_ID },
      ConsistentRead: true,
    });
  });

  it('refuses a token the verifier rejects', async () => {
    // Act
    const context = await authorizeToken(
      { verifier: fakeVerifier(new Error('Invalid signature')), table: fakeTable() },
      'forged',
    );

    // Assess
    expect(context).toBeUndefined();
  });

  it('sends no DynamoDB request for a token the verifier rejects', async () => {
    // Act
    await authorizeToken({ verifier: fakeVerifier(new Error('Token expired')), table: fakeTable() }, 'expired');

    // Assess
    expect(ddbMock.calls()).toHaveLength(0);
  });

  it('refuses a verified token of an unknown user', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context).toBeUndefined();
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('refuses a user whose memberships remain but whose profile is gone', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [membershipItem('/acme', 'admin')] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context).toBeUndefined();
  });

  it('refuses a disabled user', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolves({ Items: [profileItem({ state: 'disabled' }), membershipItem('/acme', 'admin'), sessionItem()] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context).toBeUndefined();
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('refuses a token whose session the service never opened (a login made at Cognito directly)', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [profileItem(), membershipItem('/acme', 'admin')] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context).toBeUndefined();
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('refuses a token without origin_jti, with no DynamoDB request', async () => {
    // Prepare
    const verifier = fakeVerifier({ email: EMAIL, issuedAt: ISSUED_AT, tokenUse: 'access' });

    // Act
    const context = await authorizeToken({ verifier, table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context).toBeUndefined();
    expect(ddbMock.calls()).toHaveLength(0);
  });

  it('refuses a session that has expired but not yet been deleted by its TTL', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [profileItem(), sessionItem({ expiresAt: ISSUED_AT - 1 })] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context).toBeUndefined();
  });

  it('refuses a session opened for an earlier profile of the same email', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({
      Items: [profileItem({ createdAt: '2026-06-01T00:00:00.000Z' }), membershipItem('/acme', 'admin'), sessionItem()],
    });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context).toBeUndefined();
  });

  it('judges MFA by how the session was authenticated, not by the profile’s flag', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [profileItem({ mfaEnabled: true }), sessionItem({ method: 'password' })] });

    // Act
    const passwordOnly = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(passwordOnly?.mfa).toBe(false);
  });

  it('describes an ID token as one, so the route wrapper lets it change nothing', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [profileItem(), sessionItem()] });
    const idToken = fakeVerifier({
      email: EMAIL,
      issuedAt: ISSUED_AT,
      tokenUse: 'id',
      sessionId: SESSION_ID,
      authTime: AUTH_TIME,
    });

    // Act
    const context = await authorizeToken({ verifier: idToken, table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context?.tokenUse).toBe('id');
  });

  it('describes a session authenticated with a TOTP code as MFA', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [profileItem(), sessionItem({ method: 'password+totp' })] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable(), now: NOW }, 'token');

    // Assess
    expect(context?.mfa).toBe(true);
  });
});
