import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { proxyEvent, toIncomingRequest } from '../../infrastructure/local/lambdaEvents.ts';
import { apiBaseUrl } from '../../shared/http/baseUrl.ts';
import { lowerCaseHeaders } from '../../shared/http/headers.ts';

function request(url: string, rawHeaders: string[]): IncomingMessage {
  const headers = Object.fromEntries(
    Array.from({ length: rawHeaders.length / 2 }, (_, i) => [rawHeaders[i * 2]!.toLowerCase(), rawHeaders[i * 2 + 1]!]),
  );
  return {
    url,
    method: 'GET',
    rawHeaders,
    headers,
    socket: { remoteAddress: '::ffff:127.0.0.1', localPort: 3000 },
  } as unknown as IncomingMessage;
}

const baseUrlOf = (req: IncomingMessage, resource: string, pathParameters: Record<string, string> = {}) => {
  const event = proxyEvent(toIncomingRequest(req, undefined), resource, pathParameters, null);
  return apiBaseUrl(event, lowerCaseHeaders(event.headers));
};

describe('local gateway events give handlers the base URL API Gateway would', () => {
  it('is the address the client called, over http, without the local stage', () => {
    expect(
      baseUrlOf(request('/docs/swagger-ui.css', ['Host', '127.0.0.1:3000']), '/docs/{file}', { file: 'swagger-ui.css' }),
    ).toBe('http://127.0.0.1:3000');
  });

  it('keeps a scheme a TLS proxy in front of the gateway forwarded', () => {
    expect(baseUrlOf(request('/login', ['Host', 'iam.dev.example', 'X-Forwarded-Proto', 'https']), '/login')).toBe(
      'https://iam.dev.example',
    );
  });

  it('falls back to the listening port when the client sent no Host', () => {
    expect(baseUrlOf(request('/swagger.json', []), '/swagger.json')).toBe('http://127.0.0.1:3000');
  });
});
