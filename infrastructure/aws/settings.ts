/**
 * Deployment settings, read from CDK context (`cdk synth -c adminEmail=ops@bank.example`).
 * Values given with `-c` arrive as strings; values in cdk.json may be booleans, numbers or lists.
 */
import type { Node } from 'constructs';
import { parseAuditRetentionDays } from '../../shared/config/auditRetention.ts';

export interface IamSettings {
  stackName: string;
  /** The first admin: the seed makes them `admin` of `/`; Cognito emails them a temporary password. */
  adminEmail: string;
  authorizerCacheSeconds: number;
  /** Deletion protection on the table and the user pool. */
  deletionProtection: boolean;
  /** Where the hosted login page may send users back to. */
  callbackUrls: string[];
  /** Cognito prefix domain; undefined = derived from the stack name plus a per-stack suffix. */
  domainPrefix?: string;
  throttlingRateLimit: number;
  throttlingBurstLimit: number;
  /** Access logs need the account-wide API Gateway CloudWatch role, which the stack then creates. */
  accessLogs: boolean;
  tracing: boolean;
  /** Overrides the default `*` Access-Control-Allow-Origin. */
  corsAllowOrigin?: string;
  /** A WAF web ACL in front of the API stage (waf.ts); off removes it and its cost. */
  waf: boolean;
  /** Requests to `/auth/*` allowed per client IP per 5 minutes before WAF answers 429 (WAF's floor is 10). */
  authRateLimit: number;
  /** Adds AWS's Common and Known-Bad-Inputs managed rule groups to the web ACL (only when `waf` is on). */
  wafManagedRules: boolean;
  /** Alarms notify this address through an SNS topic; undefined = alarms without a topic. */
  alarmEmail?: string;
  /** Requests the firewall may block in five minutes before the WAF alarm fires. */
  wafBlockedAlarmThreshold: number;
  /** Days an audit event is kept before the table's TTL removes it (default 2557, seven years). */
  auditRetentionDays: number;
}

export const DEFAULT_CALLBACK_URL = 'http://localhost:3000/docs/oauth2-redirect.html';

export function readSettings(node: Node): IamSettings {
  const adminEmail = text(node, 'adminEmail');
  if (!adminEmail || !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) {
    throw new Error('Context value adminEmail is required: cdk synth -c adminEmail=admin@your-bank.example');
  }
  const authorizerCacheSeconds = integer(node, 'authorizerCacheSeconds', 30);
  if (authorizerCacheSeconds < 0 || authorizerCacheSeconds > 3600)
    throw new Error('authorizerCacheSeconds must be between 0 and 3600');
  const authRateLimit = integer(node, 'authRateLimit', 100);
  const alarmEmail = text(node, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail))
    throw new Error('Context value alarmEmail must be an email address');
  if (authRateLimit < 10 || authRateLimit > 2_000_000_000) throw new Error('authRateLimit must be between 10 and 2000000000');
  return {
    stackName: text(node, 'stackName') ?? 'SmeIam',
    adminEmail: adminEmail.toLowerCase(),
    authorizerCacheSeconds,
    deletionProtection: flag(node, 'deletionProtection', true),
    callbackUrls: list(node, 'callbackUrls') ?? [DEFAULT_CALLBACK_URL],
    domainPrefix: text(node, 'domainPrefix'),
    throttlingRateLimit: integer(node, 'throttlingRateLimit', 100),
    throttlingBurstLimit: integer(node, 'throttlingBurstLimit', 200),
    accessLogs: flag(node, 'accessLogs', true),
    tracing: flag(node, 'tracing', true),
    corsAllowOrigin: text(node, 'corsAllowOrigin'),
    waf: flag(node, 'waf', true),
    authRateLimit,
    wafManagedRules: flag(node, 'wafManagedRules', true),
    alarmEmail,
    wafBlockedAlarmThreshold: integer(node, 'wafBlockedAlarmThreshold', 100),
    auditRetentionDays: parseAuditRetentionDays(node.tryGetContext('auditRetentionDays')),
  };
}

function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context value ${key} must be a string`);
  return value.trim();
}

function flag(node: Node, key: string, fallback: boolean): boolean {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`Context value ${key} must be true or false`);
}

function integer(node: Node, key: string, fallback: number): number {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`Context value ${key} must be an integer`);
  return parsed;
}

/** A JSON list in cdk.json, or a comma-separated string on the command line. */
function list(node: Node, key: string): string[] | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  const trimmed = items.map((item) => item.trim()).filter(Boolean);
  return trimmed.length > 0 ? trimmed : undefined;
}
