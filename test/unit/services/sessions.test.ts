import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_ONLY } from '../../../shared/api/contract.ts';
import type { TokenVerifier, VerifiedToken } from '../../../shared/identity/tokenVerifier.ts';
import { freshSessionOf, liveSessionOf } from '../../../shared/services/freshProof.ts';
import { setUpTotp, verifyTotp } from '../../../shared/services/mfaService.ts';
import { openHostedLoginSession, openSession } from '../../../shared/services/sessionOpening.ts';
import { sessionKey, userKey } from '../../../shared/store/keys.ts';
import type { UserRecord } from '../../../shared/store/storedRecords.ts';
import { fakeTable, rejectionOf } from '../helpers.ts';
import { fakeCognito } from './fakeCognito.ts';
import { callerIn } from './fakes.ts';

/** Sessions are items of the user's partition: the document client is mocked (aws-sdk-client-mock), Cognito is a fake. */
const dynamo = mockClient(DynamoDBDocumentClient);
const EMAIL = 'ann@acme.com';
const NOW = new Date('2026-06-01T12:00:00.000Z');
const AUTH_TIME = NOW.getTime() / 1000 - 60;
const SESSION_ID = 'origin-1';
const PROFILE_CREATED = '2026-01-01T00:00:00.000Z';

const verifierOf = (claims: Partial<VerifiedToken> = {}): TokenVerifier => ({
  hydrate: async () => undefined,
  verify: async () => ({
    email: EMAIL,
    issuedAt: AUTH_TIME,
    tokenUse: 'access',
    sessionId: SESSION_ID,
    authTime: AUTH_TIME,
    ...claims,
  }),
});
const depsWith = (extra: { verifier?: TokenVerifier; identity?: ReturnType<typeof fakeCognito> } = {}) => ({
  table: fakeTable(),
  verifier: extra.verifier ?? verifierOf(),
  identity: extra.identity ?? fakeCognito(),
  now: () => NOW,
});
const user = (extra: Partial<UserRecord> = {}): UserRecord => ({
  email: EMAIL,
  state: 'active',
  createdBy: 'admin@acme.com',
  createdAt: PROFILE_CREATED,
  ...extra,
});
const storedUser = (extra: Partial<UserRecord> = {}) =>
  dynamo.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: { ...userKey(EMAIL), ...user(extra) } });
/** The caller's session, opened `secondsAgo` before now. */
const storedSession = (secondsAgo: number, extra: Record<string, unknown> = {}) =>
  dynamo.on(GetCommand, { Key: sessionKey(EMAIL, AUTH_TIME, SESSION_ID) }).resolves({
    Item: {
      ...sessionKey(EMAIL, AUTH_TIME, SESSION_ID),
      email: EMAIL,
      sessionId: SESSION_ID,
      authTime: AUTH_TIME,
      openedAt: new Date(NOW.getTime() - secondsAgo * 1000).toISOString(),
      lastRefreshedAt: NOW.toISOString(),
      method: 'password',
      expiresAt: AUTH_TIME + 30 * 86_400,
      profileCreatedAt: PROFILE_CREATED,
      ...extra,
    },
  });
const caller = (extra: Parameters<typeof callerIn>[2] = {}) =>
  callerIn('/acme', { '/acme': 'reader' }, { sessionId: SESSION_ID, authTime: AUTH_TIME, ...extra });
const transactions = () => dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems!);

describe('services/sessions', () => {
  beforeEach(() => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(TransactWriteCommand).resolves({});
  });

  afterEach(() => dynamo.reset());

  describe('sessionOpening.openSession', () => {
    it('records the session of the verified token with where it came from, and its session.opened event, in one transaction', async () => {
      // Act
      const sk = await openSession(depsWith(), {
        user: user(),
        accessToken: 'access-jwt',
        method: 'password',
        client: { sourceIp: '203.0.113.7', userAgent: 'vitest' },
        requestId: 'req-1',
      });

      // Assess
      const [items] = transactions();
      expect(sk).toBe(sessionKey(EMAIL, AUTH_TIME, SESSION_ID).sk);
      expect(items).toHaveLength(2);
      expect(items![0]!.Put!.Item).toMatchObject({
        sessionId: SESSION_ID,
        method: 'password',
        sourceIp: '203.0.113.7',
        userAgent: 'vitest',
      });
      expect(items![1]!.Put!.Item).toMatchObject({ type: 'session.opened', changes: { sessionId: { after: SESSION_ID } } });
    });

    it('turns the profile’s MFA record on when the login answered a TOTP challenge', async () => {
      await openSession(depsWith(), { user: user(), accessToken: 'a', method: 'password+totp', client: {}, requestId: 'r' });

      const [items] = transactions();
      expect(items![2]!.Update).toMatchObject({ Key: userKey(EMAIL), ExpressionAttributeValues: { ':mfa': true } });
    });

    it('leaves the MFA record alone when it already agrees, and when the method is unknown (the hosted page)', async () => {
      await openSession(depsWith(), {
        user: user({ mfaEnabled: true }),
        accessToken: 'a',
        method: 'password+totp',
        client: {},
        requestId: 'r',
      });
      await openSession(depsWith(), {
        user: user({ mfaEnabled: true }),
        accessToken: 'a',
        method: undefined,
        client: {},
        requestId: 'r',
      });

      expect(transactions().map((items) => items.length)).toEqual([2, 2]);
      expect(transactions()[1]![0]!.Put!.Item).toMatchObject({ method: 'password' });
    });

    it('refuses tokens without a session id (origin_jti), writing nothing', async () => {
      const deps = depsWith({ verifier: verifierOf({ sessionId: undefined }) });

      await expect(
        openSession(deps, { user: user(), accessToken: 'a', method: 'password', client: {}, requestId: 'r' }),
      ).rejects.toThrow('origin_jti');
      expect(transactions()).toEqual([]);
    });
  });

  describe('sessionOpening.openHostedLoginSession', () => {
    it('opens a password session for a known active user', async () => {
      storedUser();

      await openHostedLoginSession(depsWith(), 'access-jwt', { sourceIp: '203.0.113.7' }, 'req-1');

      expect(transactions()[0]![0]!.Put!.Item).toMatchObject({ method: 'password', sourceIp: '203.0.113.7' });
    });

    it('opens no session for an unknown or disabled user, so their token is refused', async () => {
      await openHostedLoginSession(depsWith(), 'access-jwt', {}, 'req-1');
      storedUser({ state: 'disabled' });
      await openHostedLoginSession(depsWith(), 'access-jwt', {}, 'req-1');

      expect(transactions()).toEqual([]);
    });
  });

  describe('freshProof.liveSessionOf', () => {
    it('answers the caller’s live session, read again now', async () => {
      storedUser();
      storedSession(3600);

      const session = await liveSessionOf(depsWith(), caller());

      expect(session).toMatchObject({ sessionId: SESSION_ID, method: 'password' });
    });

    it('refuses an ID token with 403: ID tokens never change anything', async () => {
      const refusal = await rejectionOf(liveSessionOf(depsWith(), caller({ tokenUse: 'id' })));

      expect(refusal).toMatchObject({ statusCode: 403, message: ACCESS_TOKEN_ONLY });
    });

    it('refuses with 401 a session that has ended, a token without a session, a disabled user and an earlier profile', async () => {
      // Prepare
      storedUser();
      const ended = await rejectionOf(liveSessionOf(depsWith(), caller()));
      const sessionless = await rejectionOf(liveSessionOf(depsWith(), caller({ sessionId: undefined })));
      storedSession(60, { profileCreatedAt: '2025-01-01T00:00:00.000Z' });
      const earlierProfile = await rejectionOf(liveSessionOf(depsWith(), caller()));
      storedUser({ state: 'disabled' });
      storedSession(60);

      // Act
      const disabled = await rejectionOf(liveSessionOf(depsWith(), caller()));

      // Assess
      for (const refusal of [ended, sessionless, earlierProfile, disabled])
        expect(refusal).toMatchObject({ statusCode: 401, message: 'Your session has ended: log in again' });
    });
  });

  describe('freshProof.freshSessionOf', () => {
    it('accepts a session authenticated in the last five minutes', async () => {
      storedUser();
      storedSession(299);

      await expect(freshSessionOf(depsWith(), caller(), 'send your current password')).resolves.toMatchObject({
        sessionId: SESSION_ID,
      });
    });

    it('refuses an older session with 403 naming what else would do', async () => {
      storedUser();
      storedSession(301);

      const refusal = await rejectionOf(freshSessionOf(depsWith(), caller(), 'send your current password'));

      expect(refusal).toMatchObject({ statusCode: 403, message: expect.stringContaining('send your current password') });
    });
  });

  describe('mfaService.setUpTotp', () => {
    it('answers the secret and an otpauth URI naming the service and the user', async () => {
      storedUser();
      storedSession(3600);

      const setUp = await setUpTotp(depsWith(), caller(), 'access-jwt');

      expect(setUp).toEqual({
        secret: 'SECRET234',
        otpauthUri: 'otpauth://totp/SME%20IAM%3Aann%40acme.com?secret=SECRET234&issuer=SME%20IAM',
      });
    });

    it('refuses an ID token with 400, asking nothing of Cognito', async () => {
      const identity = fakeCognito();

      const refusal = await rejectionOf(setUpTotp(depsWith({ identity }), caller({ tokenUse: 'id' }), 'id-jwt'));

      expect(refusal).toMatchObject({ statusCode: 400, message: expect.stringContaining('access token') });
      expect(identity.calls).toEqual([]);
    });

    it('needs a fresh session to replace an enrolled authenticator (403 otherwise)', async () => {
      // Prepare
      storedUser({ mfaEnabled: true });
      storedSession(3600);
      const identity = fakeCognito();

      // Act
      const refusal = await rejectionOf(setUpTotp(depsWith({ identity }), caller(), 'access-jwt'));

      // Assess
      expect(refusal).toMatchObject({ statusCode: 403, message: expect.stringContaining('already enrolled') });
      expect(identity.calls).toEqual([]);
    });
  });

  describe('mfaService.verifyTotp', () => {
    it('records MFA on the profile, its audit event and the session’s second factor in one transaction', async () => {
      // Prepare
      storedUser();
      storedSession(3600);

      // Act
      await verifyTotp(depsWith(), caller(), 'access-jwt', '654321', 'req-1');

      // Assess
      const [items] = transactions();
      expect(items).toHaveLength(3);
      expect(items![0]!.Update).toMatchObject({ Key: userKey(EMAIL), ExpressionAttributeValues: { ':yes': true } });
      expect(items![1]!.Put!.Item).toMatchObject({ type: 'mfa.enabled', actor: EMAIL });
      expect(items![2]!.Update).toMatchObject({ Key: sessionKey(EMAIL, AUTH_TIME, SESSION_ID) });
    });

    it('answers a wrong code with 400 and records nothing', async () => {
      storedUser();
      storedSession(3600);

      const refusal = await rejectionOf(verifyTotp(depsWith(), caller(), 'access-jwt', '000000', 'req-1'));

      expect(refusal).toMatchObject({ statusCode: 400, message: expect.stringContaining('a current code') });
      expect(transactions()).toEqual([]);
    });

    it('answers a session that ended during the verification with 401', async () => {
      // Prepare
      storedUser();
      storedSession(3600);
      dynamo.on(TransactWriteCommand).rejects(
        new TransactionCanceledException({
          message: 'cancelled',
          $metadata: {},
          CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
        }),
      );

      // Act
      const refusal = await rejectionOf(verifyTotp(depsWith(), caller(), 'access-jwt', '654321', 'req-1'));

      // Assess
      expect(refusal).toMatchObject({ statusCode: 401, message: 'Your session has ended: log in again' });
    });

    it('refuses an ID token with 400', async () => {
      const refusal = await rejectionOf(verifyTotp(depsWith(), caller({ tokenUse: 'id' }), 'id-jwt', '654321', 'req-1'));

      expect(refusal.statusCode).toBe(400);
    });
  });
});
