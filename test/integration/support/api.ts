/**
 * A small HTTP client for the local stack, speaking the service's conventions, that checks every
 * response against the OpenAPI document (support/contract.ts). Each test file
 * connects from its own loopback address (127.x.y.z), as distinct clients would, so one file's
 * failed logins never count towards another's per-IP lockout.
 */
import { randomInt } from 'node:crypto';
import { Agent, fetch, type Response } from 'undici';
import { inject } from 'vitest';
import { assertResponseMatchesDocument } from './contract.ts';

/** Bodies read as text (exports), not JSON. */
const TEXT_MEDIA_TYPES = new Set(['application/x-ndjson', 'text/csv']);

export const randomLoopbackAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const agents = new Map<string, Agent>();
const agentFor = (address: string) =>
  agents.get(address) ?? agents.set(address, new Agent({ localAddress: address })).get(address)!;
const fileAddress = randomLoopbackAddress();

// Tests read response bodies loosely; their assertions are the type check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResponse<T = any> {
  status: number;
  headers: Response['headers'];
  body: T;
}

export interface RequestOptions {
  token?: string;
  /** Raw Authorization header value, when a test needs something other than `Bearer <token>`. */
  authorization?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  groupContext?: string;
  /** Connect from this loopback address instead of the file's own. */
  sourceAddress?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function api<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'Accept-Version': '1.0.0', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  if (options.groupContext) headers['x-groupcontextid'] = encodeURIComponent(options.groupContext);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(`${inject('stack').apiUrl}${path}`, {
    method,
    headers,
    body,
    dispatcher: agentFor(options.sourceAddress ?? fileAddress),
  });
  const text = await response.text();
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
  const isText = mediaType !== undefined && TEXT_MEDIA_TYPES.has(mediaType);
  const parsed = isText ? text : text ? JSON.parse(text) : undefined;
  // Drift fails the suite: every answer must be one the OpenAPI document promises.
  assertResponseMatchesDocument(method, path, response.status, parsed, isText ? mediaType : undefined);
  return { status: response.status, headers: response.headers, body: parsed };
}

export const groupPath = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;

export async function login(
  email: string,
  password: string,
  options: Pick<RequestOptions, 'sourceAddress'> = {},
): Promise<{ accessToken: string; idToken: string; refreshToken: string }> {
  const response = await api('POST', '/auth/login', { body: { email, password }, ...options });
  if (response.status !== 200 || !response.body.accessToken)
    throw new Error(`login failed for ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export const adminCredentials = () => inject('stack').admin;
