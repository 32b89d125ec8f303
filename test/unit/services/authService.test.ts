import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  DeleteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_POLICY } from '../../../shared/config/lockout.ts';
import { INVALID_CREDENTIALS } from '../../../shared/identity/cognitoIdentity.ts';
import type { TokenVerifier } from '../../../shared/identity/tokenVerifier.ts';
import {
  answerChallenge,
  forgotPassword,
  login,
  logout,
  resetPassword,
  verifyCurrentPassword,
  type AuthDependencies,
} from '../../../shared/services/authService.ts';
import { lockoutKey, refreshTokenKey, userKey } from '../../../shared/store/keys.ts';
import { hashToken } from '../../../shared/store/sessionStore.ts';
import { fakeTable, rejectionOf, TABLE_NAME } from '../helpers.ts';
import { fakeCognito, TOKENS } from './fakeCognito.ts';

/**
 * The auth use cases over the real stores, whose lockout rules are DynamoDB conditions: the
 * document client is mocked (aws-sdk-client-mock), Cognito is a fake.
 */
const dynamo = mockClient(DynamoDBDocumentClient);
const EMAIL = 'ann@acme.com';
const PASSWORD = 'Correct-Horse-9';
const NOW = new Date('2026-06-01T12:00:00.000Z');
const IP = '203.0.113.7';

const verifier: TokenVerifier = {
  hydrate: async () => undefined,
  verify: async () => ({ email: EMAIL, issuedAt: 1, tokenUse: 'access', sessionId: 'origin-1', authTime: NOW.getTime() / 1000 }),
};

const depsWith = (identity = fakeCognito({ [EMAIL]: PASSWORD })): AuthDependencies => ({
  table: fakeTable(),
  identity,
  verifier,
  now: () => NOW,
});

const userItem = (state = 'active') => ({
  ...userKey(EMAIL),
  type: 'user',
  email: EMAIL,
  state,
  defaultGroup: '/acme',
  createdBy: 'admin@acme.com',
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** The lock items `activeLock` reads. */
const locks = (...items: Record<string, unknown>[]) =>
  dynamo.on(BatchGetCommand).resolves({ Responses: { [TABLE_NAME]: items } });
const failuresCounted = (failures: number, lockouts = 0) =>
  dynamo.on(UpdateCommand).resolves({ Attributes: { failures, lockouts } });
const transactions = () => dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems!);
const auditTypes = () =>
  transactions().flatMap((items) => items.flatMap((item) => (item.Put?.Item?.type ? [String(item.Put.Item.type)] : [])));

describe('services/authService', () => {
  beforeEach(() => {
    dynamo.on(GetCommand, { Key: userKey(EMAIL) }).resolves({ Item: userItem() });
    dynamo.on(TransactWriteCommand).resolves({});
    dynamo.on(PutCommand).resolves({});
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(DeleteCommand).resolves({});
    locks();
    failuresCounted(1);
  });

  afterEach(() => dynamo.reset());

  describe('login (lockouts and failures)', () => {
    it('refuses a locked account with 429 and the seconds left, even with the right password, and records the attempt', async () => {
      // Prepare
      locks({ ...lockoutKey('account', EMAIL), lockedUntil: NOW.getTime() + 10 * 60_000 });
      const identity = fakeCognito({ [EMAIL]: PASSWORD });

      // Act
      const refusal = await rejectionOf(login(depsWith(identity), EMAIL, PASSWORD, 'req-1', { sourceIp: IP }));

      // Assess
      expect(refusal).toMatchObject({ kind: 'locked', statusCode: 429, headers: { 'Retry-After': '600' } });
      expect(refusal.message).toContain('this account');
      expect(identity.calls).toEqual([]);
      const history = dynamo
        .commandCalls(UpdateCommand)
        .map((call) => call.args[0].input.ExpressionAttributeValues?.[':outcome']);
      expect(history).toEqual(['locked']);
    });

    it('refuses a locked source address with 429 naming the address', async () => {
      locks({ ...lockoutKey('ip', IP), lockedUntil: NOW.getTime() + 60_000 });

      const refusal = await rejectionOf(login(depsWith(), EMAIL, PASSWORD, 'req-1', { sourceIp: IP }));

      expect(refusal).toMatchObject({ statusCode: 429, message: expect.stringContaining('this address') });
    });

    it('ignores a lock that has run out', async () => {
      locks({ ...lockoutKey('account', EMAIL), lockedUntil: NOW.getTime() - 1 });

      await expect(login(depsWith(), EMAIL, PASSWORD, 'req-1')).resolves.toEqual(TOKENS);
    });

    it('answers a wrong password below the threshold with 401, counting it and auditing login.failed in the account’s group', async () => {
      // Prepare
      failuresCounted(LOCKOUT_POLICY.accountFailures - 1);

      // Act
      const refusal = await rejectionOf(login(depsWith(), EMAIL, 'wrong', 'req-1', { sourceIp: IP }));

      // Assess
      expect(refusal).toMatchObject({ statusCode: 401, message: INVALID_CREDENTIALS });
      const failed = transactions()
        .flat()
        .find((item) => item.Put?.Item?.type === 'login.failed');
      expect(failed?.Put?.Item).toMatchObject({ groupId: '/acme', target: { type: 'user', id: EMAIL } });
      expect(auditTypes()).not.toContain('login.locked');
    });

    it(`locks the account at the ${LOCKOUT_POLICY.accountFailures}th failure: 429 for ${LOCKOUT_POLICY.lockMinutes} minutes, with login.locked by the system`, async () => {
      // Prepare
      failuresCounted(LOCKOUT_POLICY.accountFailures);

      // Act
      const refusal = await rejectionOf(login(depsWith(), EMAIL, 'wrong', 'req-1', { sourceIp: IP }));

      // Assess
      expect(refusal).toMatchObject({ statusCode: 429, headers: { 'Retry-After': String(LOCKOUT_POLICY.lockMinutes * 60) } });
      const lock = transactions()
        .flat()
        .find((item) => item.Put?.Item?.type === 'login.locked');
      expect(lock?.Put?.Item).toMatchObject({ actor: 'system', changes: { minutes: { after: LOCKOUT_POLICY.lockMinutes } } });
    });

    it('doubles the lock for every earlier lockout remembered', async () => {
      failuresCounted(LOCKOUT_POLICY.accountFailures, 2);

      const refusal = await rejectionOf(login(depsWith(), EMAIL, 'wrong', 'req-1'));

      expect(refusal.headers['Retry-After']).toBe(String(LOCKOUT_POLICY.lockMinutes * 4 * 60));
    });

    it('counts the failures of an unknown email the same way, without history or audit of it', async () => {
      // Prepare
      dynamo.on(GetCommand, { Key: userKey('ghost@acme.com') }).resolves({});
      failuresCounted(LOCKOUT_POLICY.accountFailures);

      // Act
      const refusal = await rejectionOf(login(depsWith(), 'ghost@acme.com', 'guess', 'req-1'));

      // Assess
      expect(refusal.statusCode).toBe(429);
      expect(auditTypes()).toEqual(['login.locked']);
    });

    it('clears the run of failures after a successful login and makes the source known', async () => {
      await login(depsWith(), EMAIL, PASSWORD, 'req-1', { sourceIp: IP });

      const updates = dynamo.commandCalls(UpdateCommand).map((call) => call.args[0].input);
      expect(updates.find((update) => update.UpdateExpression === 'SET failures = :zero')?.Key).toEqual(
        lockoutKey('account', EMAIL),
      );
      expect(updates.some((update) => update.ExpressionAttributeValues?.[':type'] === 'knownSource')).toBe(true);
    });
  });

  describe('answerChallenge', () => {
    it('refuses a new password that breaks the policy with 400 before Cognito hears of it', async () => {
      const identity = fakeCognito();

      const refusal = await rejectionOf(
        answerChallenge(
          depsWith(identity),
          { email: EMAIL, challenge: 'NEW_PASSWORD_REQUIRED', session: 's', newPassword: 'weak' },
          'req-1',
        ),
      );

      expect(refusal).toMatchObject({
        statusCode: 400,
        details: expect.arrayContaining([expect.objectContaining({ path: 'newPassword' })]),
      });
      expect(identity.calls).toEqual([]);
    });

    it('opens a session authenticated with a TOTP code when the MFA challenge is answered', async () => {
      await answerChallenge(depsWith(), { email: EMAIL, challenge: 'SOFTWARE_TOKEN_MFA', session: 's', code: '654321' }, 'req-1');

      const session = transactions()
        .flat()
        .find((item) => item.Put?.Item?.type === 'session');
      expect(session?.Put?.Item).toMatchObject({ method: 'password+totp' });
    });
  });

  describe('verifyCurrentPassword', () => {
    it('accepts the current password without opening a session', async () => {
      await verifyCurrentPassword(depsWith(), EMAIL, PASSWORD, 'req-1');

      expect(transactions()).toEqual([]);
    });

    it('answers a wrong current password with 403 and counts it as a failed login', async () => {
      const refusal = await rejectionOf(verifyCurrentPassword(depsWith(), EMAIL, 'wrong', 'req-1', { sourceIp: IP }));

      expect(refusal).toMatchObject({ statusCode: 403, message: 'The current password is not correct' });
      expect(
        dynamo.commandCalls(UpdateCommand).some((call) => call.args[0].input.UpdateExpression?.startsWith('ADD failures')),
      ).toBe(true);
    });

    it('locks at the threshold as a login does, so a stolen token cannot guess the password', async () => {
      failuresCounted(LOCKOUT_POLICY.accountFailures);

      const refusal = await rejectionOf(verifyCurrentPassword(depsWith(), EMAIL, 'wrong', 'req-1'));

      expect(refusal.statusCode).toBe(429);
    });

    it('refuses while locked, with 429, without asking Cognito', async () => {
      locks({ ...lockoutKey('account', EMAIL), lockedUntil: NOW.getTime() + 60_000 });
      const identity = fakeCognito({ [EMAIL]: PASSWORD });

      const refusal = await rejectionOf(verifyCurrentPassword(depsWith(identity), EMAIL, PASSWORD, 'req-1'));

      expect(refusal.statusCode).toBe(429);
      expect(identity.calls).toEqual([]);
    });
  });

  describe('logout', () => {
    it('revokes and forgets the caller’s own refresh token, ends every session with its audit event, and signs out', async () => {
      // Prepare
      dynamo.on(GetCommand, { Key: refreshTokenKey(hashToken('refresh-1')) }).resolves({ Item: { email: EMAIL, issuedAt: 1 } });
      const identity = fakeCognito();

      // Act
      await logout(depsWith(identity), { email: EMAIL }, 'access-jwt', 'refresh-1', 'req-1', ['client-1']);

      // Assess
      expect(identity.calls).toEqual(['revoke refresh-1', 'signOut access-jwt']);
      expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(1);
      expect(auditTypes()).toEqual(['session.ended']);
    });

    it('leaves someone else’s refresh token alone', async () => {
      dynamo
        .on(GetCommand, { Key: refreshTokenKey(hashToken('theirs')) })
        .resolves({ Item: { email: 'bob@acme.com', issuedAt: 1 } });
      const identity = fakeCognito();

      await logout(depsWith(identity), { email: EMAIL }, 'access-jwt', 'theirs', 'req-1', ['client-1']);

      expect(identity.calls).toEqual(['signOut access-jwt']);
      expect(dynamo.commandCalls(DeleteCommand)).toHaveLength(0);
    });
  });

  describe('forgotPassword', () => {
    it('sends a code to an active user only: unknown and disabled emails get the same silent answer', async () => {
      // Prepare
      dynamo.on(GetCommand, { Key: userKey('ghost@acme.com') }).resolves({});
      dynamo
        .on(GetCommand, { Key: userKey('gone@acme.com') })
        .resolves({ Item: { ...userItem('disabled'), email: 'gone@acme.com' } });
      const identity = fakeCognito();

      // Act
      await forgotPassword(depsWith(identity), EMAIL);
      await forgotPassword(depsWith(identity), 'ghost@acme.com');
      await forgotPassword(depsWith(identity), 'gone@acme.com');

      // Assess
      expect(identity.calls).toEqual([`forgot ${EMAIL}`]);
    });

    it('answers the same when the code cannot be delivered', async () => {
      const identity = fakeCognito();
      identity.deliveryFails = true;

      await expect(forgotPassword(depsWith(identity), EMAIL)).resolves.toBeUndefined();
    });
  });

  describe('resetPassword', () => {
    it('sets the new password, records the proved address, ends every session and signs out everywhere, after the code', async () => {
      // Prepare
      const identity = fakeCognito({ [EMAIL]: PASSWORD });

      // Act
      await resetPassword(depsWith(identity), { email: EMAIL, code: '123456', newPassword: 'Another-Passw0rd!' }, 'req-1');

      // Assess
      expect(identity.passwords.get(EMAIL)).toBe('Another-Passw0rd!');
      expect(auditTypes()).toEqual(['user.email_proved', 'user.password_changed']);
      expect(identity.calls).toEqual([`reset ${EMAIL}`, `signOutEverywhere ${EMAIL}`]);
    });

    it('answers a wrong code, an unknown and a disabled email with the same 400, changing nothing', async () => {
      // Prepare
      dynamo.on(GetCommand, { Key: userKey('ghost@acme.com') }).resolves({});
      const identity = fakeCognito({ [EMAIL]: PASSWORD });
      const reset = (email: string, code: string) =>
        rejectionOf(resetPassword(depsWith(identity), { email, code, newPassword: 'Another-Passw0rd!' }, 'req-1'));

      // Act
      const wrongCode = await reset(EMAIL, '000000');
      const unknown = await reset('ghost@acme.com', '123456');

      // Assess
      expect(wrongCode).toMatchObject({ statusCode: 400, message: 'The code is not valid or has expired' });
      expect(unknown).toMatchObject({ statusCode: 400, message: wrongCode.message });
      expect(identity.passwords.get(EMAIL)).toBe(PASSWORD);
      expect(transactions()).toEqual([]);
    });

    it('refuses a new password that breaks the policy with 400 naming the rule', async () => {
      const refusal = await rejectionOf(
        resetPassword(depsWith(), { email: EMAIL, code: '123456', newPassword: 'short' }, 'req-1'),
      );

      expect(refusal).toMatchObject({
        statusCode: 400,
        details: expect.arrayContaining([expect.objectContaining({ path: 'newPassword' })]),
      });
    });
  });
});
