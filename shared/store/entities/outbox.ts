import { defineEntity } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** What Cognito would have emailed, kept by the local stack only for `GET /dev/outbox`. */
export const OUTBOX_MESSAGE_ENTITY = defineEntity({
  item: 'outbox message (local only)',
  type: 'outbox',
  pk: keyTemplate('OUTBOX'),
  sk: keyTemplate('<time>#<uuid>'),
  fields: ['to', 'kind', 'subject', 'body', 'at'],
  expires: 'after 7 days',
});

export const OUTBOX_PARTITION = OUTBOX_MESSAGE_ENTITY.pk.build({});
export const outboxKey = (at: string, messageId: string) => ({
  pk: OUTBOX_PARTITION,
  sk: OUTBOX_MESSAGE_ENTITY.sk.build({ time: at, uuid: messageId }),
});
