/**
 * Opaque page tokens: a query's LastEvaluatedKey, base64url-encoded. A token only resumes a
 * query; the query's own key condition still bounds what it can return, so a forged token
 * cannot reach outside the caller's subtree.
 */
import type { QueryCommand, QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { invalid } from '../domain/errors.ts';
import type { TableRef } from './client.ts';

export type PageKey = Record<string, string>;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function encodePageToken(value: unknown): string | undefined {
  return value === undefined ? undefined : Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodePageToken<T = PageKey>(
  token: string | undefined,
  isValid: (value: unknown) => value is T = isPageKey as never,
): T | undefined {
  if (token === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through
  }
  throw invalid('fromToken is not a token this service issued');
}

function isPageKey(value: unknown): value is PageKey {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Sends a paged Query; a start key from another query (a token replayed elsewhere) is the client's mistake, not ours. */
export async function sendQuery(table: TableRef, command: QueryCommand): Promise<QueryCommandOutput> {
  try {
    return await table.doc.send(command);
  } catch (error) {
    if ((error as Error).name === 'ValidationException' && command.input.ExclusiveStartKey) {
      throw invalid('fromToken does not belong to this query');
    }
    throw error;
  }
}
