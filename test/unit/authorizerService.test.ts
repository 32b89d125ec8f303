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

function fakeVerifier(
  verified: VerifiedToken | Error = { email: EMAIL, issuedAt: ISSUED_AT, tokenUse: 'access' },
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
      ],
    });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable() }, 'token');

    // Assess
    expect(context).toEqual({
      email: EMAIL,
      memberships: encodeMemberships({ '/acme': 'admin', '/acme/finance': 'reader' }),
      defaultGroup: '/acme/finance',
      issuedAt: ISSUED_AT,
      mfa: false,
      tokenUse: 'access',
    });
  });

  it('gives an active user without a chosen default group their shallowest membership as default group', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolves({ Items: [profileItem(), membershipItem('/acme/finance', 'reader'), membershipItem('/acme/hr', 'admin')] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable() }, 'token');

    // Assess
    expect(context?.defaultGroup).toBe('/acme/finance');
  });

  it('reads the user and memberships with exactly one consistent Query of the user partition', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [profileItem(), membershipItem('/acme', 'admin')] });

    // Act
    await authorizeToken({ verifier: fakeVerifier(), table: fakeTable() }, 'token');

    // Assess
    const queries = ddbMock.commandCalls(QueryCommand);
    expect(queries).toHaveLength(1);
    expect(ddbMock.calls()).toHaveLength(1);
    expect(queries[0]!.args[0].input).toMatchObject({
      TableName: TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `USER#${EMAIL}` },
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
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable() }, 'token');

    // Assess
    expect(context).toBeUndefined();
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('refuses a user whose memberships remain but whose profile is gone', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [membershipItem('/acme', 'admin')] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable() }, 'token');

    // Assess
    expect(context).toBeUndefined();
  });

  it('refuses a disabled user', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [profileItem({ state: 'disabled' }), membershipItem('/acme', 'admin')] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable() }, 'token');

    // Assess
    expect(context).toBeUndefined();
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('refuses a token issued before the user sessionsValidAfter', async () => {
    // Prepare: sessions revoked one millisecond after the token was issued.
    ddbMock
      .on(QueryCommand)
      .resolves({ Items: [profileItem({ sessionsValidAfter: ISSUED_AT * 1000 + 1 }), membershipItem('/acme', 'admin')] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable() }, 'token');

    // Assess
    expect(context).toBeUndefined();
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('accepts a token issued after the user sessionsValidAfter', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolves({ Items: [profileItem({ sessionsValidAfter: ISSUED_AT * 1000 - 60_000 }), membershipItem('/acme', 'admin')] });

    // Act
    const context = await authorizeToken({ verifier: fakeVerifier(), table: fakeTable() }, 'token');

    // Assess
    expect(context?.email).toBe(EMAIL);
  });
});
