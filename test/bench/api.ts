/** A tiny HTTP client for the local stack, speaking the service's conventions. */

export interface ApiCall {
  status: number;
  // The bench reads response bodies loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  ms: number;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  groupContext?: string;
}

export async function apiCall(apiUrl: string, method: string, path: string, options: CallOptions = {}): Promise<ApiCall> {
  const headers: Record<string, string> = { 'Accept-Version': '1.0.0', 'Content-Type': 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.groupContext) headers['x-groupcontextid'] = encodeURIComponent(options.groupContext);
  const started = performance.now();
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, body: text ? JSON.parse(text) : undefined, ms };
}

export async function login(apiUrl: string, email: string, password: string): Promise<string> {
  const response = await apiCall(apiUrl, 'POST', '/auth/login', { body: { email, password } });
  if (response.status !== 200 || typeof response.body?.accessToken !== 'string') {
    throw new Error(`login failed for ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.accessToken;
}

export function expectStatus(call: ApiCall, expected: number, what: string): ApiCall {
  if (call.status !== expected) throw new Error(`${what}: expected ${expected}, got ${call.status} ${JSON.stringify(call.body)}`);
  return call;
}
