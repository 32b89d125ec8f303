import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/services/tenants/tenantDirectory.ts';
import { changePlan, createTenant, createTenantForOwner } from '../../../shared/services/tenantService.ts';
import { storedUser, callerIn } from './fakes.ts';
import { fakeGroupDirectory, groupRecord, type FakeGroupDirectory } from './fakeGroupDirectory.ts';
import { fakeTenantDirectory } from './fakeTenantDirectory.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const bankAdmin = { caller: callerIn('/', { '/': 'admin' }, { email: 'staff@bank.example' }), requestId: 'req-1' };

function setUp(groups: FakeGroupDirectory = fakeGroupDirectory(), profiles: Record<string, number> = {}) {
  const tenants = fakeTenantDirectory(groups, profiles);
  const invited: { mutation: Mutation; email: string }[] = [];
  const deps = {
    tenants,
    groups,
    inviteOwner: async (mutation: Mutation, email: string) => {
      invited.push({ mutation, email });
    },
    now: () => NOW,
  };
  return { deps, tenants, groups, invited };
}

describe('services/tenantService', () => {
  describe('createTenant', () => {
    it('creates /<name> with its plan and limit, then invites the owner as admin acting in the new tenant', async () => {
      // Prepare
      const { deps, tenants, groups, invited } = setUp();

      // Act
      const view = await createTenant(deps, bankAdmin, { name: 'acme', plan: 'team', ownerEmail: 'ann@acme.com' });

      // Assess
      expect(view).toMatchObject({ id: '/acme', plan: 'team', state: 'active', createdBy: 'staff@bank.example' });
      expect(groups.stored.get('/acme')).toMatchObject({ userCount: 0, userLimit: 5 });
      expect(invited).toEqual([
        {
          mutation: {
            caller: expect.objectContaining({ groupContextId: '/acme', email: 'staff@bank.example' }),
            requestId: 'req-1',
          },
          email: 'ann@acme.com',
        },
      ]);
      expect(tenants.audit).toEqual([
        expect.objectContaining({ action: 'tenant.created', targetId: '/acme', at: NOW.toISOString() }),
      ]);
    });

    it('gives an enterprise tenant no user limit', async () => {
      const { deps, groups } = setUp();

      await createTenant(deps, bankAdmin, { name: 'bigco', plan: 'enterprise', ownerEmail: 'cfo@bigco.example' });

      expect(groups.stored.get('/bigco')!.userLimit).toBeUndefined();
    });

    it('refuses a tenant id that is taken with 409 and invites nobody', async () => {
      // Prepare
      const { deps, tenants, invited } = setUp(fakeGroupDirectory([groupRecord('/acme', { plan: 'team' })]));

      // Act
      const creating = createTenant(deps, bankAdmin, { name: 'acme', plan: 'team', ownerEmail: 'ann@acme.com' });

      // Assess
      await expect(creating).rejects.toMatchObject({ kind: 'conflict', message: 'Group /acme already exists' });
      expect(invited).toEqual([]);
      expect(tenants.audit).toEqual([]);
    });
  });

  describe('changePlan', () => {
    it('upgrades a tenant, lifting its limit, with the plans before and after in its audit event', async () => {
      // Prepare
      const { deps, tenants, groups } = setUp(fakeGroupDirectory([groupRecord('/acme', { plan: 'sole-trader' })]));

      // Act
      const view = await changePlan(deps, bankAdmin, '/acme', 'team');

      // Assess
      expect(view.plan).toBe('team');
      expect(groups.stored.get('/acme')).toMatchObject({ userLimit: 5, version: 2 });
      expect(tenants.audit).toEqual([
        expect.objectContaining({ action: 'tenant.plan_changed', before: { plan: 'sole-trader' }, after: { plan: 'team' } }),
      ]);
    });

    it('refuses a downgrade below the current users with 409 naming the count and the plan limit', async () => {
      // Prepare
      const { deps, tenants, groups } = setUp(fakeGroupDirectory([groupRecord('/acme', { plan: 'team' })]));
      groups.stored.get('/acme')!.userCount = 3;

      // Act
      const downgrading = changePlan(deps, bankAdmin, '/acme', 'sole-trader');

      // Assess
      await expect(downgrading).rejects.toMatchObject({
        kind: 'conflict',
        message: 'Tenant /acme has 3 users: the sole-trader plan allows 1 user. Remove users before downgrading.',
      });
      expect(groups.stored.get('/acme')!.record.plan).toBe('team');
      expect(tenants.audit).toEqual([]);
    });

    it('answers a group that is not a tenant (no plan), or no group, with 404', async () => {
      const { deps } = setUp(fakeGroupDirectory([groupRecord('/acme', { plan: 'team' }), groupRecord('/acme/finance')]));

      await expect(changePlan(deps, bankAdmin, '/acme/finance', 'team')).rejects.toMatchObject({ kind: 'not-found' });
      await expect(changePlan(deps, bankAdmin, '/nowhere', 'team')).rejects.toMatchObject({ kind: 'not-found' });
    });
  });

  describe('createTenantForOwner', () => {
    it('creates the sole-trader tenant named after the business, its owner (address proved) and admin membership', async () => {
      // Prepare
      const { deps, tenants, groups } = setUp();

      // Act
      const id = await createTenantForOwner(deps, {
        businessName: 'Bloom Florists!',
        email: 'jo@bloom.example',
        requestId: 'req-2',
      });

      // Assess
      expect(id).toBe('/bloom-florists');
      expect(groups.stored.get(id)!.record).toMatchObject({
        plan: 'sole-trader',
        description: 'Bloom Florists!',
        createdBy: 'jo@bloom.example',
      });
      expect(tenants.owners.get('jo@bloom.example')!.user).toMatchObject({
        state: 'active',
        defaultGroup: id,
        emailVerifiedAt: NOW.toISOString(),
        createdBy: 'signup',
      });
      expect(tenants.memberships).toEqual([expect.objectContaining({ email: 'jo@bloom.example', groupId: id, role: 'admin' })]);
      expect(tenants.audit).toEqual([
        expect.objectContaining({ action: 'tenant.signed_up', actor: 'jo@bloom.example', requestId: 'req-2' }),
      ]);
    });

    it('numbers the tenant when the name is taken, and names a business without letters "business"', async () => {
      const { deps } = setUp(fakeGroupDirectory([groupRecord('/bloom'), groupRecord('/bloom-2')]));

      const numbered = await createTenantForOwner(deps, { businessName: 'Bloom', email: 'jo@bloom.example', requestId: 'r' });
      const unnamed = await createTenantForOwner(deps, { businessName: '!!!', email: 'max@example.com', requestId: 'r' });

      expect(numbered).toBe('/bloom-3');
      expect(unnamed).toBe('/business');
    });

    it('replaces a profile of invitations that waited for the sign-up, at the version it read', async () => {
      // Prepare
      const waiting = storedUser('jo@bloom.example', {}, { state: 'invited', pending: { '/acme': 'reader' } });
      const { deps, tenants } = setUp(fakeGroupDirectory(), { 'jo@bloom.example': waiting.version });

      // Act
      const id = await createTenantForOwner(deps, {
        businessName: 'Bloom',
        email: 'jo@bloom.example',
        requestId: 'r',
        replacing: waiting,
      });

      // Assess
      expect(id).toBe('/bloom');
      expect(tenants.owners.get('jo@bloom.example')).toMatchObject({
        replacedVersion: waiting.version,
        user: { state: 'active' },
      });
    });

    it('refuses an email that already has an account with 409, creating no tenant', async () => {
      // Prepare
      const { deps, groups } = setUp(fakeGroupDirectory(), { 'jo@bloom.example': 4 });

      // Act
      const creating = createTenantForOwner(deps, { businessName: 'Bloom', email: 'jo@bloom.example', requestId: 'r' });

      // Assess
      await expect(creating).rejects.toMatchObject({ kind: 'conflict', message: 'jo@bloom.example already has an account' });
      expect(groups.stored.has('/bloom')).toBe(false);
    });

    it('gives up with 409 after 20 taken names', async () => {
      const taken = [groupRecord('/bloom'), ...Array.from({ length: 19 }, (_, index) => groupRecord(`/bloom-${index + 2}`))];
      const { deps } = setUp(fakeGroupDirectory(taken));

      await expect(
        createTenantForOwner(deps, { businessName: 'Bloom', email: 'jo@bloom.example', requestId: 'r' }),
      ).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('choose another business name') });
    });
  });
});
