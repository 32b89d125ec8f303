/**
 * `GET /audit/export`: the same events as `GET /audit`, as JSON Lines or CSV, read page by page.
 * One response holds at most EXPORT_EVENTS_PER_RESPONSE events (bounded memory and a body well
 * within Lambda's response limit); when more remain, its `x-next-token` header resumes the export.
 */
import type { Caller } from '../../domain/caller.ts';
import type { AuditEvent } from '../../events/auditEvent.ts';
import type { AuditDependencies } from './auditLog.ts';
import { listAuditEvents, type AuditFilters } from './auditTrail.ts';

export const EXPORT_PAGE_SIZE = 100;
export const EXPORT_EVENTS_PER_RESPONSE = 1000;

export type ExportFormat = 'ndjson' | 'csv';

export const CSV_COLUMNS = [
  'id',
  'at',
  'type',
  'actor',
  'targetType',
  'targetId',
  'groupId',
  'tenantId',
  'requestId',
  'sourceIp',
  'userAgent',
  'changes',
] as const;

export interface ExportChunk {
  body: string;
  count: number;
  nextToken?: string;
}

export async function exportAuditEvents(
  deps: AuditDependencies,
  caller: Caller,
  request: AuditFilters & { fromToken?: string },
  format: ExportFormat,
): Promise<ExportChunk> {
  const lines: string[] = format === 'csv' ? [CSV_COLUMNS.join(',')] : [];
  let token = request.fromToken;
  let count = 0;
  do {
    const page = await listAuditEvents(deps, caller, { ...request, count: EXPORT_PAGE_SIZE, fromToken: token });
    for (const event of page.items) lines.push(format === 'csv' ? csvLine(event) : JSON.stringify(event));
    count += page.items.length;
    token = page.nextToken;
  } while (token !== undefined && count + EXPORT_PAGE_SIZE <= EXPORT_EVENTS_PER_RESPONSE);
  return { body: lines.length > 0 ? `${lines.join('\n')}\n` : '', count, ...(token ? { nextToken: token } : {}) };
}

function csvLine(event: AuditEvent): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | undefined> = {
    id: event.id,
    at: event.at,
    type: event.type,
    actor: event.actor,
    targetType: event.target.type,
    targetId: event.target.id,
    groupId: event.groupId,
    tenantId: event.tenantId,
    requestId: event.requestId,
    sourceIp: event.sourceIp,
    userAgent: event.userAgent,
    changes: JSON.stringify(event.changes),
  };
  return CSV_COLUMNS.map((column) => csvField(values[column] ?? '')).join(',');
}

/** RFC 4180 quoting; a value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
