/**
 * The service's one logger: JSON lines, every line redacted on the way out, in the shape Powertools
 * Logger writes (`level`, `message`, `timestamp`, `service`, `xray_trace_id`, then the fields) and
 * read with its variables (`POWERTOOLS_LOG_LEVEL`, `POWERTOOLS_SERVICE_NAME`). We write it ourselves:
 * Powertools Logger and Metrics were 30 KB of every bundle for the four methods and one counter we use.
 * Lines written while a request runs carry its context (request id as correlation id, route,
 * opaque caller id) from requestContext.ts, also when several requests share one process locally.
 */
import { currentRequestContext } from './requestContext.ts';
import { redactingReplacer } from './redaction.ts';

export const SERVICE_NAME = 'sme-iam';

const LEVELS = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

// Read on first use, so a local stack can set POWERTOOLS_LOG_LEVEL after this module is imported.
let threshold: number | undefined;
const thresholdOf = (name: string | undefined): number =>
  LEVELS[(name ?? 'INFO').toUpperCase() as keyof typeof LEVELS] ?? LEVELS.INFO;

type Fields = Record<string, unknown>;

function write(level: Level, message: string, fields: Fields = {}): void {
  threshold ??= thresholdOf(process.env.POWERTOOLS_LOG_LEVEL);
  if (LEVELS[level] < threshold) return;
  const traceId = process.env._X_AMZN_TRACE_ID?.split(';')[0]?.replace('Root=', '');
  const line = {
    level,
    message,
    timestamp: new Date().toISOString(),
    service: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
    ...(traceId ? { xray_trace_id: traceId } : {}),
    ...currentRequestContext(),
    ...fields,
  };
  // Warnings and errors go to stderr, the rest to stdout, as Powertools writes them; Lambda sends both to CloudWatch.
  (LEVELS[level] >= LEVELS.WARN ? process.stderr : process.stdout).write(`${JSON.stringify(line, redactingReplacer)}\n`);
}

export const log = {
  debug: (message: string, fields?: Fields) => write('DEBUG', message, fields),
  info: (message: string, fields?: Fields) => write('INFO', message, fields),
  warn: (message: string, fields?: Fields) => write('WARN', message, fields),
  error: (message: string, fields?: Fields) => write('ERROR', message, fields),
};

/** An error as log fields: its name, message and stack, never the objects it may hold. */
export function errorFields(error: unknown): Fields {
  if (error instanceof Error) return { error: { name: error.name, message: error.message, stack: error.stack } };
  return { error: { message: String(error) } };
}
