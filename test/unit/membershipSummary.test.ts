import { describe, expect, it } from 'vitest';
import { membershipSummaryKey } from '../../shared/store/entities/users.ts';
import {
  membershipsOf,
  membershipSummaryUpdate,
  putMembershipSummary,
  summarizedMemberships,
} from '../../shared/store/membershipSummary.ts';
import type { MembershipRecord } from '../../shared/store/storedRecords.ts';

const EMAIL = 'ann@acme.com';
const membership: MembershipRecord = {
  email: EMAIL,
  groupId: '/acme',
  role: 'approver',
  roleDefinedAt: '/acme',
  createdBy: 'bob@acme.com',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const invitation: MembershipRecord = {
  email: EMAIL,
  groupId: '/beta',
  role: 'reader',
  status: 'pending',
  tags: { team: 'blue' },
  defaultGroup: '/beta',
  createdBy: 'cat@beta.com',
  createdAt: '2026-01-02T00:00:00.000Z',
};

describe('store/membershipSummary', () => {
  it('changes only the attributes of the groups written or removed, never the whole summary', () => {
    // Act
    const update = membershipSummaryUpdate('table', EMAIL, { set: [membership], remove: ['/old'] }).Update!;

    // Assess
    expect(update.Key).toEqual(membershipSummaryKey(EMAIL));
    expect(update.UpdateExpression).toBe('SET #type = :type, #s0 = :s0 REMOVE #r0');
    expect(update.ExpressionAttributeNames).toEqual({ '#type': 'type', '#s0': 'MEMBER#/acme', '#r0': 'MEMBER#/old' });
    expect(update.ExpressionAttributeValues).toEqual({ ':type': 'summary', ':s0': { role: 'approver', roleDefinedAt: '/acme' } });
    expect(update.ConditionExpression).toBeUndefined();
  });

  it('reads back what loadUserWithMemberships gives: roles, invitations with what their tenant sees, role sources', () => {
    // Prepare
    const item = putMembershipSummary('table', EMAIL, [membership, invitation]).Put!.Item!;

    // Act
    const summary = summarizedMemberships(EMAIL, item);

    // Assess
    expect(summary).toEqual({
      memberships: { '/acme': 'approver' },
      pending: { '/beta': 'reader' },
      roleSources: { '/acme': '/acme' },
      invitations: { '/beta': invitation },
    });
  });

  it('is not trusted unless complete: a summary begun by per-group updates on an older profile reads as missing', () => {
    // Prepare
    const update = membershipSummaryUpdate('table', EMAIL, { set: [membership] }).Update!;
    const partial = { ...membershipSummaryKey(EMAIL), type: 'summary', 'MEMBER#/acme': update.ExpressionAttributeValues![':s0'] };

    // Act, Assess
    expect(summarizedMemberships(EMAIL, partial)).toBeUndefined();
    expect(summarizedMemberships(EMAIL, undefined)).toBeUndefined();
  });

  it('rebuilds the membership items of a loaded user for the backfill', () => {
    // Prepare
    const loaded = {
      user: { email: EMAIL, state: 'active' as const, createdBy: 'x', createdAt: 'y' },
      version: 3,
      memberships: { '/acme': 'approver' },
      pending: { '/beta': 'reader' },
      roleSources: { '/acme': '/acme' },
      invitations: { '/beta': invitation },
    };

    // Act
    const item = putMembershipSummary('table', EMAIL, membershipsOf(loaded)).Put!.Item!;

    // Assess
    expect(summarizedMemberships(EMAIL, item)).toEqual({
      memberships: loaded.memberships,
      pending: loaded.pending,
      roleSources: loaded.roleSources,
      invitations: loaded.invitations,
    });
  });
});
