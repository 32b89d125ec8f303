import { describe, expect, it } from 'vitest';
import { mayDefineRole, mayGrant } from '../../shared/domain/access/grantCeiling.ts';
import type { CustomRoleDefinition, CustomRoleLookup } from '../../shared/domain/access/permissions.ts';

const role = (name: string, actions: string[], definedAt = '/acme'): CustomRoleDefinition => ({ name, actions, definedAt });
const lookupOf =
  (...roles: CustomRoleDefinition[]): CustomRoleLookup =>
  (name) =>
    roles.find((candidate) => candidate.name === name);

describe('domain/access/grantCeiling', () => {
  describe('mayGrant', () => {
    it('lets a built-in admin grant any role in its subtree, and nothing outside it', () => {
      // Prepare
      const granter = { '/acme': 'admin' };
      const wide = role('wide', ['*']);

      // Act
      const inside = ['admin', 'contributor', 'reader'].map((granted) => mayGrant(granter, '/acme/finance', granted, undefined));
      const custom = mayGrant(granter, '/acme', 'wide', wide);
      const outside = mayGrant(granter, '/other', 'reader', undefined);

      // Assess
      expect(inside).toEqual([true, true, true]);
      expect(custom).toBe(true);
      expect(outside).toBe(false);
    });

    it('refuses an invite-only custom role granting admin, contributor or reader', () => {
      // Prepare
      const inviter = role('inviter', ['iam:users:invite']);
      const granter = { '/acme': 'inviter' };

      // Act
      const granted = ['admin', 'contributor', 'reader'].map((name) =>
        mayGrant(granter, '/acme', name, undefined, lookupOf(inviter)),
      );

      // Assess
      expect(granted).toEqual([false, false, false]);
    });

    it('lets a custom role grant a custom role whose every pattern one of its own covers', () => {
      // Prepare
      const lead = role('lead', ['iam:users:invite', 'payments:*', '*:read']);
      const granter = { '/acme': 'lead' };

      // Act
      const approver = mayGrant(
        granter,
        '/acme',
        'approver',
        role('approver', ['payments:approve', 'payments:batch:*']),
        lookupOf(lead),
      );
      const auditor = mayGrant(
        granter,
        '/acme',
        'auditor',
        role('auditor', ['iam:users:read', 'accounts:*:read']),
        lookupOf(lead),
      );
      const wider = mayGrant(granter, '/acme', 'wider', role('wider', ['payments:approve', 'accounts:write']), lookupOf(lead));
      const star = mayGrant(granter, '/acme', 'star', role('star', ['*:approve']), lookupOf(lead));
      const reader = mayGrant(granter, '/acme', 'reader', undefined, lookupOf(lead));

      // Assess
      expect([approver, auditor, wider, star, reader]).toEqual([true, true, false, false, false]);
    });

    it('lets a contributor grant only what contributor allows: business actions and reads, no IAM change', () => {
      // Prepare
      const granter = { '/acme': 'contributor' };

      // Act
      const answers = {
        business: mayGrant(granter, '/acme', 'clerk', role('clerk', ['payments:*', 'accounts:read'])),
        iamRead: mayGrant(granter, '/acme', 'viewer', role('viewer', ['iam:*:read', '*:list'])),
        anyApprove: mayGrant(granter, '/acme', 'approver', role('approver', ['*:approve'])),
        iamInvite: mayGrant(granter, '/acme', 'inviter', role('inviter', ['iam:users:*'])),
        contributor: mayGrant(granter, '/acme', 'contributor', undefined),
        reader: mayGrant(granter, '/acme', 'reader', undefined),
        admin: mayGrant(granter, '/acme', 'admin', undefined),
      };

      // Assess
      expect(answers).toEqual({
        business: true,
        iamRead: true,
        anyApprove: false,
        iamInvite: false,
        contributor: true,
        reader: true,
        admin: false,
      });
    });

    it('lets a custom role grant contributor only when it allows every business action', () => {
      // Prepare
      const everything = role('everything', ['*:*']);
      const payments = role('payments', ['payments:*', '*:read', '*:list']);

      // Act
      const wide = mayGrant({ '/acme': 'everything' }, '/acme', 'contributor', undefined, lookupOf(everything));
      const narrow = mayGrant({ '/acme': 'payments' }, '/acme', 'contributor', undefined, lookupOf(payments));
      const readerByNarrow = mayGrant({ '/acme': 'payments' }, '/acme', 'reader', undefined, lookupOf(payments));

      // Assess
      expect([wide, narrow, readerByNarrow]).toEqual([true, false, true]);
    });

    it('decides with the deepest membership of the granter, and refuses a custom role without a definition', () => {
      // Prepare
      const granter = { '/acme': 'admin', '/acme/finance': 'reader' };

      // Act
      const inFinance = mayGrant(granter, '/acme/finance/ap', 'contributor', undefined);
      const inHr = mayGrant(granter, '/acme/hr', 'contributor', undefined);
      const undefinedRole = mayGrant({ '/acme': 'contributor' }, '/acme', 'ghost', undefined);

      // Assess
      expect([inFinance, inHr, undefinedRole]).toEqual([false, true, false]);
    });
  });

  describe('mayDefineRole', () => {
    it('refuses a role holding iam:roles:* to rewrite itself to *', () => {
      // Prepare
      const roleAdmin = role('role-admin', ['iam:roles:*']);
      const granter = { '/acme': 'role-admin' };

      // Act
      const everything = mayDefineRole(granter, '/acme', ['*'], lookupOf(roleAdmin));
      const itself = mayDefineRole(granter, '/acme', ['iam:roles:*'], lookupOf(roleAdmin));
      const narrower = mayDefineRole(granter, '/acme', ['iam:roles:read'], lookupOf(roleAdmin));

      // Assess
      expect([everything, itself, narrower]).toEqual([false, true, true]);
    });

    it('refuses anyone without a role at the group', () => {
      // Act
      const refused = mayDefineRole({ '/acme': 'admin' }, '/other', ['payments:read']);

      // Assess
      expect(refused).toBe(false);
    });
  });
});
