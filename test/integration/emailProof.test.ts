/**
 * An email belongs to whoever proved it. Written as the attacks: a tenant admin who makes a login
 * with a password of their choosing cannot carry it into another tenant or into a tenant the bank
 * onboards; an invitation never takes over a self sign-up in progress; a sign-up squatted at
 * Cognito gets no tokens and no reset code.
 */
import { InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createCognitoClient } from '../../shared/identity/cognitoIdentity.ts';
import { adminCredentials, api, login } from './support/api.ts';
import { createTestUser, readUserRecord, uniqueEmail, uniqueGroupName } from './support/fixtures.ts';
import { outboxMessages, waitForCode } from './support/outbox.ts';

let rootToken: string;

beforeAll(async () => {
  rootToken = (await login(adminCredentials().email, adminCredentials().password)).accessToken;
});

const acceptPath = (groupId: string) => `/users/me/invitations/${encodeURIComponent(groupId)}/accept`;

async function tenantAdmin(): Promise<{ tenantId: string; token: string }> {
  const created = await api('POST', '/groups', { token: rootToken, groupContext: '/', body: { name: uniqueGroupName('t') } });
  expect(created.status).toBe(201);
  const admin = await createTestUser({ memberships: { [created.body.id]: 'admin' } });
  return { tenantId: created.body.id, token: (await login(admin.email, admin.password)).accessToken };
}

/**
 * The attacker, admin of their own tenant, invites the victim's address there with a password of
 * their choosing and logs in with it: two access tokens (one never used, so no authorizer cache
 * holds it) and a refresh token.
 */
async function preCreatedLogin(victim: string) {
  const attacker = await tenantAdmin();
  const chosen = 'Chosen-by-Attack3r!';
  const invited = await api('POST', '/users', {
    token: attacker.token,
    groupContext: attacker.tenantId,
    body: { email: victim, role: 'contributor', password: chosen },
  });
  expect(invited.status).toBe(201);
  const first = await api('POST', '/auth/login', { body: { email: victim, password: chosen } });
  expect(first.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
  const password = 'Kept-by-Attack3r!!';
  const answered = await api('POST', '/auth/challenge', {
    body: { email: victim, challenge: 'NEW_PASSWORD_REQUIRED', session: first.body.session, newPassword: password },
  });
  expect(answered.status).toBe(200);
  const unused = await login(victim, password);
  return { ...attacker, password, usedToken: answered.body.accessToken as string, unused };
}

/** The owner proves the address with the reset code sent to it; returns their new password. */
async function proveWithResetCode(email: string): Promise<string> {
  const code = await waitForCode(email);
  const newPassword = 'Real-0wner-Passw0rd!';
  const reset = await api('POST', '/auth/password/reset', { body: { email, code, newPassword } });
  expect(reset.status).toBe(204);
  return newPassword;
}

async function expectAttackerLockedOut(victim: string, attacker: Awaited<ReturnType<typeof preCreatedLogin>>) {
  expect((await api('POST', '/auth/login', { body: { email: victim, password: attacker.password } })).status).toBe(401);
  expect((await api('GET', '/users/me', { token: attacker.unused.accessToken })).status).toBe(401);
  expect((await api('POST', '/auth/refresh', { body: { refreshToken: attacker.unused.refreshToken } })).status).toBe(401);
}

/** How many codes reached the address, waiting (boundedly, as for an email) for more than `seen`. */
async function codesSentTo(email: string, seen: number, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = (await outboxMessages(email)).filter((message) => message.kind === 'code').length;
    if (count > seen || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a login made with an inviter-chosen password', () => {
  it('works inside the inviting tenant, and proves nothing: its profile records no verified email', async () => {
    // Prepare
    const victim = uniqueEmail('victim');

    // Act
    const attacker = await preCreatedLogin(victim);

    // Assess
    const me = await api('GET', '/users/me', { token: attacker.usedToken });
    expect(me.body.groups).toEqual({ [attacker.tenantId]: 'contributor' });
    expect((await readUserRecord(victim))?.emailVerifiedAt).toBeUndefined();
  });

  it('cannot accept an invitation from another tenant: it waits for proof, after which the pre-creator’s password and tokens fail', async () => {
    // Prepare
    const victim = uniqueEmail('victim');
    const attacker = await preCreatedLogin(victim);
    const other = await tenantAdmin();

    // Act
    const invited = await api('POST', '/users', {
      token: other.token,
      groupContext: other.tenantId,
      body: { email: victim, role: 'admin' },
    });
    const acceptedByAttacker = await api('POST', acceptPath(other.tenantId), { token: attacker.usedToken });
    const newPassword = await proveWithResetCode(victim);

    // Assess
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ state: 'invited', groups: { [other.tenantId]: 'admin' } });
    expect(acceptedByAttacker.status).toBe(403);
    await expectAttackerLockedOut(victim, attacker);
    const owner = await login(victim, newPassword);
    expect((await api('POST', acceptPath(other.tenantId), { token: owner.accessToken })).status).toBe(200);
    expect((await readUserRecord(victim))?.emailVerifiedAt).toBeDefined();
  });

  it('is not made the owner of a tenant the bank onboards: the grant waits for proof, after which the pre-creator is out', async () => {
    // Prepare
    const victim = uniqueEmail('owner');
    const attacker = await preCreatedLogin(victim);

    // Act
    const onboarded = await api('POST', '/tenants', {
      token: rootToken,
      body: { name: uniqueGroupName('biz'), plan: 'team', ownerEmail: victim },
    });
    const tenantId: string = onboarded.body.id;
    const attackerMe = await api('GET', '/users/me', { token: attacker.usedToken });
    const acceptedByAttacker = await api('POST', acceptPath(tenantId), { token: attacker.usedToken });
    const newPassword = await proveWithResetCode(victim);

    // Assess
    expect(onboarded.status).toBe(201);
    expect(attackerMe.body.groups).toEqual({ [attacker.tenantId]: 'contributor' });
    expect(attackerMe.body.invitations).toEqual({ [tenantId]: 'admin' });
    expect(acceptedByAttacker.status).toBe(403);
    await expectAttackerLockedOut(victim, attacker);
    const owner = await login(victim, newPassword);
    const accepted = await api('POST', acceptPath(tenantId), { token: owner.accessToken });
    expect(accepted.status).toBe(200);
    expect(accepted.body.groups).toMatchObject({ [tenantId]: 'admin' });
  });

  it('keeps a proved address’s grants at once: an owner who answered the emailed temporary password is onboarded directly', async () => {
    // Prepare: invited with a generated password, whose first login proves the address.
    const email = uniqueEmail('proved');
    const first = await tenantAdmin();
    await api('POST', '/users', { token: first.token, groupContext: first.tenantId, body: { email, role: 'reader' } });
    const message = (await outboxMessages(email)).find((candidate) => candidate.kind === 'invitation')!;
    const temporaryPassword = /temporary password (\S+);/.exec(message.body)![1]!;
    const challenge = await api('POST', '/auth/login', { body: { email, password: temporaryPassword } });
    await api('POST', '/auth/challenge', {
      body: { email, challenge: 'NEW_PASSWORD_REQUIRED', session: challenge.body.session, newPassword: 'Own-Passw0rd-1234!' },
    });

    // Act
    const onboarded = await api('POST', '/tenants', {
      token: rootToken,
      body: { name: uniqueGroupName('biz'), plan: 'team', ownerEmail: email },
    });

    // Assess
    expect((await readUserRecord(email))?.emailVerifiedAt).toBeDefined();
    const me = await api('GET', '/users/me', { token: (await login(email, 'Own-Passw0rd-1234!')).accessToken });
    expect(me.body.groups).toEqual({ [first.tenantId]: 'reader', [onboarded.body.id]: 'admin' });
  });
});

describe('an invitation to someone midway through self sign-up', () => {
  it('never takes the login over: the signer-up confirms, keeps their password and their business, and finds the invitation', async () => {
    // Prepare
    const email = uniqueEmail('signer');
    const password = 'Signer-Passw0rd-123!';
    const business = uniqueGroupName('Biz');
    expect((await api('POST', '/signup', { body: { businessName: business, email, password } })).status).toBe(202);
    const code = await waitForCode(email);
    const inviter = await tenantAdmin();

    // Act
    const invited = await api('POST', '/users', {
      token: inviter.token,
      groupContext: inviter.tenantId,
      body: { email, role: 'reader' },
    });
    const confirmed = await api('POST', '/signup/confirm', { body: { email, code } });

    // Assess: the invitation answered as for anyone new, and sent no temporary password.
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ state: 'invited', groups: { [inviter.tenantId]: 'reader' } });
    expect((await outboxMessages(email)).some((message) => message.kind === 'invitation')).toBe(false);
    expect(confirmed.status).toBe(204);
    const { accessToken } = await login(email, password);
    const me = await api('GET', '/users/me', { token: accessToken });
    expect(me.body.groups).toEqual({ [`/${business.toLowerCase()}`]: 'admin' });
    expect(me.body.invitations).toEqual({ [inviter.tenantId]: 'reader' });
    expect((await api('POST', acceptPath(inviter.tenantId), { token: accessToken })).status).toBe(200);
  });
});

describe('a sign-up squatted at Cognito with the future owner’s address', () => {
  it('gets no tokens once the bank onboards the address, and a reset code goes to the address itself', async () => {
    // Prepare: the squatter signs up directly with the public client id and a password of their choosing.
    const stack = inject('stack');
    const victim = uniqueEmail('squatted');
    const squatterPassword = 'Squatter-Passw0rd-1!';
    const cognito = createCognitoClient(stack.cognitoEndpoint);
    await cognito.send(
      new SignUpCommand({
        ClientId: stack.apiClientId,
        Username: victim,
        Password: squatterPassword,
        UserAttributes: [{ Name: 'email', Value: victim }],
      }),
    );
    const codesBefore = (await outboxMessages(victim)).filter((message) => message.kind === 'code').length;

    // Act
    const onboarded = await api('POST', '/tenants', {
      token: rootToken,
      body: { name: uniqueGroupName('biz'), plan: 'team', ownerEmail: victim },
    });
    const forgot = await api('POST', '/auth/password/forgot', { body: { email: victim } });

    // Assess
    expect(onboarded.status).toBe(201);
    expect(forgot.status).toBe(202);
    expect((await api('POST', '/auth/login', { body: { email: victim, password: squatterPassword } })).status).toBe(401);
    await expect(
      cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: stack.apiClientId,
          AuthParameters: { USERNAME: victim, PASSWORD: squatterPassword },
        }),
      ),
    ).rejects.toThrow();
    expect(await codesSentTo(victim, codesBefore)).toBeGreaterThan(codesBefore);
    cognito.destroy();
  });
});
