import { SESSION_SETTINGS } from '../../config/sessions.ts';
import type { SessionRecord } from '../../domain/sessions.ts';
import { defineEntity, type ListsEveryField } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';
import { userPartition } from './users.ts';

/** Only the token's hash is kept, with whose it is and when it was issued. */
export const REFRESH_TOKEN_ENTITY = defineEntity({
  item: 'refresh token (hash)',
  type: 'refreshToken',
  pk: keyTemplate('REFRESH#<sha256>'),
  sk: keyTemplate('REFRESH'),
  fields: ['email', 'issuedAt'],
  expires: `${SESSION_SETTINGS.refreshTokenValidityDays} days after issue, with the token`,
});

export const refreshTokenKey = (tokenHash: string) => ({
  pk: REFRESH_TOKEN_ENTITY.pk.build({ sha256: tokenHash }),
  sk: REFRESH_TOKEN_ENTITY.sk.build({}),
});

const SESSION_FIELDS = [
  'email',
  'sessionId',
  'authTime',
  'openedAt',
  'lastRefreshedAt',
  'method',
  'sourceIp',
  'userAgent',
  'expiresAt',
  'profileCreatedAt',
] as const satisfies readonly (keyof SessionRecord)[];
const everySessionField: ListsEveryField<SessionRecord, typeof SESSION_FIELDS> = true;
void everySessionField;

/**
 * A login session, in its user's partition so the authorizer's one Query reads it with the profile
 * and memberships. The sort key starts with the login time (10-digit epoch seconds), so the
 * sessions of a user list newest first in key order.
 */
export const SESSION_ENTITY = defineEntity({
  item: 'session',
  type: 'session',
  pk: keyTemplate('USER#<email>'),
  sk: keyTemplate('SESSION#<authTime>#<origin_jti>'),
  fields: SESSION_FIELDS,
  expires: `${SESSION_SETTINGS.refreshTokenValidityDays} days after its login, with its refresh token`,
});

export const SESSION_SK_PREFIX = SESSION_ENTITY.sk.pattern.slice(0, SESSION_ENTITY.sk.pattern.indexOf('<'));
export const sessionSk = (authTime: number, sessionId: string) =>
  SESSION_ENTITY.sk.build({ authTime: String(authTime).padStart(10, '0'), origin_jti: sessionId });
export const sessionKey = (email: string, authTime: number, sessionId: string) => ({
  pk: userPartition(email),
  sk: sessionSk(authTime, sessionId),
});
