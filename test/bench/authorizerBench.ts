/**
 * Issue 2: DynamoDB requests per uncached authorizer decision, and the size of the context the
 * authorizer hands to handlers. Calls the real authorizer handler in this process; it shares
 * the process's document client (defaultTable()), which the counter watches.
 */
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import type { DynamoCounter } from './dynamoCounter.ts';

const DECISIONS = 5;

export interface AuthorizerResult {
  caller: string;
  memberships: number;
  decisions: number;
  requestsPerDecision: number;
  operations: string[];
  capacityPerDecision?: number;
  contextBytes: number;
  responseBytes: number;
}

export async function measureAuthorizer(
  counter: DynamoCounter,
  caller: string,
  memberships: number,
  accessToken: string,
): Promise<AuthorizerResult> {
  // Imported only now: the module reads the stack's environment when it loads.
  const { handler } = await import('../../functions/authorizer.ts');
  const event = {
    type: 'REQUEST',
    methodArn: 'arn:aws:execute-api:local:0:api/local/GET/groups',
    headers: { Authorization: `Bearer ${accessToken}` },
  } as unknown as APIGatewayRequestAuthorizerEvent;
  await handler(event);
  counter.reset();
  let result = await handler(event);
  for (let i = 1; i < DECISIONS; i++) result = await handler(event);
  const counted = counter.snapshot();
  return {
    caller,
    memberships,
    decisions: DECISIONS,
    requestsPerDecision: counted.attempts / DECISIONS,
    operations: [...new Set(counted.requests.map((request) => request.operation))],
    capacityPerDecision: counted.capacityUnits === undefined ? undefined : counted.capacityUnits / DECISIONS,
    contextBytes: Buffer.byteLength(JSON.stringify(result.context)),
    responseBytes: Buffer.byteLength(JSON.stringify(result)),
  };
}
