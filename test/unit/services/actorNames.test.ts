import { describe, expect, it } from 'vitest';
import { presentActors, type MembershipProbe } from '../../../shared/services/access/actorNames.ts';
import { callerIn } from './fakes.ts';

/** Memberships in memory, as `email|groupId`; it records each batched read. */
function probeOf(memberships: string[]): MembershipProbe & { reads: string[][] } {
  const reads: string[][] = [];
  const probe = async (pairs: { email: string; groupId: string }[]) => {
    reads.push(pairs.map(({ email, groupId }) => `${email}|${groupId}`));
    return new Set(pairs.map(({ email, groupId }) => `${email}|${groupId}`).filter((pair) => memberships.includes(pair)));
  };
  return Object.assign(probe, { reads });
}

const tenantAdmin = callerIn('/acme', { '/acme': 'admin' });

describe('services/access/actorNames', () => {
  it('shows the bank’s staff as "bank" and the tenant’s own people by name, in one batched read', async () => {
    // Prepare
    const probe = probeOf(['lead@acme.com|/acme']);
    const body = {
      groups: [
        { id: '/acme/finance', createdBy: 'staff@bank.example', updatedBy: 'lead@acme.com' },
        { id: '/acme/hr', createdBy: 'ann@acme.com' },
      ],
    };

    // Act
    const shown = await presentActors(probe, tenantAdmin, body);

    // Assess
    expect(shown.groups).toEqual([
      { id: '/acme/finance', createdBy: 'bank', updatedBy: 'lead@acme.com' },
      { id: '/acme/hr', createdBy: 'ann@acme.com' },
    ]);
    expect(probe.reads).toHaveLength(1);
    expect(probe.reads[0]).toEqual(
      expect.arrayContaining(['staff@bank.example|/acme/finance', 'staff@bank.example|/acme', 'lead@acme.com|/acme']),
    );
    expect(probe.reads[0]).not.toContain('staff@bank.example|/');
  });

  it('shows someone who acted from another tenant on a shared user as "bank"', async () => {
    // Prepare: bob belongs to /acme and /bloom; bloom's admin changed him last
    const probe = probeOf(['admin@bloom.example|/bloom']);
    const user = {
      email: 'bob@acme.com',
      groups: { '/acme/finance': 'reader' },
      createdBy: 'installer',
      updatedBy: 'admin@bloom.example',
    };

    // Act
    const shown = await presentActors(probe, tenantAdmin, user);

    // Assess
    expect(shown).toMatchObject({ createdBy: 'installer', updatedBy: 'bank' });
  });

  it('reads nothing for a caller at / or a response naming only the caller and non-people', async () => {
    // Prepare
    const probe = probeOf([]);
    const bankAdmin = callerIn('/acme', { '/': 'admin' }, { email: 'staff@bank.example' });

    // Act
    const byBank = await presentActors(probe, bankAdmin, { id: '/acme', createdBy: 'lead@acme.com' });
    const own = await presentActors(probe, tenantAdmin, { id: '/acme/hr', createdBy: 'ann@acme.com', updatedBy: 'system' });
    const none = await presentActors(probe, tenantAdmin, undefined);

    // Assess
    expect(byBank.createdBy).toBe('lead@acme.com');
    expect(own).toEqual({ id: '/acme/hr', createdBy: 'ann@acme.com', updatedBy: 'system' });
    expect(none).toBeUndefined();
    expect(probe.reads).toEqual([]);
  });

  it('places a role where it is defined and anything else in the caller’s context', async () => {
    // Prepare
    const probe = probeOf(['lead@acme.com|/acme/finance']);
    const caller = callerIn('/acme/finance', { '/acme/finance': 'admin' });

    // Act
    const role = await presentActors(probe, caller, { name: 'clerk', definedAt: '/acme/finance', createdBy: 'lead@acme.com' });
    const other = await presentActors(probe, caller, { createdBy: 'lead@acme.com' });

    // Assess
    expect(role.createdBy).toBe('lead@acme.com');
    expect(other.createdBy).toBe('lead@acme.com');
  });
});
