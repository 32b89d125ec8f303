/**
 * Counters in CloudWatch's embedded metric format (Powertools Metrics): each count is its own EMF
 * line, written at once, so concurrent requests in one local process never share a buffer.
 * Namespace SmeIam; every metric also carries the `service` dimension.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
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

// Created on first use, so a local stack can set POWERTOOLS_METRICS_DISABLED after this module is imported.
let metrics: Metrics | undefined;

function metricsInstance(): Metrics {
  return (metrics ??= new Metrics({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
  }));
}

// One single-metric emitter, reused: it publishes and clears on every addMetric, and nothing awaits in between.
let single: Metrics | undefined;

export function countMetric(name: (typeof METRIC)[keyof typeof METRIC], dimensions: Record<string, string> = {}): void {
  single ??= metricsInstance().singleMetric();
  for (const [dimension, value] of Object.entries(dimensions)) single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, 1);
}
