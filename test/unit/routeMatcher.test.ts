import { describe, expect, it } from 'vitest';
import { createRouteMatcher } from '../../infrastructure/local/routeMatcher.ts';

const routes = [
  { method: 'GET', path: '/users' },
  { method: 'GET', path: '/users/{email}' },
  { method: 'PATCH', path: '/users/{email}' },
  { method: 'GET', path: '/users/me' },
  { method: 'GET', path: '/groups/{groupId}' },
] as const;
const match = createRouteMatcher(routes);

describe('createRouteMatcher', () => {
  it('keeps an encoded slash inside its path parameter', () => {
    expect(match('GET', '/groups/%2Facme%2Ffinance')).toEqual({
      kind: 'match',
      route: routes[4],
      pathParameters: { groupId: '%2Facme%2Ffinance' },
    });
  });

  it('prefers a static segment over a parameter, whatever the manifest order', () => {
    expect(match('GET', '/users/me')).toMatchObject({ kind: 'match', route: routes[3] });
  });

  it('answers wrongMethod when the most specific resource lacks the method, instead of falling back to a parameter route', () => {
    expect(match('PATCH', '/users/me')).toEqual({ kind: 'wrongMethod' });
  });

  it('answers noRoute for an unknown path', () => {
    expect(match('GET', '/nothing/here')).toEqual({ kind: 'noRoute' });
  });
});
