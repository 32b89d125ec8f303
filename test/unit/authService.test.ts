import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  INVALID_CREDENTIALS,
  mapAuthError,
  type AuthOutcome,
  type CognitoIdentity,
  type Tokens,
} from '../../shared/identity/cognitoIdentity.ts';
import { login, refresh, type AuthDependencies } from '../../shared/services/authService.ts';
import type { TokenVerifier } from '../../shared/identity/tokenVerifier.ts';
import { refreshTokenKey, sessionKey, sessionSk, userKey } from '../../shared/store/keys.ts';
import type { UserRecord } from '../../shared/store/storedRecords.ts';
import { hashToken } from '../../shared/store/sessionStore.ts';
import { fakeTable, rejectionOf, TABLE_NAME } from './helpers.ts';

const EMAIL = 'ann@acme.com';
const NOW = new Date('2026-11-26T12:00:00.000Z');
const TOKENS: Tokens = {
  accessToken: 'access-jwt',
  idToken: 'id-jwt',
  refreshToken: 'refresh-1',
  expiresIn: 3600,
  tokenType: 'Bearer',
};

function fakeIdentity(outcome: AuthOutcome | Error = { kind: 'tokens', tokens: TOKENS }) {
  const identity = {
    login: vi.fn(async (): Promise<AuthOutcome> => {
      if (outcome instanceof Error) throw outcome;
      return outcome;
    }),
    answerChallenge: vi.fn(async (): Promise<AuthOutcome> => ({ kind: 'tokens', tokens: TOKENS })),
    refresh: vi.fn(async (): Promise<Tokens> => ({ ...TOKENS, accessToken: 'fresh-access-jwt' })),
  };
  return identity;
}

type FakeIdentity = ReturnType<typeof fakeIdentity>;

const SESSION_ID = 'origin-1';
const AUTH_TIME = NOW.getTime() / 1000;

/** Verifies nothing: the tokens of these tests are stand-ins; it answers with the claims of one login. */
const fakeVerifier: TokenVerifier = {
  hydrate: async () => undefined,
  verify: async () => ({ email: EMAIL, issuedAt: AUTH_TIME, tokenUse: 'access', sessionId: SESSION_ID, authTime: AUTH_TIME }),
};

function dependencies(identity: FakeIdentity): AuthDependencies {
  return { table: fakeTable(), identity: identity as unknown as CognitoIdentity, verifier: fakeVerifier, now: () => NOW };
}

function userItem(overrides: Partial<UserRecord> = {}) {
  return {
    ...userKey(EMAIL),
    type: 'user',
    email: EMAIL,
    state: 'active',
    createdBy: 'admin@example.com',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('authService', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);

  beforeEach(() => {
    ddbMock.reset();
    ddbMock.on(PutCommand).resolves({});
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(TransactWriteCommand).resolves({});
    // No lockout recorded, and failure counters / login history updates succeed.
    ddbMock.on(BatchGetCommand).resolves({ Responses: {} });
    ddbMock.on(UpdateCommand).resolves({ Attributes: { failures: 1 } });
  });

  afterEach(() => {
    ddbMock.reset();
  });

  describe('login', () => {
    it('returns the tokens of an active user', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });

      // Act
      const result = await login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1');

      // Assess
      expect(result).toEqual(TOKENS);
    });

    it('refuses a disabled user with 401 and the same message as a wrong password', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem({ state: 'disabled' }) });
      const cognitoRefusal = Object.assign(new Error('Incorrect username or password.'), { name: 'NotAuthorizedException' });
      const wrongPassword = await rejectionOf(
        login(dependencies(fakeIdentity(mapAuthError(cognitoRefusal) as Error)), EMAIL, 'wrong', 'request-0'),
      );

      // Act
      const disabled = await rejectionOf(login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1'));

      // Assess
      expect(disabled.kind).toBe('unauthorized');
      expect(disabled.statusCode).toBe(401);
      expect(disabled.message).toBe(INVALID_CREDENTIALS);
      expect({ statusCode: disabled.statusCode, message: disabled.message }).toEqual({
        statusCode: wrongPassword.statusCode,
        message: wrongPassword.message,
      });
    });

    it('refuses a user Cognito knows but the table does not with the wrong-password 401', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({});

      // Act
      const error = await rejectionOf(login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1'));

      // Assess
      expect(error.statusCode).toBe(401);
      expect(error.message).toBe(INVALID_CREDENTIALS);
    });

    it('does not remember a refresh token for a disabled user', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem({ state: 'disabled' }) });

      // Act
      await rejectionOf(login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1'));

      // Assess
      expect(ddbMock.commandCalls(PutCommand)).toHaveLength(0);
    });

    it('activates an invited user in one transaction that sets the state to active', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem({ state: 'invited' }) });

      // Act
      await login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1');

      // Assess: the activation, then the session
      const transactions = ddbMock.commandCalls(TransactWriteCommand);
      expect(transactions).toHaveLength(2);
      const update = transactions[0]!.args[0].input.TransactItems?.[0]?.Update;
      expect(update).toMatchObject({
        TableName: TABLE_NAME,
        Key: userKey(EMAIL),
        UpdateExpression: expect.stringContaining('#state = :active'),
        ConditionExpression: '#state = :invited',
        ExpressionAttributeNames: expect.objectContaining({ '#state': 'state' }),
        ExpressionAttributeValues: expect.objectContaining({ ':active': 'active', ':invited': 'invited' }),
      });
    });

    it('writes the activation audit event in the same transaction', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem({ state: 'invited' }) });

      // Act
      await login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1');

      // Assess
      const items = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems ?? [];
      expect(items).toHaveLength(2);
      expect(items[1]?.Put).toMatchObject({
        TableName: TABLE_NAME,
        Item: {
          pk: `AUDIT#user#${EMAIL}`,
          type: 'invitation.accepted',
          actor: EMAIL,
          target: { type: 'user', id: EMAIL },
          changes: { state: { before: 'invited', after: 'active' } },
          at: NOW.toISOString(),
          requestId: 'request-1',
        },
      });
    });

    it('opens the session of the tokens with its audit event in one transaction, for a user already active', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });

      // Act
      await login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1', { sourceIp: '203.0.113.7' });

      // Assess
      const transactions = ddbMock.commandCalls(TransactWriteCommand);
      expect(transactions).toHaveLength(1);
      const items = transactions[0]!.args[0].input.TransactItems ?? [];
      expect(items).toHaveLength(2);
      expect(items[0]?.Put?.Item).toMatchObject({
        ...sessionKey(EMAIL, AUTH_TIME, SESSION_ID),
        type: 'session',
        sessionId: SESSION_ID,
        method: 'password',
        sourceIp: '203.0.113.7',
        openedAt: NOW.toISOString(),
        profileCreatedAt: '2026-01-01T00:00:00.000Z',
        expiresAt: AUTH_TIME + 30 * 86_400,
      });
      expect(items[1]?.Put?.Item).toMatchObject({ type: 'session.opened', target: { type: 'session', id: EMAIL } });
    });

    it('makes the service’s MFA record follow Cognito’s: a login without a TOTP challenge turns it off', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem({ mfaEnabled: true }) });

      // Act
      await login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1');

      // Assess
      const items = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems ?? [];
      expect(items[2]?.Update).toMatchObject({ Key: userKey(EMAIL), ExpressionAttributeValues: { ':mfa': false, ':one': 1 } });
    });

    it('remembers the refresh token by its hash with the login time, never the token itself', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });

      // Act
      await login(dependencies(fakeIdentity()), EMAIL, 'Correct-Horse-9', 'request-1');

      // Assess
      const puts = ddbMock.commandCalls(PutCommand);
      expect(puts).toHaveLength(1);
      const item = puts[0]!.args[0].input.Item;
      expect(item).toMatchObject({
        ...refreshTokenKey(hashToken(TOKENS.refreshToken!)),
        email: EMAIL,
        issuedAt: NOW.getTime(),
        sessionSk: sessionSk(AUTH_TIME, SESSION_ID),
      });
      expect(JSON.stringify(item)).not.toContain(TOKENS.refreshToken);
    });

    it('returns a challenge to a known user without writing the table', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem({ state: 'invited' }) });
      const identity = fakeIdentity({ kind: 'challenge', challenge: 'NEW_PASSWORD_REQUIRED', session: 'session-1' });

      // Act
      const result = await login(dependencies(identity), EMAIL, 'Temporary-Pass-1', 'request-1');

      // Assess
      expect(result).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: 'session-1' });
      expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
      expect(ddbMock.commandCalls(PutCommand)).toHaveLength(0);
    });

    it('refuses a disabled user a challenge with the same 401 as a wrong password', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem({ state: 'disabled' }) });
      const identity = fakeIdentity({ kind: 'challenge', challenge: 'NEW_PASSWORD_REQUIRED', session: 'session-1' });

      // Act
      const error = await rejectionOf(login(dependencies(identity), EMAIL, 'Temporary-Pass-1', 'request-1'));

      // Assess
      expect(error).toMatchObject({ statusCode: 401, message: INVALID_CREDENTIALS });
    });
  });

  describe('refresh', () => {
    const REFRESH_TOKEN = 'refresh-1';
    const refreshKey = refreshTokenKey(hashToken(REFRESH_TOKEN));
    const rememberedItem = (issuedAt: number) => ({
      ...refreshKey,
      type: 'refreshToken',
      email: EMAIL,
      issuedAt,
      sessionSk: sessionSk(AUTH_TIME, SESSION_ID),
      expiresAt: Math.ceil(Date.now() / 1000) + 86_400,
    });
    const sessionItem = () => ({
      ...sessionKey(EMAIL, AUTH_TIME, SESSION_ID),
      type: 'session',
      email: EMAIL,
      sessionId: SESSION_ID,
      authTime: AUTH_TIME,
      openedAt: NOW.toISOString(),
      lastRefreshedAt: NOW.toISOString(),
      method: 'password',
      profileCreatedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: AUTH_TIME + 30 * 86_400,
    });

    it('refuses an unknown refresh token with 401', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});

      // Act
      const error = await rejectionOf(refresh(dependencies(fakeIdentity()), REFRESH_TOKEN));

      // Assess
      expect(error.kind).toBe('unauthorized');
      expect(error.statusCode).toBe(401);
    });

    it('does not ask the identity provider to refresh an unknown refresh token', async () => {
      // Prepare
      ddbMock.on(GetCommand).resolves({});
      const identity = fakeIdentity();

      // Act
      await rejectionOf(refresh(dependencies(identity), REFRESH_TOKEN));

      // Assess
      expect(identity.refresh).not.toHaveBeenCalled();
    });

    it('refuses with 401 a refresh token whose session has ended', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: refreshKey }).resolves({ Item: rememberedItem(Date.now() - 60_000) });
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });
      ddbMock.on(GetCommand, { Key: sessionKey(EMAIL, AUTH_TIME, SESSION_ID) }).resolves({});

      // Act
      const error = await rejectionOf(refresh(dependencies(fakeIdentity()), REFRESH_TOKEN));

      // Assess
      expect(error.statusCode).toBe(401);
    });

    it('does not ask the identity provider to refresh a token whose session has ended', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: refreshKey }).resolves({ Item: rememberedItem(Date.now() - 60_000) });
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });
      ddbMock.on(GetCommand, { Key: sessionKey(EMAIL, AUTH_TIME, SESSION_ID) }).resolves({});
      const identity = fakeIdentity();

      // Act
      await rejectionOf(refresh(dependencies(identity), REFRESH_TOKEN));

      // Assess
      expect(identity.refresh).not.toHaveBeenCalled();
    });

    it('refuses with 401 a refresh token remembered without a session (before sessions existed)', async () => {
      // Prepare
      const withoutSession: Record<string, unknown> = { ...rememberedItem(Date.now() - 60_000) };
      delete withoutSession.sessionSk;
      ddbMock.on(GetCommand, { Key: refreshKey }).resolves({ Item: withoutSession });
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });

      // Act
      const error = await rejectionOf(refresh(dependencies(fakeIdentity()), REFRESH_TOKEN));

      // Assess
      expect(error.statusCode).toBe(401);
    });

    it('refuses with 401 a refresh token of a user disabled since', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: refreshKey }).resolves({ Item: rememberedItem(Date.now() - 60_000) });
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem({ state: 'disabled' }) });

      // Act
      const error = await rejectionOf(refresh(dependencies(fakeIdentity()), REFRESH_TOKEN));

      // Assess
      expect(error.statusCode).toBe(401);
    });

    it('refuses with 401 a remembered refresh token whose record has expired', async () => {
      // Prepare: DynamoDB deletes expired items lazily, so an expired record may still be read.
      ddbMock
        .on(GetCommand, { Key: refreshKey })
        .resolves({ Item: { ...rememberedItem(Date.now() - 31 * 86_400_000), expiresAt: Math.floor(Date.now() / 1000) - 60 } });
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });

      // Act
      const error = await rejectionOf(refresh(dependencies(fakeIdentity()), REFRESH_TOKEN));

      // Assess
      expect(error.statusCode).toBe(401);
    });

    it('returns fresh tokens from the identity provider while the session is live, and records the refresh', async () => {
      // Prepare
      ddbMock.on(GetCommand, { Key: refreshKey }).resolves({ Item: rememberedItem(Date.now() - 60_000) });
      ddbMock.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });
      ddbMock.on(GetCommand, { Key: sessionKey(EMAIL, AUTH_TIME, SESSION_ID) }).resolves({ Item: sessionItem() });
      const identity = fakeIdentity();

      // Act
      const tokens = await refresh(dependencies(identity), REFRESH_TOKEN);

      // Assess
      expect(identity.refresh).toHaveBeenCalledWith(REFRESH_TOKEN);
      expect(tokens.accessToken).toBe('fresh-access-jwt');
      expect(ddbMock.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
        Key: sessionKey(EMAIL, AUTH_TIME, SESSION_ID),
        ExpressionAttributeValues: { ':at': NOW.toISOString() },
      });
    });
  });
});
