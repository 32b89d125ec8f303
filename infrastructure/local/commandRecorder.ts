/**
 * Records, per function, the IAM actions of the AWS calls it really makes: every DynamoDB and
 * Cognito command sent while a route's handler, the authorizer or a trigger runs. The integration
 * suite compares them with what each function is granted, so a function holds exactly the actions
 * its code can send. Local stack only; it wraps the SDK's one `Client.send`, so every client is
 * covered without the service code knowing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from '@smithy/core/client';

const currentFunction = new AsyncLocalStorage<string>();
const recorded = new Map<string, Set<string>>();
let installed = false;

/** The commands lib-dynamodb sends, by the DynamoDB API action each one is. */
const DOCUMENT_COMMANDS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  Query: 'Query',
  Scan: 'Scan',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
};

/** IAM authorizes each item of a transaction as the single-item action it is. */
const TRANSACTION_ITEMS: Record<string, string> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
  Get: 'GetItem',
};

export function installCommandRecorder(): void {
  if (installed) return;
  installed = true;
  const send = Client.prototype.send;
  Client.prototype.send = function recordingSend(this: Client<never, never, never, never>, command: unknown, ...rest: unknown[]) {
    const fn = currentFunction.getStore();
    if (fn) for (const action of iamActions(this.constructor.name, command)) record(fn, action);
    return (send as (...args: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof send;
}

/** Runs `work` as function `name`: the commands it sends are recorded under that name. */
export function runAsFunction<T>(name: string, work: () => Promise<T>): Promise<T> {
  return currentFunction.run(name, work);
}

export function recordedCommands(): Record<string, string[]> {
  return Object.fromEntries([...recorded].map(([fn, actions]) => [fn, [...actions].sort()]));
}

function record(fn: string, action: string): void {
  if (!recorded.has(fn)) recorded.set(fn, new Set());
  recorded.get(fn)!.add(action);
}

/** The IAM actions a command is authorized as, each with the partition it writes (`USER#`, `OUTBOX`) for writes. */
function iamActions(clientName: string, command: unknown): string[] {
  const name = (command as object).constructor.name.replace(/Command$/, '');
  if (clientName.startsWith('CognitoIdentityProvider')) return [`cognito-idp:${name}`];
  if (!clientName.startsWith('DynamoDB')) return [];
  const input = (command as { input?: Record<string, unknown> }).input ?? {};
  if (/^Transact(Write|Get)(Items)?$/.test(name)) {
    const items = (input.TransactItems ?? []) as Record<string, Record<string, unknown>>[];
    return items.flatMap((item) =>
      Object.entries(item).map(([kind, request]) => withPartition(`dynamodb:${TRANSACTION_ITEMS[kind] ?? kind}`, request)),
    );
  }
  if (name === 'BatchWrite' || name === 'BatchWriteItem') {
    const requests = Object.values(
      (input.RequestItems ?? {}) as Record<string, Record<string, Record<string, unknown>>[]>,
    ).flat();
    return requests.flatMap((request) => Object.values(request).map((write) => withPartition('dynamodb:BatchWriteItem', write)));
  }
  const action = withPartition(`dynamodb:${DOCUMENT_COMMANDS[name] ?? name}`, input);
  // A Query of an index needs the index's ARN as well as the table's.
  return input.IndexName ? [action, `${action} ${INDEX_MARK}`] : [action];
}

/** Recorded beside `dynamodb:Query` when the query reads an index. */
export const INDEX_MARK = '(index)';

const WRITES = new Set(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']);

/** `dynamodb:PutItem` on `USER#ann@acme.com` is recorded as `dynamodb:PutItem USER#`. */
function withPartition(action: string, request: Record<string, unknown>): string {
  if (!WRITES.has(action)) return action;
  const key = (request.Item ?? request.Key) as { pk?: unknown } | undefined;
  return typeof key?.pk === 'string' ? `${action} ${partitionFamily(key.pk)}` : action;
}

/** The fixed part of a partition key: up to and including its first `#`, or all of it. */
export function partitionFamily(pk: string): string {
  const hash = pk.indexOf('#');
  return hash === -1 ? pk : pk.slice(0, hash + 1);
}
