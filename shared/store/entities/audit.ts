import { AUDIT_EVENT_FIELDS } from '../../events/auditEvent.ts';
import { defineEntity } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** An audit event, stored as its published shape (shared/events/auditEvent.ts) under its target's history and its tenant's log. */
export const AUDIT_EVENT_ENTITY = defineEntity({
  item: 'audit event',
  // The event's own type (`group.created`, ...): an audit item is told apart by its AUDIT# key.
  type: '<event type>',
  pk: keyTemplate('AUDIT#<targetType>#<targetId>'),
  sk: keyTemplate('<time>#<eventId>'),
  indexes: {
    gsi3: { pk: keyTemplate('AUDITLOG#<tenantId>'), sk: keyTemplate('<eventId>') },
  },
  fields: AUDIT_EVENT_FIELDS,
  expires: 'at + auditRetentionDays (default 2557 days, seven years)',
});

export const auditEventKey = (targetType: string, targetId: string, at: string, eventId: string) => ({
  pk: AUDIT_EVENT_ENTITY.pk.build({ targetType, targetId }),
  sk: AUDIT_EVENT_ENTITY.sk.build({ time: at, eventId }),
});

/** One tenant's history, newest first, in a partition of its own; event ids are UUID version 7, so they sort by time. */
export const auditLogPartition = (tenantId: string) => AUDIT_EVENT_ENTITY.indexes.gsi3.pk.build({ tenantId });
export const auditLogIndexKeys = (tenantId: string, eventId: string) => ({
  gsi3pk: auditLogPartition(tenantId),
  gsi3sk: AUDIT_EVENT_ENTITY.indexes.gsi3.sk.build({ eventId }),
});
