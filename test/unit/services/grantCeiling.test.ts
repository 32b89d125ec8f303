import { describe, expect, it } from 'vitest';
import { assertInviterMayStillGrant, assertMayDefineRole, assertMayGrant } from '../../../shared/services/access/grantCeiling.ts';
import { rejectionOf } from '../helpers.ts';
import { fakeDecisionInputs } from './fakes.ts';

const lead = { name: 'lead', actions: ['iam:users:invite', 'payments:*', '*:read', '*:list'], definedAt: '/acme' };
const approver = { name: 'approver', actions: ['payments:approve'], definedAt: '/acme' };

describe('services/access/grantCeiling', () => {
  it('reads the granter’s own custom role, then allows a grant within it', async () => {
    // Prepare
    const inputs = fakeDecisionInputs([lead]);

    // Act
    await assertMayGrant(inputs, { '/acme': 'lead' }, '/acme/finance', 'approver', approver);

    // Assess
    expect(inputs.reads).toEqual(['role /acme lead']);
  });

  it('refuses a grant above the granter with forbidden, naming the group', async () => {
    // Act
    const error = await rejectionOf(assertMayGrant(fakeDecisionInputs([lead]), { '/acme': 'lead' }, '/acme', 'admin', undefined));

    // Assess
    expect(error).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('grant admin in group /acme') });
  });

  it('refuses a role definition listing an action the author may not do', async () => {
    // Prepare
    const roleAdmin = { name: 'role-admin', actions: ['iam:roles:*'], definedAt: '/acme' };

    // Act
    const error = await rejectionOf(
      assertMayDefineRole(fakeDecisionInputs([roleAdmin]), { '/acme': 'role-admin' }, '/acme', ['*']),
    );

    // Assess
    expect(error).toMatchObject({ kind: 'forbidden' });
  });

  it('accepts an invitation while its inviter may still invite and grant it', async () => {
    // Act
    const accepted = assertInviterMayStillGrant(
      fakeDecisionInputs([lead]),
      { '/acme': 'lead' },
      {
        groupId: '/acme/finance',
        role: 'approver',
        definition: approver,
      },
    );

    // Assess
    await expect(accepted).resolves.toBeUndefined();
  });

  it.each([
    ['no longer exists', undefined],
    ['may no longer invite', { '/acme': 'contributor' }],
    ['may still invite but not grant the role', { '/acme': 'inviter' }],
  ])('refuses an invitation whose inviter %s', async (_, inviter) => {
    // Prepare
    const inviterRole = { name: 'inviter', actions: ['iam:users:invite'], definedAt: '/acme' };

    // Act
    const error = await rejectionOf(
      assertInviterMayStillGrant(fakeDecisionInputs([inviterRole]), inviter, {
        groupId: '/acme',
        role: 'approver',
        definition: approver,
      }),
    );

    // Assess
    expect(error).toMatchObject({ kind: 'forbidden', message: expect.stringContaining('no longer valid') });
  });
});
