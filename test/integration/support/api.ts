/** A small HTTP client for the local stack, speaking the service's conventions. */
import { inject } from 'vitest';

// Tests read response bodies loosely; their assertions are the type check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
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
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function api<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'Accept-Version': '1.0.0', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  if (options.groupContext) headers['x-groupcontextid'] = encodeURIComponent(options.groupContext);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(`${inject('stack').apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export const groupPath = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;

export async function login(email: string, password: string): Promise<{ accessToken: string; idToken: string; refreshToken: string }> {
  const response = await api('POST', '/auth/login', { body: { email, password } });
  if (response.status !== 200 || !response.body.accessToken) throw new Error(`login failed for ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export const adminCredentials = () => inject('stack').admin;
