/**
 * One DynamoDB transaction: a change and its audit event commit together or not at all.
 * Cancellations caused by a competing transaction are retried; a failed condition is
 * reported with the index of the item whose condition failed, for the caller to explain.
 */
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const MAX_TRANSACTION_ITEMS = 100;

export class ConditionFailedError extends Error {
  constructor(readonly failedIndexes: number[]) {
    super(`Transaction condition failed at item(s) ${failedIndexes.join(', ')}`);
    this.name = 'ConditionFailedError';
  }
}

const MAX_ATTEMPTS = 6;

export async function writeTransaction(table: TableRef, items: TransactItem[]): Promise<void> {
  if (items.length > MAX_TRANSACTION_ITEMS)
    throw new Error(`A transaction takes at most ${MAX_TRANSACTION_ITEMS} items, got ${items.length}`);
  for (let attempt = 1; ; attempt++) {
    try {
      await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const failed = reasons.flatMap((code, index) => (code === 'ConditionalCheckFailed' ? [index] : []));
      if (failed.length > 0) throw new ConditionFailedError(failed);
      const conflicted = reasons.some((code) => code === 'TransactionConflict');
      if (!conflicted || attempt >= MAX_ATTEMPTS) throw error;
      // Jittered backoff lets one of the competing transactions win.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
    }
  }
}

function cancellationReasons(error: unknown): string[] | undefined {
  if ((error as Error)?.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (reasons) return reasons.map((reason) => reason.Code ?? 'None');
  // DynamoDB Local sometimes reports the reasons only in the message: "[None, ConditionalCheckFailed]".
  const listed = /\[(.*)\]/.exec((error as Error).message)?.[1];
  return listed ? listed.split(',').map((code) => code.trim()) : [];
}
