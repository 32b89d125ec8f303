/** The log and metric lines' shape, which CloudWatch (EMF) and the alarms read: log lines by Powertools Logger, metric lines by shared/observability/metrics.ts. */
import { afterEach, describe, expect, it, vi } from 'vitest';

async function linesWritten(run: () => void): Promise<Record<string, unknown>[]> {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  run();
  vi.restoreAllMocks();
  return chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Fresh modules, so each test's environment is read on first use as in a new Lambda container. */
async function freshObservability(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const [{ log }, { countMetric, METRIC }] = await Promise.all([
    import('../../shared/observability/logger.ts'),
    import('../../shared/observability/metrics.ts'),
  ]);
  return { log, countMetric, METRIC };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('log lines', () => {
  it('writes JSON lines at and above POWERTOOLS_LOG_LEVEL with level, message, timestamp, service and trace id', async () => {
    // Prepare
    const { log } = await freshObservability({
      POWERTOOLS_LOG_LEVEL: 'WARN',
      _X_AMZN_TRACE_ID: 'Root=1-abc;Parent=def;Sampled=1',
    });

    // Act
    const lines = await linesWritten(() => {
      log.info('not written');
      log.warn('written', { count: 2 });
    });

    // Assess
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'WARN',
        message: 'written',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        service: 'sme-iam',
        xray_trace_id: '1-abc',
        count: 2,
      }),
    ]);
  });
});

describe('metric lines', () => {
  it('writes one EMF line per count, in the namespace with the service and given dimensions', async () => {
    const { countMetric, METRIC } = await freshObservability({ POWERTOOLS_METRICS_DISABLED: 'false' });

    const lines = await linesWritten(() => countMetric(METRIC.requests, { operation: 'getGroup' }));

    expect(lines).toEqual([
      {
        _aws: {
          Timestamp: expect.any(Number) as unknown,
          CloudWatchMetrics: [
            { Namespace: 'SmeIam', Dimensions: [['service', 'operation']], Metrics: [{ Name: 'Requests', Unit: 'Count' }] },
          ],
        },
        service: 'sme-iam',
        operation: 'getGroup',
        Requests: 1,
      },
    ]);
  });

  it('writes nothing when POWERTOOLS_METRICS_DISABLED is true, or when unset under POWERTOOLS_DEV', async () => {
    const disabled = await freshObservability({ POWERTOOLS_METRICS_DISABLED: 'true' });
    const disabledLines = await linesWritten(() => disabled.countMetric(disabled.METRIC.requests));
    const dev = await freshObservability({ POWERTOOLS_METRICS_DISABLED: undefined, POWERTOOLS_DEV: 'true' });
    const devLines = await linesWritten(() => dev.countMetric(dev.METRIC.requests));

    expect([...disabledLines, ...devLines]).toEqual([]);
  });
});
