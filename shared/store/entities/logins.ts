import { LOCKOUT_POLICY } from '../../config/lockout.ts';
import { defineEntity } from './entity.ts';
import { keyTemplate } from './keyTemplate.ts';

/** Failed-login counters and lockouts, per account (`<subject>` an email) and per source IP. */
export const LOCKOUT_ENTITY = defineEntity({
  item: 'lockout counter',
  type: 'lockout',
  pk: keyTemplate('LOCKOUT#<account|ip>#<subject>'),
  sk: keyTemplate('LOCKOUT'),
  fields: ['failures', 'lockedUntil', 'lockouts'],
  expires: `${LOCKOUT_POLICY.memoryHours} h after the last failure or lockout`,
});

/** A source IP the account's owner logged in from successfully (IPs never contain `#`): its failures count apart. */
export const KNOWN_SOURCE_ENTITY = defineEntity({
  item: 'known login source',
  type: 'knownSource',
  pk: keyTemplate('LOCKOUT#known#<email>#<ip>'),
  sk: keyTemplate('LOCKOUT'),
  fields: ['lastSuccessAt'],
  expires: `${LOCKOUT_POLICY.knownSourceDays} days after the last successful login from it`,
});

/** Login history: every attempt on a known account, oldest first in key order. */
export const LOGIN_ATTEMPT_ENTITY = defineEntity({
  item: 'login attempt',
  type: 'loginAttempt',
  pk: keyTemplate('LOGINS#<email>'),
  sk: keyTemplate('<time>#<uuid>'),
  fields: ['outcome', 'at', 'sourceIp', 'userAgent'],
  expires: `${LOCKOUT_POLICY.historyDays} days after the attempt`,
});

export const lockoutKey = (scope: 'account' | 'ip', subject: string) => ({
  pk: LOCKOUT_ENTITY.pk.build({ 'account|ip': scope, subject }),
  sk: LOCKOUT_ENTITY.sk.build({}),
});

export const loginHistoryPartition = (email: string) => LOGIN_ATTEMPT_ENTITY.pk.build({ email });
export const loginHistoryKey = (email: string, at: string, attemptId: string) => ({
  pk: loginHistoryPartition(email),
  sk: LOGIN_ATTEMPT_ENTITY.sk.build({ time: at, uuid: attemptId }),
});

export const knownSourceKey = (email: string, ip: string) => ({
  pk: KNOWN_SOURCE_ENTITY.pk.build({ email, ip }),
  sk: KNOWN_SOURCE_ENTITY.sk.build({}),
});
