/**
 * The emulator's hosted login pages (`/oauth2/authorize`, its sign-in form, `/oauth2/token`),
 * served through the local gateway. The emulator stays bound to 127.0.0.1, so inside a container
 * it is unreachable from the host; the gateway is, and a browser never has to leave it.
 */
import type { LocalResponse } from './gateway.ts';
import type { IncomingRequest } from './lambdaEvents.ts';

const PROXIED_PATHS = new Set(['/oauth2/authorize', '/oauth2/token']);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

export function hostedLoginProxy(emulatorEndpoint: string) {
  return async (request: IncomingRequest): Promise<LocalResponse | undefined> => {
    if (!PROXIED_PATHS.has(request.path) || (request.method !== 'GET' && request.method !== 'POST')) return undefined;
    const query = request.query.toString();
    const response = await fetch(`${emulatorEndpoint}${request.path}${query ? `?${query}` : ''}`, {
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()))),
      body: request.method === 'POST' ? request.body : undefined,
      redirect: 'manual',
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') headers[name] = value;
    });
    return { statusCode: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
  };
}
