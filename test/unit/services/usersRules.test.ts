import { describe, expect, it } from 'vitest';
import { membershipCountUpdates, roleUseUpdates, withoutKeys } from '../../../shared/services/users/membershipChange.ts';
import { presentUser } from '../../../shared/services/users/present.ts';
import { callerIn, storedUser } from './fakes.ts';

/** What each counter item of a transaction adds, by group key: `{ '/acme': { memberCount: 1 } }`. */
function countsOf(items: ReturnType<typeof membershipCountUpdates>): Record<string, Record<string, number>> {
  return Object.fromEntries(
    items.map((item) => {
      const update = item.Update!;
      const values = update.ExpressionAttributeValues as Record<string, unknown>;
      const counters = Object.fromEntries(
        Object.entries(values)
          .filter(([name]) => name !== ':active')
          .map(([name, delta]) => [name.slice(1), delta as number]),
      );
      return [String((update.Key as { pk: string }).pk).replace(/^GROUP#/, ''), counters];
    }),
  );
}

describe('services/users', () => {
  describe('membershipCountUpdates', () => {
    it('counts a new member in the group and a new user in its tenant', () => {
      const items = membershipCountUpdates('t', { before: [], after: ['/acme/finance'], activeGroup: '/acme/finance' });

      expect(countsOf(items)).toEqual({ '/acme/finance': { memberCount: 1 }, '/acme': { userCount: 1 } });
    });

    it('costs the tenant nothing for a user already in it through another group', () => {
      const items = membershipCountUpdates('t', {
        before: ['/acme/hr'],
        after: ['/acme/hr', '/acme/finance'],
        activeGroup: '/acme/finance',
      });

      expect(countsOf(items)).toEqual({ '/acme/finance': { memberCount: 1 } });
    });

    it('frees the tenant’s place when the user’s last membership there goes', () => {
      const items = membershipCountUpdates('t', { before: ['/acme/hr', '/globex'], after: ['/globex'] });

      expect(countsOf(items)).toEqual({ '/acme/hr': { memberCount: -1 }, '/acme': { userCount: -1 } });
    });

    it('still checks that the group granted in exists and is active when no count changes', () => {
      // Prepare: accepting an invitation keeps the counts.
      const items = membershipCountUpdates('t', { before: ['/acme'], after: ['/acme'], activeGroup: '/acme' });

      // Assess
      expect(items).toHaveLength(1);
      expect(items[0]!.Update!.ConditionExpression).toContain('#state = :active');
    });

    it('checks the plan’s limit only where a user joins a tenant', () => {
      const [join] = membershipCountUpdates('t', { before: [], after: ['/acme'], activeGroup: '/acme' });

      expect(join!.Update!.ConditionExpression).toContain('userCount < userLimit');
    });
  });

  describe('roleUseUpdates', () => {
    it('moves one use from the role stopped to the role started', () => {
      const items = roleUseUpdates('t', [{ role: 'approver', source: '/acme' }], [{ role: 'viewer', source: '/' }]);

      expect(items.map((item) => [item.Update!.Key, item.Update!.ExpressionAttributeValues![':delta']])).toEqual([
        [{ pk: 'ROLE#/acme', sk: 'approver' }, -1],
        [{ pk: 'ROLE#/', sk: 'viewer' }, 1],
      ]);
    });

    it('writes nothing for built-in roles or a role replaced by itself', () => {
      expect(roleUseUpdates('t', [{ role: 'admin' }], [{ role: 'reader' }])).toEqual([]);
      expect(roleUseUpdates('t', [{ role: 'approver', source: '/acme' }], [{ role: 'approver', source: '/acme' }])).toEqual([]);
    });
  });

  describe('withoutKeys', () => {
    it('drops the named keys only', () => {
      expect(withoutKeys({ '/a': 1, '/b': 2, '/c': 3 }, ['/a', '/c'])).toEqual({ '/b': 2 });
    });
  });

  describe('presentUser', () => {
    it('shows the caller only the memberships on their branches', () => {
      // Prepare
      const bob = storedUser('bob@acme.com', { '/acme/finance': 'reader', '/globex': 'admin' });
      bob.user.defaultGroup = '/globex';

      // Act
      const view = presentUser(bob, callerIn('/acme', { '/acme': 'admin' }));

      // Assess
      expect(view.groups).toEqual({ '/acme/finance': 'reader' });
      expect(view.defaultGroup).toBeUndefined();
    });

    it('shows someone known to the caller only through an invitation as any invited user', () => {
      // Prepare
      const eve = storedUser('eve@globex.com', { '/globex': 'admin' }, { pending: { '/acme': 'reader' } });
      eve.user.tags = { region: 'us' };
      eve.invitations = {
        '/acme': {
          email: 'eve@globex.com',
          groupId: '/acme',
          role: 'reader',
          status: 'pending',
          tags: { team: 'ops' },
          createdBy: 'admin@acme.com',
          createdAt: '2026-02-02T00:00:00.000Z',
        },
      };

      // Act
      const view = presentUser(eve, callerIn('/acme', { '/acme': 'admin' }));

      // Assess: the invitation's own fields, nothing of her profile
      expect(view).toEqual({
        email: 'eve@globex.com',
        state: 'invited',
        groups: { '/acme': 'reader' },
        defaultGroup: '/acme',
        tags: { team: 'ops' },
        createdBy: 'admin@acme.com',
        createdAt: '2026-02-02T00:00:00.000Z',
      });
    });

    it('shows users all their own memberships, but not their invitations, as groups', () => {
      const ann = storedUser('ann@acme.com', { '/acme': 'reader', '/globex': 'reader' }, { pending: { '/initech': 'admin' } });

      expect(presentUser(ann, 'self').groups).toEqual({ '/acme': 'reader', '/globex': 'reader' });
    });
  });
});
