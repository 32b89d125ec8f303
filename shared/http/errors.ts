/**
 * The one place a domain error kind becomes a status code and the service's error shape:
 * `{statusCode, error, message}` plus `details` for validation errors, and `Retry-After` when throttled.
 * 401 = who are you; 403 = known caller, not allowed; 404 = missing or not visible; 409 = state conflict.
 */
import { errorBody, type ErrorBody } from '../api/contract.ts';
import { DomainError, type ErrorKind } from '../domain/errors.ts';

export { errorBody, type ErrorBody };

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'not-acceptable': 406,
  'unsupported-media-type': 415,
  conflict: 409,
  'too-many': 429,
  locked: 429,
};

export interface ErrorResponse {
  statusCode: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

export function statusOfKind(kind: ErrorKind): number {
  return STATUS_OF_KIND[kind];
}

/** The response for a domain error; undefined for anything else (a bug: the caller answers 500). */
export function errorResponseOf(error: unknown): ErrorResponse | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const statusCode = statusOfKind(error.kind);
  const headers: Record<string, string> =
    error.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(error.retryAfterSeconds) };
  return { statusCode, body: errorBody(statusCode, error.message, error.details), headers };
}
