import { randomUUID } from 'node:crypto';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { auditEventKey } from './keys.ts';
import type { AuditEvent } from './storedRecords.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The audit event as a transaction item, so it commits with the change it records or not at all. */
export function auditEventPut(tableName: string, event: AuditEvent): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...auditEventKey(event.targetType, event.targetId, event.at, randomUUID()), type: 'audit', ...event },
    },
  };
}
