import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../shared/api/routes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { opaqueCallerId } from '../../shared/observability/callerId.ts';
import { log } from '../../shared/observability/logger.ts';
import { REDACTED, redactingReplacer } from '../../shared/observability/redaction.ts';
import { outcomeOf } from '../../shared/observability/requestLogging.ts';

/** Every JSON line written to stdout or stderr while `run` runs: Powertools writes log lines (errors to stderr) and EMF metrics there. */
async function outputLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function proxyEvent(requestId: string, email?: string): APIGatewayProxyEvent {
  return {
    headers: {},
    pathParameters: null,
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId, authorizer: email ? { email } : null },
  } as unknown as APIGatewayProxyEvent;
}

const context = { awsRequestId: 'lambda-request' } as Context;

// The integration tests' global setup quiets the logger in the shared vitest process; these tests read INFO lines and metrics.
// Both are created on first use, so this takes effect before any line is written.
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
process.env.POWERTOOLS_METRICS_DISABLED = 'false';

afterEach(() => vi.restoreAllMocks());

describe('log redaction', () => {
  it('redacts tokens, passwords, codes, secrets and sessions at any depth, and keeps status codes', () => {
    // Prepare
    const fields = {
      password: 'Hunter2-Hunter2',
      body: { newPassword: 'x', refreshToken: 'r', code: 123456, secret: 's', session: 'abc', statusCode: 401 },
      headers: { Authorization: 'Bearer abc', cookie: 'sid=1' },
    };

    // Act
    const line = JSON.parse(JSON.stringify(fields, redactingReplacer)) as typeof fields;

    // Assess
    expect(line).toEqual({
      password: REDACTED,
      body: {
        newPassword: REDACTED,
        refreshToken: REDACTED,
        code: REDACTED,
        secret: REDACTED,
        session: REDACTED,
        statusCode: 401,
      },
      headers: { Authorization: REDACTED, cookie: REDACTED },
    });
  });

  it('redacts anything shaped like a JWT or a Cognito refresh token inside any string', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJl';
    const jwe = 'eyJjdHkiOiJKV1QifQ.aGVhZGVy.aXY.Y2lwaGVy.dGFn';

    const text = JSON.stringify({ message: `token ${jwt} and ${jwe} end` }, redactingReplacer);

    expect(text).toBe(JSON.stringify({ message: `token ${REDACTED} and ${REDACTED} end` }));
  });
});

describe('opaque caller id', () => {
  it('is stable per email, case-insensitive, distinct between emails and never contains the email', () => {
    const ann = opaqueCallerId('ann@acme.com');

    expect(opaqueCallerId('Ann@Acme.com')).toBe(ann);
    expect(opaqueCallerId('bob@acme.com')).not.toBe(ann);
    expect(ann).toMatch(/^u-[0-9a-f]{16}$/);
  });
});

describe('request outcome', () => {
  it('names 2xx/3xx success, 401 and 403 denied, other 4xx client errors and 5xx server errors', () => {
    expect([200, 302, 401, 403, 404, 429, 500, 502].map(outcomeOf)).toEqual([
      'success',
      'success',
      'denied',
      'denied',
      'client_error',
      'client_error',
      'server_error',
      'server_error',
    ]);
  });
});

describe('request logging middleware', () => {
  it('logs one line per request with the request id, route, opaque caller and outcome, and counts the request', async () => {
    // Prepare
    const handler = httpRoute(routes.health, async () => ({ body: { status: 'ok' } }));

    // Act
    const lines = await outputLines(() => handler(proxyEvent('req-1', 'ann@acme.com'), context));

    // Assess
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'INFO',
          message: 'request finished',
          correlation_id: 'req-1',
          route: 'GET /health',
          caller: opaqueCallerId('ann@acme.com'),
          statusCode: 200,
          outcome: 'success',
        }),
        expect.objectContaining({ Requests: 1, operation: 'getHealth', service: 'sme-iam' }),
      ]),
    );
    expect(JSON.stringify(lines)).not.toContain('ann@acme.com');
  });

  it('keeps each request’s context on its own lines when requests run concurrently in one process', async () => {
    const handler = httpRoute(routes.health, async ({ requestId }) => {
      await new Promise((resolve) => setImmediate(resolve));
      log.info('inside the handler', { handled: requestId });
      return { body: { status: 'ok' } };
    });

    const lines = await outputLines(() =>
      Promise.all(['req-a', 'req-b', 'req-c'].map((id) => handler(proxyEvent(id, `${id}@acme.com`), context))),
    );

    const inside = lines.filter((line) => line.message === 'inside the handler');
    expect(inside).toHaveLength(3);
    for (const line of inside) {
      expect(line.correlation_id).toBe(line.handled);
      expect(line.caller).toBe(opaqueCallerId(`${String(line.handled)}@acme.com`));
    }
  });

  it('logs an unhandled error at ERROR with its stack, answers 500 and counts a server error for the route', async () => {
    const handler = httpRoute(routes.health, async () => {
      throw new Error('boom');
    });

    let status = 0;
    const lines = await outputLines(async () => {
      status = (await handler(proxyEvent('req-err'), context)).statusCode;
    });

    expect(status).toBe(500);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'ERROR', message: 'Unhandled error', correlation_id: 'req-err' }),
        expect.objectContaining({ level: 'ERROR', message: 'request failed', statusCode: 500, outcome: 'server_error' }),
        expect.objectContaining({ ServerErrors: 1, operation: 'getHealth' }),
      ]),
    );
  });
});
