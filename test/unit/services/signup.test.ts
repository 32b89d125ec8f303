import { describe, expect, it } from 'vitest';
import { SIGNUP_POLICY } from '../../../shared/config/signup.ts';
import type { SignupDependencies } from '../../../shared/services/signup/signupStore.ts';
import { completeSignup, confirmSignUp, signUp } from '../../../shared/services/signupService.ts';
import { storedUser } from './fakes.ts';
import { fakeGroupDirectory } from './fakeGroupDirectory.ts';
import { fakeSignupStore, type FakeSignupStore } from './fakeSignupStore.ts';
import { fakeTenantDirectory } from './fakeTenantDirectory.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const LATER = new Date(NOW.getTime() + (SIGNUP_POLICY.pendingHours + 1) * 3_600_000);
const REQUEST = { businessName: 'Bloom Florists', email: 'jo@bloom.example', password: 'Jo-Strong-Passw0rd' };

/** A Cognito that signs up each email once (a second sign-up answers `exists`) and accepts code 123456. */
function fakeSignupIdentity(known: string[] = []) {
  const signedUp = new Set(known);
  const confirmed: string[] = [];
  return {
    signedUp,
    confirmed,
    signUp: async (email: string) => {
      if (signedUp.has(email)) return 'exists' as const;
      signedUp.add(email);
      return 'created' as const;
    },
    confirmSignUp: async (email: string, code: string) => {
      if (code !== '123456') throw Object.assign(new Error('The code is not valid'), { kind: 'invalid' });
      confirmed.push(email);
    },
  };
}

function setUp(signups: FakeSignupStore = fakeSignupStore(), identity = fakeSignupIdentity(), at = NOW) {
  const groups = fakeGroupDirectory();
  const tenants = fakeTenantDirectory(groups);
  const deps: SignupDependencies = { signups, tenants, identity, now: () => at };
  return { deps, signups, tenants, groups, identity };
}

describe('services/signupService', () => {
  describe('signUp', () => {
    it('signs the owner up in Cognito, counts the address and keeps the business name until confirmation', async () => {
      // Prepare
      const { deps, signups, identity } = setUp();

      // Act
      await signUp(deps, REQUEST, { sourceIp: '203.0.113.7' });

      // Assess
      expect(identity.signedUp.has('jo@bloom.example')).toBe(true);
      expect(signups.counted).toEqual(['203.0.113.7']);
      expect(signups.pendingNames.get('jo@bloom.example')?.businessName).toBe('Bloom Florists');
    });

    it('keeps the first business of a pending sign-up: a second sign-up of the email changes nothing', async () => {
      // Prepare
      const { deps, signups } = setUp();
      await signUp(deps, REQUEST, {});

      // Act
      await signUp(deps, { ...REQUEST, businessName: 'Hijacked Ltd' }, {});

      // Assess
      expect(signups.pendingNames.get('jo@bloom.example')?.businessName).toBe('Bloom Florists');
    });

    it('answers an email that already has a login like a new one, keeping no business name for it', async () => {
      const { deps, signups } = setUp(fakeSignupStore(), fakeSignupIdentity(['jo@bloom.example']));

      await expect(signUp(deps, REQUEST, {})).resolves.toBeUndefined();

      expect(signups.pendingNames.size).toBe(0);
    });

    it('refuses a weak password with 400 naming the field, before Cognito hears of it', async () => {
      const { deps, identity } = setUp();

      await expect(signUp(deps, { ...REQUEST, password: 'weak' }, {})).rejects.toMatchObject({
        kind: 'invalid',
        details: expect.arrayContaining([expect.objectContaining({ path: 'password' })]),
      });
      expect(identity.signedUp.size).toBe(0);
    });

    it(`refuses an address past ${SIGNUP_POLICY.perIpPerHour} sign-ups an hour with 429 and the seconds to wait`, async () => {
      // Prepare
      const { deps, identity } = setUp(fakeSignupStore([], { retryAfter: 1200 }));

      // Act
      const signingUp = signUp(deps, REQUEST, { sourceIp: '203.0.113.7' });

      // Assess
      await expect(signingUp).rejects.toMatchObject({ kind: 'too-many', retryAfterSeconds: 1200 });
      expect(identity.signedUp.size).toBe(0);
    });
  });

  describe('confirmSignUp', () => {
    it('confirms the code with Cognito (whose trigger then completes the sign-up)', async () => {
      const { deps, identity } = setUp();

      await confirmSignUp(deps, { email: 'jo@bloom.example', code: '123456' });

      expect(identity.confirmed).toEqual(['jo@bloom.example']);
    });

    it('lets a wrong code fail as Cognito answers it', async () => {
      const { deps } = setUp();

      await expect(confirmSignUp(deps, { email: 'jo@bloom.example', code: '000000' })).rejects.toMatchObject({ kind: 'invalid' });
    });
  });

  describe('completeSignup', () => {
    it('creates the tenant named after the pending business, then forgets the pending sign-up', async () => {
      // Prepare
      const { deps, signups, groups } = setUp();
      await signUp(deps, REQUEST, {});

      // Act
      const tenantId = await completeSignup(deps, { email: 'Jo@Bloom.example', requestId: 'req-3' });

      // Assess
      expect(tenantId).toBe('/bloom-florists');
      expect(groups.stored.get('/bloom-florists')!.record.description).toBe('Bloom Florists');
      expect(signups.pendingNames.size).toBe(0);
    });

    it('names the business after the address when the pending sign-up expired', async () => {
      // Prepare
      const signups = fakeSignupStore();
      await signups.rememberPending('jo@bloom.example', 'Bloom Florists', NOW);
      const { deps } = setUp(signups, fakeSignupIdentity(), LATER);

      // Act
      const tenantId = await completeSignup(deps, { email: 'jo@bloom.example', requestId: 'req-3' });

      // Assess
      expect(tenantId).toBe('/jo');
    });

    it('creates nothing for an email that already has a profile with memberships, and keeps its pending sign-up', async () => {
      // Prepare
      const member = storedUser('jo@bloom.example', { '/acme': 'reader' });
      const { deps, signups, tenants } = setUp(fakeSignupStore([member]));
      await signups.rememberPending('jo@bloom.example', 'Bloom Florists', NOW);

      // Act
      const tenantId = await completeSignup(deps, { email: 'jo@bloom.example', requestId: 'req-3' });

      // Assess
      expect(tenantId).toBeUndefined();
      expect(tenants.audit).toEqual([]);
      expect(signups.pendingNames.has('jo@bloom.example')).toBe(true);
    });

    it('takes over a profile holding only invitations that waited for this sign-up, replacing it at its version', async () => {
      // Prepare
      const waiting = storedUser('jo@bloom.example', {}, { state: 'invited', pending: { '/acme': 'reader' } });
      const signups = fakeSignupStore([waiting]);
      const groups = fakeGroupDirectory();
      const tenants = fakeTenantDirectory(groups, { 'jo@bloom.example': waiting.version });
      await signups.rememberPending('jo@bloom.example', 'Bloom', NOW);

      // Act
      const tenantId = await completeSignup({ signups, tenants, now: () => NOW }, { email: 'jo@bloom.example', requestId: 'r' });

      // Assess
      expect(tenantId).toBe('/bloom');
      expect(tenants.owners.get('jo@bloom.example')).toMatchObject({ replacedVersion: waiting.version });
    });
  });
});
