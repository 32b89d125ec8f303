/** Route manifest entries: the audit trail of the group in context and its subtree. */
import { auditEventPathParams, auditExportQuery, auditListQuery } from '../schemas/audit.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';

const READ_AUDIT = { kind: 'action', action: 'iam:audit:read', at: 'context' } as const;

const NDJSON_EXAMPLE =
  '{"id":"019ad9a4-5c00-7c1e-9b3a-2f6d0e8c4a11","at":"2026-12-01T10:00:00.000Z","type":"user.disabled","actor":"admin@acme.com","target":{"type":"user","id":"ann@acme.com"},"groupId":"/acme","tenantId":"/acme","changes":{"state":{"before":"active","after":"disabled"}},"requestId":"c0ffee00-1234-4bcd-8ef0-123456789abc"}\n';
const CSV_EXAMPLE =
  'id,at,type,actor,targetType,targetId,groupId,tenantId,requestId,sourceIp,userAgent,changes\n' +
  '019ad9a4-5c00-7c1e-9b3a-2f6d0e8c4a11,2026-12-01T10:00:00.000Z,user.disabled,admin@acme.com,user,ann@acme.com,/acme,/acme,c0ffee00-1234-4bcd-8ef0-123456789abc,203.0.113.7,curl/8.5,"{""state"":{""before"":""active"",""after"":""disabled""}}"\n';

export const listAuditEvents = /* @__PURE__ */ defineRoute({
  operationId: 'listAuditEvents',
  method: 'GET',
  path: '/audit',
  handler: 'audit/listAuditEvents',
  summary: 'The audit trail of the group in context and its subtree, newest first',
  description:
    "Needs `iam:audit:read` in the group in context: admins, or a custom role that lists it (built-in `reader` and `contributor` do not have it). A business sees only its own events; the bank's admins read a business's trail by acting in it (`x-groupcontextid`), and `/`'s own trail in `/`. With filters a page may hold fewer than `count` events and still carry a token.",
  tag: 'Audit',
  access: READ_AUDIT,
  request: { query: auditListQuery },
  success: { status: 200, description: 'A page of audit events', schema: 'AuditPage' },
});

export const exportAuditEvents = /* @__PURE__ */ defineRoute({
  operationId: 'exportAuditEvents',
  method: 'GET',
  path: '/audit/export',
  handler: 'audit/exportAuditEvents',
  summary: 'The same events as `GET /audit`, as JSON Lines or CSV, for auditors',
  description:
    'Choose the format with `Accept: application/x-ndjson` (the default) or `Accept: text/csv`. One response holds up to 1,000 events; when more remain, the `x-next-token` header is the `fromToken` of the next request.',
  tag: 'Audit',
  access: READ_AUDIT,
  request: { query: auditExportQuery },
  success: {
    status: 200,
    description: 'Events, newest first: one JSON object per line, or CSV with a header line',
    headers: { 'x-next-token': 'Present while more events remain: send it as `fromToken` to continue' },
    textBodies: { 'application/x-ndjson': NDJSON_EXAMPLE, 'text/csv': CSV_EXAMPLE },
  },
  errors: { 406: 'Unsupported Accept-Version; or an Accept header that names neither application/x-ndjson nor text/csv' },
});

export const getAuditEvent = /* @__PURE__ */ defineRoute({
  operationId: 'getAuditEvent',
  method: 'GET',
  path: '/audit/{eventId}',
  handler: 'audit/getAuditEvent',
  summary: 'One audit event of the group in context or its subtree',
  tag: 'Audit',
  access: READ_AUDIT,
  request: { params: auditEventPathParams },
  success: { status: 200, description: 'The event', schema: 'AuditEvent' },
});

export const auditRoutes = {
  listAuditEvents,
  exportAuditEvents,
  getAuditEvent,
} satisfies Record<string, RouteDefinition>;
