/**
 * Counters in CloudWatch's embedded metric format (EMF), written as Powertools Metrics writes a
 * single metric and read with its variables (`POWERTOOLS_METRICS_NAMESPACE`, `POWERTOOLS_SERVICE_NAME`,
 * `POWERTOOLS_METRICS_DISABLED`, else `POWERTOOLS_DEV`): each count is its own EMF line, written
 * at once, so concurrent requests in one local process never share a buffer.
 * Namespace SmeIam; every metric also carries the `service` dimension.
 */
import { SERVICE_NAME } from './logger.ts';

export const METRICS_NAMESPACE = 'SmeIam';

/** The metric names the alarms and the dashboard read (infrastructure/aws/operations). */
export const METRIC = {
  /** Requests that reached a route's function, dimension `operation`. */
  requests: 'Requests',
  /** 5xx answers, dimension `operation`. */
  serverErrors: 'ServerErrors',
  /** 403 answers, dimension `operation`. */
  accessDenied: 'AccessDenied',
  /** Password logins and challenge answers, dimension `outcome` (see LoginOutcome). */
  logins: 'Logins',
  /** Accounts or source IPs locked after repeated failures. */
  lockouts: 'Lockouts',
  /** Uncached authorizer decisions, dimension `decision` (allow, deny): cached ones never reach the function. */
  authorizerDecisions: 'AuthorizerDecisions',
  /** Authorizer invocations that failed for another reason than a refused token (DynamoDB, JWKS). */
  authorizerErrors: 'AuthorizerErrors',
} as const;

const TRUE = new Set(['1', 'true', 'on', 'yes', 'y']);
const isTrue = (value: string | undefined): boolean => TRUE.has((value ?? '').trim().toLowerCase());

// Read on first use, so a local stack can set POWERTOOLS_METRICS_DISABLED after this module is imported.
let disabled: boolean | undefined;
const metricsDisabled = (): boolean => {
  const explicit = process.env.POWERTOOLS_METRICS_DISABLED;
  return explicit === undefined ? isTrue(process.env.POWERTOOLS_DEV) : isTrue(explicit);
};

export function countMetric(name: (typeof METRIC)[keyof typeof METRIC], dimensions: Record<string, string> = {}): void {
  disabled ??= metricsDisabled();
  if (disabled) return;
  const allDimensions = { service: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME, ...dimensions };
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
          Dimensions: [Object.keys(allDimensions)],
          Metrics: [{ Name: name, Unit: 'Count' }],
        },
      ],
    },
    ...allDimensions,
    [name]: 1,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
