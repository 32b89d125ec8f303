/** Every item type of the single table, in the order the data model lists them. */
import { AUDIT_EVENT_ENTITY } from './audit.ts';
import type { EntityDeclaration } from './entity.ts';
import { GROUP_ENTITY } from './groups.ts';
import { KNOWN_SOURCE_ENTITY, LOCKOUT_ENTITY, LOGIN_ATTEMPT_ENTITY } from './logins.ts';
import { OUTBOX_MESSAGE_ENTITY } from './outbox.ts';
import { CUSTOM_ROLE_ENTITY } from './roles.ts';
import { REFRESH_TOKEN_ENTITY, SESSION_ENTITY } from './sessions.ts';
import { PENDING_SIGNUP_ENTITY, SIGNUP_COUNTER_ENTITY } from './signups.ts';
import { TAG_USAGE_ENTITY } from './tags.ts';
import { MEMBERSHIP_ENTITY, MEMBERSHIP_SUMMARY_ENTITY, ROOT_ADMIN_GUARD_ENTITY, USER_ENTITY } from './users.ts';

export const ENTITIES: readonly EntityDeclaration[] = [
  GROUP_ENTITY,
  USER_ENTITY,
  MEMBERSHIP_ENTITY,
  MEMBERSHIP_SUMMARY_ENTITY,
  SESSION_ENTITY,
  REFRESH_TOKEN_ENTITY,
  AUDIT_EVENT_ENTITY,
  TAG_USAGE_ENTITY,
  ROOT_ADMIN_GUARD_ENTITY,
  CUSTOM_ROLE_ENTITY,
  LOCKOUT_ENTITY,
  KNOWN_SOURCE_ENTITY,
  LOGIN_ATTEMPT_ENTITY,
  PENDING_SIGNUP_ENTITY,
  SIGNUP_COUNTER_ENTITY,
  OUTBOX_MESSAGE_ENTITY,
];
