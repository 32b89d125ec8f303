import { describe, expect, it } from 'vitest';
import {
  assertChangeAllowedFor,
  assertMayChangeProfile,
  assertSelfOrManager,
  grantTakesEffect,
  visibleOrNotFound,
} from '../../../shared/services/access/userRules.ts';
import { thrownBy } from '../helpers.ts';
import { callerIn, storedUser } from './fakes.ts';

const acmeAdmin = callerIn('/acme', { '/acme': 'admin' });
const financeAdmin = callerIn('/acme/finance', { '/acme/finance': 'admin' });

describe('services/access/userRules', () => {
  describe('visibleOrNotFound', () => {
    it('returns a user with a membership beneath the context', () => {
      const bob = storedUser('bob@acme.com', { '/acme/finance': 'reader' });

      expect(visibleOrNotFound(acmeAdmin, 'bob@acme.com', bob)).toBe(bob);
    });

    it('returns a user only invited beneath the context', () => {
      const bob = storedUser('bob@acme.com', {}, { pending: { '/acme/hr': 'reader' } });

      expect(visibleOrNotFound(acmeAdmin, 'bob@acme.com', bob)).toBe(bob);
    });

    it('answers someone in another tenant exactly like an unknown email', () => {
      // Prepare
      const eve = storedUser('eve@globex.com', { '/globex': 'admin' });

      // Act
      const hidden = thrownBy(() => visibleOrNotFound(acmeAdmin, 'eve@globex.com', eve));
      const unknown = thrownBy(() => visibleOrNotFound(acmeAdmin, 'eve@globex.com', undefined));

      // Assess
      expect(hidden).toEqual(unknown);
      expect(hidden).toMatchObject({ statusCode: 404, message: 'User eve@globex.com not found' });
    });

    it('always shows callers themselves', () => {
      const ann = storedUser('ann@acme.com', { '/globex': 'reader' });

      expect(visibleOrNotFound(acmeAdmin, 'ann@acme.com', ann)).toBe(ann);
    });
  });

  describe('assertSelfOrManager', () => {
    it('lets a manager of every group of the user through', () => {
      expect(() =>
        assertSelfOrManager(
          acmeAdmin,
          'bob@acme.com',
          storedUser('bob@acme.com', { '/acme/finance': 'reader', '/acme/hr': 'reader' }),
        ),
      ).not.toThrow();
    });

    it('refuses an admin of only some of the user’s groups', () => {
      const error = thrownBy(() =>
        assertSelfOrManager(
          financeAdmin,
          'bob@acme.com',
          storedUser('bob@acme.com', { '/acme/finance': 'reader', '/acme/hr': 'reader' }),
        ),
      );

      expect(error).toMatchObject({
        kind: 'forbidden',
        message: 'Only the user, or an admin of every group they belong to, may do this',
      });
    });

    it('lets users reach their own sessions without any admin role', () => {
      const reader = callerIn('/acme', { '/acme': 'reader' });

      expect(() => assertSelfOrManager(reader, 'ann@acme.com', storedUser('ann@acme.com', { '/acme': 'reader' }))).not.toThrow();
    });

    it('does not count a custom role as user management', () => {
      const custom = callerIn('/acme', { '/acme': 'everything' });

      expect(
        thrownBy(() => assertSelfOrManager(custom, 'bob@acme.com', storedUser('bob@acme.com', { '/acme': 'reader' }))).kind,
      ).toBe('forbidden');
    });
  });

  describe('assertChangeAllowedFor', () => {
    it('refuses a password change for someone else', () => {
      expect(thrownBy(() => assertChangeAllowedFor(acmeAdmin, 'bob@acme.com', { password: 'x' })).message).toBe(
        'Users may only change their own password',
      );
    });

    it('refuses a change of one’s own state with SIF’s exact message', () => {
      expect(thrownBy(() => assertChangeAllowedFor(acmeAdmin, 'ann@acme.com', { state: 'disabled' })).message).toBe(
        "User's may only update the state of other user.",
      );
    });

    it('lets users change their own password and default group', () => {
      expect(() => assertChangeAllowedFor(acmeAdmin, 'ann@acme.com', { password: 'x', defaultGroup: '/acme' })).not.toThrow();
    });
  });

  describe('assertMayChangeProfile', () => {
    const bob = storedUser('bob@acme.com', { '/acme/finance': 'reader', '/acme/hr': 'reader' });

    it('lets a manager of all the user’s groups change their state and tags', () => {
      expect(() => assertMayChangeProfile(acmeAdmin, 'bob@acme.com', bob, { state: 'disabled', tags: {} })).not.toThrow();
    });

    it.each([{ state: 'disabled' }, { tags: { region: 'uk' } }, { defaultGroup: '/acme/finance' }])(
      'refuses %j from an admin of only some of the user’s groups',
      (change) => {
        expect(thrownBy(() => assertMayChangeProfile(financeAdmin, 'bob@acme.com', bob, change)).statusCode).toBe(403);
      },
    );

    it('lets users change their own default group without being an admin', () => {
      const reader = callerIn('/acme', { '/acme': 'reader' });

      expect(() =>
        assertMayChangeProfile(reader, 'ann@acme.com', storedUser('ann@acme.com', { '/acme': 'reader' }), {
          defaultGroup: '/acme',
        }),
      ).not.toThrow();
    });
  });

  describe('grantTakesEffect', () => {
    it('takes effect at once when the caller manages one of the user’s groups', () => {
      expect(
        grantTakesEffect(financeAdmin, storedUser('bob@acme.com', { '/acme/finance/ap': 'reader', '/globex': 'admin' })),
      ).toBe(true);
    });

    it('waits for the user when the caller manages none of their groups', () => {
      expect(grantTakesEffect(acmeAdmin, storedUser('eve@globex.com', { '/globex': 'admin' }))).toBe(false);
    });

    it('waits for a user with only invitations', () => {
      expect(grantTakesEffect(acmeAdmin, storedUser('eve@globex.com', {}, { pending: { '/acme': 'reader' } }))).toBe(false);
    });
  });
});
