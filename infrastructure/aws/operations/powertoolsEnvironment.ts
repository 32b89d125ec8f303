import { METRICS_NAMESPACE } from '../../../shared/observability/metrics.ts';
import { SERVICE_NAME } from '../../../shared/observability/logger.ts';

/** What Powertools Logger and Metrics read in every function: one service name, one namespace, INFO and above. */
export const POWERTOOLS_ENVIRONMENT: Readonly<Record<string, string>> = {
  POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
  POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
  POWERTOOLS_LOG_LEVEL: 'INFO',
};
