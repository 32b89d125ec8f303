import { GROUP_CONTEXT_HEADER } from '../api/contract.ts';
import { readEnvironment } from '../config/environment.ts';

export type HeaderMap = Record<string, string>;

/** HTTP header names are case-insensitive; API Gateway passes them as the client sent them. */
export function lowerCaseHeaders(headers: Record<string, string | undefined> | null | undefined): HeaderMap {
  const lowered: HeaderMap = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) lowered[name.toLowerCase()] = value;
  }
  return lowered;
}

export const CORS_HEADERS: HeaderMap = {
  'Access-Control-Allow-Origin': readEnvironment('corsAllowOrigin') ?? '*',
  'Access-Control-Allow-Headers': `Authorization,Content-Type,Accept,Accept-Version,${GROUP_CONTEXT_HEADER}`,
  'Access-Control-Allow-Methods': 'GET,POST,PATCH,PUT,DELETE,OPTIONS',
  'Access-Control-Expose-Headers': 'x-groupid,x-next-token,Retry-After',
  'Access-Control-Max-Age': '600',
};
