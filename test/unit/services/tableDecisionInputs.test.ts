import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { tableDecisionInputs } from '../../../shared/services/access/tableDecisionInputs.ts';
import { fakeTable, TABLE_NAME } from '../helpers.ts';

const dynamo = mockClient(DynamoDBDocumentClient);

/** A stored group item with an optional configuration. */
const groupItem = (id: string, configuration?: Record<string, unknown>) => ({
  pk: `GROUP#${id}`,
  sk: 'GROUP',
  id,
  name: id,
  state: 'active',
  createdBy: 'installer',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...(configuration ? { configuration } : {}),
});

describe('services/access/tableDecisionInputs', () => {
  afterEach(() => dynamo.reset());

  describe('groupsRequiringMfa', () => {
    it('reads the groups and their ancestors in one BatchGet and applies inherited configuration', async () => {
      // Prepare: the tenant requires MFA, one department says false (a requirement above it still holds), another tenant does not.
      dynamo.on(BatchGetCommand).resolves({
        Responses: {
          [TABLE_NAME]: [
            groupItem('/'),
            groupItem('/mfa1', { security: { mfaRequired: true } }),
            groupItem('/mfa1/a'),
            groupItem('/mfa1/b', { security: { mfaRequired: false } }),
            groupItem('/other'),
          ],
        },
      });
      const inputs = tableDecisionInputs(fakeTable, () => 1_000);

      // Act
      const requiring = await inputs.groupsRequiringMfa(['/mfa1/a', '/mfa1/b', '/other', '/mfa1/a']);

      // Assess
      expect(requiring).toEqual(['/mfa1/a', '/mfa1/b']);
      expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(1);
    });

    it('answers from its cache for 30 s, then reads again', async () => {
      // Prepare
      dynamo.on(BatchGetCommand).resolves({ Responses: { [TABLE_NAME]: [groupItem('/'), groupItem('/mfa2')] } });
      let now = 5_000;
      const inputs = tableDecisionInputs(fakeTable, () => now);
      await inputs.groupsRequiringMfa(['/mfa2']);

      // Act
      now += 29_000;
      await inputs.groupsRequiringMfa(['/mfa2']);
      const readsWithinCache = dynamo.commandCalls(BatchGetCommand).length;
      now += 2_000;
      await inputs.groupsRequiringMfa(['/mfa2']);

      // Assess
      expect(readsWithinCache).toBe(1);
      expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(2);
    });
  });

  describe('custom roles and MFA requirements asked for together', () => {
    it('reads both in one BatchGet: the role at the group and above it, and the groups with their ancestors', async () => {
      // Prepare
      dynamo.on(BatchGetCommand).resolves({
        Responses: {
          [TABLE_NAME]: [
            groupItem('/'),
            groupItem('/both', { security: { mfaRequired: true } }),
            {
              pk: 'ROLE#/both',
              sk: 'approver',
              definedAt: '/both',
              actions: ['payments:approve'],
              createdBy: 'x',
              createdAt: 'y',
            },
          ],
        },
      });
      const inputs = tableDecisionInputs(fakeTable, () => 1_000);

      // Act
      const [role, requiring] = await Promise.all([
        inputs.customRoleAt('/both/finance', 'approver'),
        inputs.groupsRequiringMfa(['/both/finance']),
      ]);

      // Assess
      expect(role).toMatchObject({ name: 'approver', definedAt: '/both', actions: ['payments:approve'] });
      expect(requiring).toEqual(['/both/finance']);
      const calls = dynamo.commandCalls(BatchGetCommand);
      expect(calls).toHaveLength(1);
      expect(calls[0]!.args[0].input.RequestItems![TABLE_NAME]!.Keys).toHaveLength(6);
    });
  });
});
