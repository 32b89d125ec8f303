import { describe, expect, it } from 'vitest';
import { defineRoute } from '../../shared/api/routeDefinition.ts';
import { httpRoute, type RouteResult } from '../../shared/http/httpRoute.ts';
import { fakeContext, fakeEvent } from './helpers.ts';

const pageRoute = defineRoute({
  operationId: 'getPage',
  method: 'GET',
  path: '/page',
  handler: 'pages/getPage',
  summary: 'A page',
  tag: 'Pages',
  access: { kind: 'public' },
  hidden: true,
  request: {},
  success: { status: 200, description: 'The page' },
});

const invoke = (result: RouteResult) =>
  httpRoute(pageRoute, async () => result)(fakeEvent({ path: '/page', authorizer: null }), fakeContext());

describe('httpRoute raw responses', () => {
  it('sends a raw body as is, with its own Content-Type and the CORS headers', async () => {
    // Act
    const response = await invoke({ rawBody: '<!doctype html><p>"hi"</p>', contentType: 'text/html; charset=utf-8' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('<!doctype html><p>"hi"</p>');
    expect(response.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Access-Control-Allow-Origin': expect.any(String),
    });
  });

  it('adds the route headers and status to a raw body', async () => {
    const response = await invoke({
      statusCode: 201,
      rawBody: 'x',
      contentType: 'text/plain',
      headers: { 'Cache-Control': 'no-cache' },
    });

    expect(response.statusCode).toBe(201);
    expect(response.headers?.['Cache-Control']).toBe('no-cache');
  });

  it('still JSON-encodes a body, and sends no body and no Content-Type for a redirect', async () => {
    expect((await invoke({ body: { a: 1 } })).body).toBe('{"a":1}');

    const redirect = await invoke({ statusCode: 302, headers: { Location: 'https://example.test/' } });

    expect(redirect).toMatchObject({ statusCode: 302, body: '' });
    expect(redirect.headers?.Location).toBe('https://example.test/');
    expect(redirect.headers?.['Content-Type']).toBeUndefined();
  });

  it('hands the handler the API base URL from the event', async () => {
    // Prepare
    const event = fakeEvent({ path: '/page', authorizer: null, headers: { 'X-Forwarded-Proto': 'https' } });
    Object.assign(event.requestContext, { domainName: 'abc123.execute-api.eu-west-2.amazonaws.com' });
    let seen: string | undefined;

    // Act
    await httpRoute(pageRoute, async ({ baseUrl }) => {
      seen = baseUrl;
      return { body: {} };
    })(event, fakeContext());

    // Assess
    expect(seen).toBe('https://abc123.execute-api.eu-west-2.amazonaws.com/prod');
  });
});
