/** Names and values that are part of the REST contract (SIF's): headers, API versions and the error shape. */

/** Selects the group a call acts in; defaults to the caller's default group. */
export const GROUP_CONTEXT_HEADER = 'x-groupcontextid';

/** The answer to an ID token sent to a route that changes something. */
export const ACCESS_TOKEN_ONLY = 'ID tokens cannot change anything: send your access token';

export const SUPPORTED_API_VERSIONS = ['1.0.0'] as const;
export const LATEST_API_VERSION = SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1];

/** The error shape: `{statusCode, error, message}`, plus `details` for validation errors. */
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

export function errorBody(statusCode: number, message: string, details?: unknown): ErrorBody {
  return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message, ...(details === undefined ? {} : { details }) };
}
