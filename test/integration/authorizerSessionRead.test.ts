/**
 * The authorizer still makes exactly one DynamoDB request per uncached decision now that it
 * reads the token's session too, and that one request returns only that session however many
 * the user has open. The real `authorizeToken` against DynamoDB Local, with a real token.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTokenVerifier } from '../../shared/identity/tokenVerifier.ts';
import { authorizeToken } from '../../shared/services/authorizerService.ts';
import { createDocumentClient } from '../../shared/store/client.ts';
import { login } from './support/api.ts';
import { createTestUser } from './support/fixtures.ts';
import { sessionItems } from './support/sessions.ts';

function countingTable() {
  const stack = inject('stack');
  const doc = createDocumentClient(stack.dynamoEndpoint);
  const sent: { operation: string; items: number }[] = [];
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const output = result.output as { Items?: unknown[] };
      sent.push({ operation: String(context.commandName), items: output.Items?.length ?? 0 });
      return result;
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return { table: { doc, tableName: stack.tableName }, sent };
}

describe('an uncached authorizer decision', () => {
  it('sends one Query, which returns the profile, the memberships and the token’s session only', async () => {
    // Prepare: a user with three open sessions and two memberships
    const user = await createTestUser({ memberships: { '/': 'reader' } });
    await login(user.email, user.password);
    await login(user.email, user.password);
    const { accessToken } = await login(user.email, user.password);
    expect(await sessionItems(user.email)).toHaveLength(3);
    const stack = inject('stack');
    const verifier = createTokenVerifier({
      userPoolId: stack.userPoolId,
      clientIds: [stack.apiClientId, stack.hostedClientId],
      localIssuer: `${stack.cognitoEndpoint.replace(/\/$/, '')}/${stack.userPoolId}`,
    });
    await verifier.hydrate();
    const { table, sent } = countingTable();

    // Act
    const decision = await authorizeToken({ verifier, table }, accessToken);

    // Assess: one request; profile + membership + this session
    expect(decision?.email).toBe(user.email);
    expect(sent).toEqual([{ operation: 'QueryCommand', items: 3 }]);
  });
});
