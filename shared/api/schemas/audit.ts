import * as z from 'zod/mini';
import { AUDIT_EVENT_TYPES } from '../../events/auditEvent.ts';
import { countSchema, fromTokenSchema, paginationSchema, repeatable } from './pagination.ts';
import { defineSchema, withMeta } from './meta.ts';

const EVENT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const eventTypeSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.enum(AUDIT_EVENT_TYPES), { description: 'An event type.', example: 'user.disabled' }),
);

const timeBound = (description: string) =>
  withMeta(z.optional(z.iso.datetime({ offset: true })), { description, example: '2026-12-01T00:00:00.000Z' });

const filters = /* @__PURE__ */ defineSchema(() => ({
  type: withMeta(repeatable(eventTypeSchema), { description: 'Only these types; repeat the parameter for several.' }),
  actor: withMeta(z.optional(z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(128))), {
    description: 'Only events by this actor: an email, `system` or `installer`.',
  }),
  target: withMeta(z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1024))), {
    description: "Only events about this target: a user's email or a group id.",
  }),
  from: timeBound('Only events at or after this time (ISO 8601).'),
  to: timeBound('Only events at or before this time (ISO 8601).'),
}));

export const auditListQuery = /* @__PURE__ */ defineSchema(() =>
  z.object({ ...filters, count: countSchema, fromToken: fromTokenSchema }),
);

export const auditExportQuery = /* @__PURE__ */ defineSchema(() => z.object({ ...filters, fromToken: fromTokenSchema }));

export const auditEventPathParams = /* @__PURE__ */ defineSchema(() =>
  z.object({
    eventId: withMeta(z.string().check(z.regex(EVENT_ID_PATTERN, 'Not an audit event id')), {
      description: 'The event id.',
      example: '019ad9a4-5c00-7c1e-9b3a-2f6d0e8c4a11',
    }),
  }),
);

export const auditEventSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      id: z.string(),
      at: z.string(),
      type: z.string(),
      actor: z.string(),
      target: z.object({ type: z.string(), id: z.string() }),
      groupId: z.string(),
      tenantId: z.string(),
      changes: z.record(z.string(), z.object({ before: z.optional(z.unknown()), after: z.optional(z.unknown()) })),
      requestId: z.string(),
      sourceIp: z.optional(z.string()),
      userAgent: z.optional(z.string()),
    }),
    {
      id: 'AuditEvent',
      example: {
        id: '019ad9a4-5c00-7c1e-9b3a-2f6d0e8c4a11',
        at: '2026-12-01T10:00:00.000Z',
        type: 'user.disabled',
        actor: 'admin@acme.com',
        target: { type: 'user', id: 'ann@acme.com' },
        groupId: '/acme',
        tenantId: '/acme',
        changes: { state: { before: 'active', after: 'disabled' } },
        requestId: 'c0ffee00-1234-4bcd-8ef0-123456789abc',
        sourceIp: '203.0.113.7',
        userAgent: 'Mozilla/5.0',
      },
    },
  ),
);

export const auditPageSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ events: z.array(auditEventSchema), pagination: z.optional(paginationSchema) }), { id: 'AuditEventPage' }),
);
