/**
 * How long audit events are kept: `-c auditRetentionDays=` at deployment, seven years by default.
 * DynamoDB's TTL removes an event after it (typically within days). Login attempts keep their own,
 * shorter retention (config/lockout.ts).
 */
import { readEnvironment } from './environment.ts';

export const DEFAULT_AUDIT_RETENTION_DAYS = 2557;
/** DynamoDB TTL works with any epoch time; a hundred years is our sanity bound. */
export const MAX_AUDIT_RETENTION_DAYS = 36_525;

/** The validated number of days, or an error naming the rule. */
export function parseAuditRetentionDays(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_AUDIT_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > MAX_AUDIT_RETENTION_DAYS)
    throw new Error(
      `auditRetentionDays must be a whole number of days from 1 to ${MAX_AUDIT_RETENTION_DAYS}, not ${String(value)}`,
    );
  return days;
}

export const auditRetentionDays = (): number => parseAuditRetentionDays(readEnvironment('auditRetentionDays'));

/** The TTL attribute's value (epoch seconds) for an event at `at`. */
export const auditExpiry = (at: string, days: number): number =>
  Math.floor((Date.parse(at) || Date.now()) / 1000) + days * 86_400;
