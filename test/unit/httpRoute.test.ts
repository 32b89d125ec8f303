import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyResult } from 'aws-lambda';
import * as z from 'zod';
import { defineRoute, type Access } from '../../shared/api/routeDefinition.ts';
import { groupIdSchema } from '../../shared/api/schemas/common.ts';
import { httpRoute, type RouteResult } from '../../shared/http/httpRoute.ts';
import { authorizerContext, fakeContext, fakeEvent, type FakeEventOptions } from './helpers.ts';
import { encodeMemberships } from '../../shared/domain/membershipCodec.ts';
import { ACCESS_TOKEN_ONLY } from '../../shared/api/contract.ts';

function thingRoute(access: Access) {
  return defineRoute({
    operationId: 'createThing',
    method: 'POST',
    path: '/groups/{groupId}/things',
    handler: 'things/createThing',
    summary: 'Create a thing',
    tag: 'Things',
    access,
    request: {
      params: z.object({ groupId: groupIdSchema }),
      body: z.object({ name: z.string().min(1), size: z.number().int().positive() }),
    },
    success: { status: 201, description: 'Created' },
  });
}

const validRequest: FakeEventOptions = {
  method: 'POST',
  path: '/groups/%2Facme/things',
  pathParameters: { groupId: '%2Facme' },
  body: JSON.stringify({ name: 'ledger', size: 3 }),
};

async function invoke(
  access: Access,
  options: FakeEventOptions,
  run: () => Promise<RouteResult> = async () => ({ body: { created: true } }),
): Promise<APIGatewayProxyResult> {
  const handler = httpRoute(thingRoute(access), run);
  return handler(fakeEvent({ ...validRequest, ...options }), fakeContext());
}

const bodyOf = (response: APIGatewayProxyResult) => JSON.parse(response.body) as Record<string, unknown>;

const authenticated: Access = { kind: 'authenticated' };

describe('httpRoute', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses a change made with an ID token with 403, and lets the ID token read', async () => {
    // Prepare
    const idToken = authorizerContext({ tokenUse: 'id' });
    const readRoute = defineRoute({
      ...thingRoute(authenticated),
      operationId: 'listThings',
      method: 'GET',
      request: {},
      success: { status: 200, description: 'The things' },
    });
    const run = vi.fn(async () => ({ body: { ok: true } }));

    // Act
    const change = await invoke(authenticated, { authorizer: idToken }, run);
    const read = await httpRoute(readRoute, run)(fakeEvent({ method: 'GET', authorizer: idToken }), fakeContext());

    // Assess
    expect(change.statusCode).toBe(403);
    expect(bodyOf(change).message).toBe(ACCESS_TOKEN_ONLY);
    expect(read.statusCode).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('answers with the route success status and the result as JSON', async () => {
    // Act
    const response = await invoke(authenticated, {});

    // Assess
    expect(response.statusCode).toBe(201);
    expect(response.headers?.['Content-Type']).toBe('application/json');
    expect(bodyOf(response)).toEqual({ created: true });
  });

  it('adds the CORS headers to a success', async () => {
    // Act
    const response = await invoke(authenticated, {});

    // Assess
    expect(response.headers).toMatchObject({
      'Access-Control-Allow-Origin': expect.any(String),
      'Access-Control-Allow-Headers': expect.stringContaining('x-groupcontextid'),
      'Access-Control-Allow-Methods': expect.stringContaining('POST'),
    });
  });

  it('hands the handler validated params, body and the caller in its group context', async () => {
    // Prepare
    const run = vi.fn(async () => ({ body: {} }));

    // Act
    const handler = httpRoute(thingRoute(authenticated), run);
    await handler(
      fakeEvent({
        ...validRequest,
        headers: { 'X-GroupContextId': '%2Facme%2FFinance' },
        authorizer: authorizerContext({ memberships: encodeMemberships({ '/acme': 'contributor' }) }),
      }),
      fakeContext(),
    );

    // Assess
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({
        params: { groupId: '/acme' },
        body: { name: 'ledger', size: 3 },
        caller: expect.objectContaining({
          email: 'ann@acme.com',
          groupContextId: '/acme/finance',
          contextRole: { role: 'contributor', grantedAt: '/acme' },
        }),
        requestId: 'request-1',
      }),
    );
  });

  it('answers an invalid JSON body with 400 in the error shape', async () => {
    // Act
    const response = await invoke(authenticated, { body: '{"name": "ledger",' });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Request body is not valid JSON' });
  });

  it('answers a body sent as another media type than JSON with 415', async () => {
    // Act
    const response = await invoke(authenticated, { headers: { 'Content-Type': 'text/plain' } });

    // Assess
    expect(response.statusCode).toBe(415);
    expect(bodyOf(response)).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
  });

  it('reads a body sent as application/json with a charset, or as a +json type', async () => {
    // Act
    const withCharset = await invoke(authenticated, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    const problemJson = await invoke(authenticated, { headers: { 'content-type': 'application/merge-patch+json' } });

    // Assess
    expect(withCharset.statusCode).toBe(201);
    expect(problemJson.statusCode).toBe(201);
  });

  it('adds the CORS headers and JSON content type to an error', async () => {
    // Act
    const response = await invoke(authenticated, { body: 'not json' });

    // Assess
    expect(response.headers).toMatchObject({
      'Access-Control-Allow-Origin': expect.any(String),
      'Content-Type': 'application/json',
    });
  });

  it('answers a body failing the zod schema with 400 and the issues in details', async () => {
    // Act
    const response = await invoke(authenticated, { body: JSON.stringify({ name: 'ledger', size: -1 }) });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining('size'),
      details: [{ in: 'body', path: 'size', message: expect.any(String) }],
    });
  });

  it('answers an invalid path group id with 400', async () => {
    expect((await invoke(authenticated, { pathParameters: { groupId: '%2Facme%2F%2Fx' } })).statusCode).toBe(400);
  });

  it('answers an unknown Accept-Version with 406', async () => {
    // Act
    const response = await invoke(authenticated, { headers: { 'Accept-Version': '9.9.9' } });

    // Assess
    expect(response.statusCode).toBe(406);
    expect(bodyOf(response)).toMatchObject({
      statusCode: 406,
      error: 'Not Acceptable',
      message: expect.stringContaining('1.0.0'),
    });
  });

  it('answers a request without Accept-Version as the latest version', async () => {
    // Prepare
    const event = fakeEvent(validRequest);
    delete event.headers['Accept-Version'];

    // Act
    const response = await httpRoute(thingRoute(authenticated), async () => ({ body: {} }))(event, fakeContext());

    // Assess
    expect(response.statusCode).toBe(201);
  });

  it('answers an unexpected error with 500 and the generic message', async () => {
    // Prepare
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    const response = await invoke(authenticated, {}, async () => {
      throw new Error('connection string postgres://secret@db');
    });

    // Assess
    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  });

  it('does not leak the text of an unexpected error into the response', async () => {
    // Prepare
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    const response = await invoke(authenticated, {}, async () => {
      throw new Error('connection string postgres://secret@db');
    });

    // Assess
    expect(response.body).not.toContain('secret');
    expect(JSON.stringify(response.headers)).not.toContain('secret');
  });

  it('answers a caller lacking the role in the group context with 403', async () => {
    // Prepare
    const access: Access = { kind: 'action', action: 'iam:groups:create', at: 'context' };

    // Act
    const response = await invoke(access, {
      authorizer: authorizerContext({ memberships: encodeMemberships({ '/acme': 'reader' }), defaultGroup: '/acme' }),
    });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(bodyOf(response)).toMatchObject({ statusCode: 403, error: 'Forbidden' });
  });

  it('does not run the handler for a caller lacking the role', async () => {
    // Prepare
    const run = vi.fn(async () => ({ body: {} }));

    // Act
    await invoke(
      { kind: 'action', action: 'iam:groups:create', at: 'context' },
      { authorizer: authorizerContext({ memberships: encodeMemberships({ '/acme': 'reader' }) }) },
      run,
    );

    // Assess
    expect(run).not.toHaveBeenCalled();
  });

  it('answers a caller lacking the role at the path group with 404', async () => {
    // Act
    const response = await invoke(
      { kind: 'action', action: 'payments:approve', at: { pathParam: 'groupId' } },
      { authorizer: authorizerContext({ memberships: encodeMemberships({ '/globex': 'admin' }) }) },
    );

    // Assess
    expect(response.statusCode).toBe(404);
  });

  it('answers a non-public route with no authorizer context with 401', async () => {
    // Act
    const response = await invoke(authenticated, { authorizer: null });

    // Assess
    expect(response.statusCode).toBe(401);
    expect(bodyOf(response)).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('serves a public route without an authorizer context', async () => {
    expect((await invoke({ kind: 'public' }, { authorizer: null })).statusCode).toBe(201);
  });

  it('lets the handler override the status and add headers', async () => {
    // Act
    const response = await invoke(authenticated, {}, async () => ({
      statusCode: 200,
      body: { ok: true },
      headers: { 'x-groupid': '/acme' },
    }));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['x-groupid']).toBe('/acme');
  });
});
