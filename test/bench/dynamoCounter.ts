/**
 * Counts the DynamoDB requests a document client sends, by operation, and sums the capacity
 * they consume. It asks for `ReturnConsumedCapacity: TOTAL` on every operation that supports it;
 * DynamoDB Local may or may not answer with it, which the report then says.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Operations that accept ReturnConsumedCapacity. */
const CAPACITY_OPERATIONS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
]);

interface Capacity {
  CapacityUnits?: number;
}

export interface CountedRequest {
  /** The DynamoDB operation, with the index it reads when it names one: `Query gsi2`. */
  operation: string;
  /** Time from send to the deserialized answer. */
  ms: number;
  /** CapacityUnits this request consumed, when the answer says. */
  capacityUnits?: number;
}

export interface CounterSnapshot {
  /** Operations sent, in order (`send()` calls). */
  requests: CountedRequest[];
  /** HTTP attempts that reached DynamoDB (more than `operations` only when the SDK retried). */
  attempts: number;
  /** Summed CapacityUnits, or undefined when no response carried ConsumedCapacity. */
  capacityUnits?: number;
}

export interface DynamoCounter {
  reset(): void;
  snapshot(): CounterSnapshot;
}

export function countDynamoRequests(doc: DynamoDBDocumentClient): DynamoCounter {
  let requests: CountedRequest[] = [];
  let attempts = 0;
  let capacityUnits: number | undefined;

  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const counted: CountedRequest = {
        operation: input.IndexName ? `${operation} ${String(input.IndexName)}` : operation,
        ms: 0,
      };
      requests.push(counted);
      if (CAPACITY_OPERATIONS.has(operation)) input.ReturnConsumedCapacity = 'TOTAL';
      const started = performance.now();
      const result = await next(args).finally(() => (counted.ms = performance.now() - started));
      const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      for (const entry of [consumed ?? []].flat()) {
        if (typeof entry.CapacityUnits !== 'number') continue;
        counted.capacityUnits = (counted.capacityUnits ?? 0) + entry.CapacityUnits;
        capacityUnits = (capacityUnits ?? 0) + entry.CapacityUnits;
      }
      return result;
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  doc.middlewareStack.add(
    (next) => async (args) => {
      attempts++;
      return next(args);
    },
    { step: 'deserialize', name: 'benchAttemptCounter' },
  );

  return {
    reset() {
      requests = [];
      attempts = 0;
      capacityUnits = undefined;
    },
    snapshot: () => ({ requests: [...requests], attempts, capacityUnits }),
  };
}
