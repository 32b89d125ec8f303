/**
 * Reading the audit log: one tenant's events through the tenant + time index (`gsi3`), newest
 * first. Each page costs at most MAX_REQUESTS_PER_PAGE Queries of at most `limit` items, whatever
 * the filters and however large the tenant's or anyone else's history.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { auditEventOf, uuidV7TimePrefix, type AuditEvent } from '../events/auditEvent.ts';
import { invalid } from '../domain/errors.ts';
import type { TableRef } from './client.ts';
import { auditLogPartition, TABLE_INDEXES } from './keys.ts';
import { decodePageToken, encodePageToken, sendQuery, type Page, type PageKey } from './pagination.ts';

const INDEX = TABLE_INDEXES.byTenantTime;
/** With selective filters a page may come back short (with a token); it never costs more than this. */
export const MAX_REQUESTS_PER_PAGE = 5;

export interface AuditLogQuery {
  tenantId: string;
  /** Only events at this group or beneath it (when the reader acts below the tenant's top). */
  subtree?: string;
  types?: readonly string[];
  actor?: string;
  /** The target's id (an email or a group id). */
  target?: string;
  from?: string;
  to?: string;
  limit: number;
  fromToken?: string;
}

export async function queryAuditLog(table: TableRef, query: AuditLogQuery): Promise<Page<AuditEvent>> {
  const partition = auditLogPartition(query.tenantId);
  let startKey = decodePageToken(query.fromToken);
  if (startKey && startKey[INDEX.pk] !== partition) throw invalid('fromToken does not belong to this query');
  const base = baseQuery(table, partition, query);
  const items: Record<string, unknown>[] = [];
  for (let request = 0; request < MAX_REQUESTS_PER_PAGE; request++) {
    const { Items = [], LastEvaluatedKey } = await sendQuery(
      table,
      new QueryCommand({ ...base, Limit: query.limit, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
    );
    for (const item of Items) {
      items.push(item);
      if (items.length === query.limit) {
        const more = item !== Items.at(-1) || LastEvaluatedKey !== undefined;
        return { items: items.map(auditEventOf), nextToken: more ? encodePageToken(keyOf(item)) : undefined };
      }
    }
    startKey = LastEvaluatedKey as PageKey | undefined;
    if (!startKey) break;
  }
  return { items: items.map(auditEventOf), nextToken: encodePageToken(startKey) };
}

/** One event by id, if it is in this tenant's log (and in `subtree`, when given). One Query. */
export async function readAuditEvent(
  table: TableRef,
  tenantId: string,
  eventId: string,
  subtree?: string,
): Promise<AuditEvent | undefined> {
  const { Items = [] } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: INDEX.name,
      KeyConditionExpression: '#pk = :pk AND #sk = :id',
      ExpressionAttributeNames: { '#pk': INDEX.pk, '#sk': INDEX.sk },
      ExpressionAttributeValues: { ':pk': auditLogPartition(tenantId), ':id': eventId },
    }),
  );
  const event = Items[0] ? auditEventOf(Items[0]) : undefined;
  return event && (subtree === undefined || inSubtree(event.groupId, subtree)) ? event : undefined;
}

const inSubtree = (groupId: string, subtree: string) => groupId === subtree || groupId.startsWith(`${subtree}/`);

function baseQuery(table: TableRef, partition: string, query: AuditLogQuery): QueryCommandInput {
  const names: Record<string, string> = { '#pk': INDEX.pk };
  const values: Record<string, unknown> = { ':pk': partition };
  // Ids are version 7 UUIDs: their first 13 characters are the millisecond, so a time range is a key range.
  const lower = query.from === undefined ? undefined : uuidV7TimePrefix(Date.parse(query.from));
  const upper = query.to === undefined ? undefined : `${uuidV7TimePrefix(Date.parse(query.to))}~`;
  if (lower !== undefined && upper !== undefined && lower > upper) throw invalid('from must not be after to');
  let keyCondition = '#pk = :pk';
  if (lower !== undefined || upper !== undefined) names['#sk'] = INDEX.sk;
  if (lower !== undefined && upper !== undefined) {
    keyCondition += ' AND #sk BETWEEN :lower AND :upper';
    Object.assign(values, { ':lower': lower, ':upper': upper });
  } else if (lower !== undefined) {
    keyCondition += ' AND #sk >= :lower';
    values[':lower'] = lower;
  } else if (upper !== undefined) {
    keyCondition += ' AND #sk <= :upper';
    values[':upper'] = upper;
  }
  const filters: string[] = [];
  if (query.subtree !== undefined) {
    Object.assign(names, { '#group': 'groupId' });
    Object.assign(values, { ':group': query.subtree, ':beneath': `${query.subtree}/` });
    filters.push('(#group = :group OR begins_with(#group, :beneath))');
  }
  if (query.types && query.types.length > 0) {
    names['#type'] = 'type';
    query.types.forEach((type, i) => (values[`:type${i}`] = type));
    filters.push(`#type IN (${query.types.map((_, i) => `:type${i}`).join(', ')})`);
  }
  if (query.actor !== undefined) {
    Object.assign(names, { '#actor': 'actor' });
    values[':actor'] = query.actor;
    filters.push('#actor = :actor');
  }
  if (query.target !== undefined) {
    Object.assign(names, { '#target': 'target', '#id': 'id' });
    values[':target'] = query.target;
    filters.push('#target.#id = :target');
  }
  return {
    TableName: table.tableName,
    IndexName: INDEX.name,
    KeyConditionExpression: keyCondition,
    ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
  };
}

/** Where a page that ends at this item resumes: the index key and the table key. */
function keyOf(item: Record<string, unknown>): PageKey {
  return { pk: String(item.pk), sk: String(item.sk), [INDEX.pk]: String(item[INDEX.pk]), [INDEX.sk]: String(item[INDEX.sk]) };
}
