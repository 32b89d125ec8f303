import type { AuditEvent } from '../storedRecords.ts';
import { defineEntity, type ListsEveryField } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

const AUDIT_EVENT_FIELDS = [
  'actor',
  'action',
  'targetType',
  'targetId',
  'before',
  'after',
  'at',
  'requestId',
] as const satisfies readonly (keyof AuditEvent)[];
const everyAuditField: ListsEveryField<AuditEvent, typeof AUDIT_EVENT_FIELDS> = true;
void everyAuditField;

export const AUDIT_EVENT_ENTITY = defineEntity({
  item: 'audit event',
  type: 'audit',
  pk: keyTemplate('AUDIT#<targetType>#<targetId>'),
  sk: keyTemplate('<time>#<uuid>'),
  fields: AUDIT_EVENT_FIELDS,
});

export const auditEventKey = (targetType: string, targetId: string, at: string, eventId: string) => ({
  pk: AUDIT_EVENT_ENTITY.pk.build({ targetType, targetId }),
  sk: AUDIT_EVENT_ENTITY.sk.build({ time: at, uuid: eventId }),
});
