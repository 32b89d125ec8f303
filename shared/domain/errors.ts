/**
 * What went wrong, in the domain's words. Services, the store and the identity adapter throw these;
 * only `http/errors.ts` turns a kind into a status code and the JSON error shape.
 */
export type ErrorKind =
  /** The request itself is wrong: a field, a rule, a value out of range. May carry `details`. */
  | 'invalid'
  /** Who are you: no token, a bad token, wrong credentials. */
  | 'unauthorized'
  /** A known caller who may not do this here. */
  | 'forbidden'
  /** Missing, or not visible to the caller (never say which). */
  | 'not-found'
  /** The requested API version is not served. */
  | 'not-acceptable'
  /** The body is not in a media type the route reads (JSON). */
  | 'unsupported-media-type'
  /** The resource's state forbids the change. */
  | 'conflict'
  /** Throttled: try again after `retryAfterSeconds`. */
  | 'too-many'
  /** Locked out after failed attempts: try again after `retryAfterSeconds`. */
  | 'locked';

export interface DomainErrorOptions {
  details?: unknown;
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly details: unknown;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isDomainError(error: unknown, kind?: ErrorKind): error is DomainError {
  return error instanceof DomainError && (kind === undefined || error.kind === kind);
}

export const invalid = (message: string, details?: unknown) => new DomainError('invalid', message, { details });
export const unauthorized = (message = 'Unauthorized') => new DomainError('unauthorized', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const notFound = (message: string) => new DomainError('not-found', message);
export const notAcceptable = (message: string) => new DomainError('not-acceptable', message);
export const unsupportedMediaType = (message: string) => new DomainError('unsupported-media-type', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const tooMany = (message: string, retryAfterSeconds: number) =>
  new DomainError('too-many', message, { retryAfterSeconds });
export const locked = (message: string, retryAfterSeconds: number) => new DomainError('locked', message, { retryAfterSeconds });
