/** The HTTP conventions every route shares, checked through the local gateway. */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminCredentials, api, groupPath, login } from './support/api.ts';

describe('HTTP conventions', () => {
  it('answers the health check without a token', async () => {
    const response = await api('GET', '/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('treats a missing Accept-Version as the latest version', async () => {
    const response = await api('GET', '/health', { headers: { 'Accept-Version': '' } });

    expect(response.status).toBe(200);
  });

  it('refuses an unknown Accept-Version with 406 naming the supported versions', async () => {
    const response = await api('GET', '/health', { headers: { 'Accept-Version': '9.9.9' } });

    expect(response.status).toBe(406);
    expect(response.body.message).toContain('1.0.0');
  });

  it('answers a CORS preflight with the headers a browser client needs', async () => {
    const response = await fetch(`${inject('stack').apiUrl}${groupPath('/')}`, { method: 'OPTIONS' });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/x-groupcontextid/i);
  });

  it('adds CORS headers to API responses, errors included', async () => {
    const response = await api('GET', groupPath('/'));

    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await api('GET', '/no-such-route');

    expect(response.status).toBe(404);
    expect(response.body.statusCode).toBe(404);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await api('POST', '/auth/login', { rawBody: '{"email":', headers: { 'Content-Type': 'application/json' } });

    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/not valid JSON/);
  });

  it('answers a body that fails validation with 400 and details', async () => {
    const response = await api('POST', '/auth/login', { body: { email: 'not-an-email', password: 'x' } });

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', path: 'email' })]));
  });

  it('serves Swagger UI and the OpenAPI document generated from the manifest', async () => {
    const page = await fetch(`${inject('stack').apiUrl}/docs`);
    const document = (await (await fetch(`${inject('stack').apiUrl}/swagger.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
      servers: { url: string }[];
    };

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    expect(document.paths['/groups/{groupId}']!.get!.operationId).toBe('getGroup');
    expect(document.servers[0]!.url).toBe(inject('stack').apiUrl);
  });

  it('accepts a group context header that is url-encoded and upper-case', async () => {
    const { accessToken } = await login(adminCredentials().email, adminCredentials().password);

    const response = await api('GET', groupPath('/'), { token: accessToken, headers: { 'X-GroupContextId': '%2F' } });

    expect(response.status).toBe(200);
  });
});
