/**
 * The service's one logger: Powertools Logger, JSON lines, every line redacted on the way out.
 * Lines written while a request runs carry its context (request id as correlation id, route,
 * opaque caller id) from requestContext.ts, also when several requests share one process locally.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { currentRequestContext } from './requestContext.ts';
import { redactingReplacer } from './redaction.ts';

export const SERVICE_NAME = 'sme-iam';

// Created on first use, so a local stack can set POWERTOOLS_LOG_LEVEL after this module is imported.
let instance: Logger | undefined;
const logger = () =>
  (instance ??= new Logger({
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME,
    jsonReplacerFn: redactingReplacer,
  }));

type Fields = Record<string, unknown>;

const withContext = (fields: Fields = {}): Fields => ({ ...currentRequestContext(), ...fields });

export const log = {
  debug: (message: string, fields?: Fields) => logger().debug(message, withContext(fields)),
  info: (message: string, fields?: Fields) => logger().info(message, withContext(fields)),
  warn: (message: string, fields?: Fields) => logger().warn(message, withContext(fields)),
  error: (message: string, fields?: Fields) => logger().error(message, withContext(fields)),
};

/** An error as log fields: its name, message and stack, never the objects it may hold. */
export function errorFields(error: unknown): Fields {
  if (error instanceof Error) return { error: { name: error.name, message: error.message, stack: error.stack } };
  return { error: { message: String(error) } };
}
