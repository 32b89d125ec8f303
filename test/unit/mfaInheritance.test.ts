import { describe, expect, it } from 'vitest';
import { mfaSwitchOffRefusal, withInheritedMfaRequirement } from '../../shared/domain/access/mfaInheritance.ts';
import { effectiveConfiguration } from '../../shared/domain/configuration.ts';

const required = { security: { mfaRequired: true } };

describe('domain/access/mfaInheritance', () => {
  describe('mfaSwitchOffRefusal', () => {
    it('refuses mfaRequired false beneath an ancestor that requires MFA, naming the nearest such ancestor', () => {
      const ancestors = [
        { groupId: '/', configuration: required },
        { groupId: '/acme', configuration: required },
        { groupId: '/acme/finance' },
      ];

      const refusal = mfaSwitchOffRefusal('/acme/finance/payables', ancestors, { security: { mfaRequired: false } });

      expect(refusal).toMatchObject({ kind: 'conflict' });
      expect(refusal?.message).toContain('Group /acme requires MFA');
    });

    it('allows any layer that still requires MFA once merged', () => {
      const refusal = mfaSwitchOffRefusal('/acme/finance', [{ groupId: '/' }, { groupId: '/acme', configuration: required }], {
        security: { mfaRequired: true, rememberDevice: false },
      });

      expect(refusal).toBeUndefined();
    });

    it('allows switching MFA off where no ancestor requires it', () => {
      const refusal = mfaSwitchOffRefusal('/acme', [{ groupId: '/', configuration: { security: { mfaRequired: false } } }], {
        security: { mfaRequired: false },
      });

      expect(refusal).toBeUndefined();
    });
  });

  describe('withInheritedMfaRequirement', () => {
    it('keeps MFA required beneath a layer that requires it, whatever a nearer layer says', () => {
      const merged = withInheritedMfaRequirement({ security: 'off', region: 'uk' }, [required, { security: 'off' }]);

      expect(merged).toEqual({ security: { mfaRequired: true }, region: 'uk' });
    });

    it('leaves a configuration no layer requires MFA in as merged', () => {
      const merged = { security: { mfaRequired: false } };

      expect(withInheritedMfaRequirement(merged, [merged])).toBe(merged);
    });
  });

  describe('effectiveConfiguration', () => {
    it('requires MFA in a sub-group that said false before its ancestor started requiring it', () => {
      const effective = effectiveConfiguration([undefined, required, { security: { mfaRequired: false, sessionMinutes: 30 } }]);

      expect(effective).toEqual({ security: { mfaRequired: true, sessionMinutes: 30 } });
    });
  });
});
