/**
 * SIF acceptance scenarios, accessManagement_users_pagination.feature, against the local stack.
 *
 * Adaptations:
 * - The top-level group is `/paginationUserTests-<suffix>` (P below), with SIF's tree beneath it;
 *   the emails carry the same suffix. Users are written straight to the local components with
 *   generated passwords (SIF's p@ssword1 breaks our password policy).
 * - SIF's `pagination_users_root` is admin of `/` and lists from `/`, counting every user at `/`
 *   (2: itself and SIF's own admin) and everyone beneath it (10). Here `/` and the rest of the
 *   stack hold other test files' users, so the root user is admin of P instead and lists from P:
 *   "users at the context" is just the root user (SIF: 2), and "everyone" is the users at `/`
 *   (however many the stack holds: read first, as the stack's admin) followed by our 9 (SIF: 10).
 *   The other listings of SIF count SIF's two users at `/` likewise: here they are all users at `/`.
 * - Order: we list in tree order (ancestors first, then the context, then descendants by group id,
 *   users by email within a group, each user once), which for our users is SIF's order. Since the
 *   users at `/` shift the page boundaries, the tests assert the whole sequence, the page sizes, each
 *   user exactly once, a token on every page but the last and none on the last, rather than SIF's
 *   exact page composition.
 * - In "List users from /paginationUserTests/a", SIF follows the token of an `includeChildGroups`
 *   listing with an `includeChildGroups&includeParentGroups` request. A token continues the listing
 *   that issued it, so the test repeats the same query.
 * - Teardown steps run as SIF's super user, the stack's admin of `/`.
 */
import { describe, expect, it } from 'vitest';
import { api, login, type ApiResponse } from '../support/api.ts';
import { createTestUser } from '../support/fixtures.ts';
import { disableAndDelete, runSuffix, sifGroupPath } from './sifSupport.ts';
import { emails, superUserToken, userPath } from './usersSupport.ts';

describe('SIF accessManagement_users_pagination.feature', () => {
  const suffix = runSuffix();
  const name = `paginationUserTests-${suffix}`;
  const p = `/${name.toLowerCase()}`;
  const email = (label: string) => `pagination_users_${label}-${suffix}@example.com`;
  const root = email('root');
  const rootA = email('root_a');
  const rootAB = [1, 2, 3].map((n) => email(`root_a_b_${n}`));
  const rootB = email('root_b');
  const rootBX = [1, 2, 3].map((n) => email(`root_b_x_${n}`));
  /** Our users in tree order: P, P/a, P/a/b, P/b, P/b/x. */
  const ours = [root, rootA, ...rootAB, rootB, ...rootBX];
  const placement: [string, string][] = [
    [p, root],
    [`${p}/a`, rootA],
    ...rootAB.map((user): [string, string] => [`${p}/a/b`, user]),
    [`${p}/b`, rootB],
    ...rootBX.map((user): [string, string] => [`${p}/b/x`, user]),
  ];
  let superUser: string;
  let rootToken: string;
  /** Everyone with a membership at `/`, in listing order. */
  let atRoot: string[];

  /** Follows `fromToken` until a page comes without a token; returns every page. */
  async function allPages(path: string, token: string, groupContext: string): Promise<ApiResponse[]> {
    const pages: ApiResponse[] = [];
    let next: string | undefined;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const response = await api('GET', next ? `${path}${separator}fromToken=${encodeURIComponent(next)}` : path, {
        token,
        groupContext,
      });
      expect(response.status).toBe(200);
      pages.push(response);
      next = response.body.pagination?.lastEvaluatedToken;
    } while (next && pages.length < 100);
    return pages;
  }

  /** The pages of `count` hold `expected` in order, each page full but the last, a token on each page but the last. */
  function expectPages(pages: ApiResponse[], expected: string[], count: number) {
    const listed = pages.flatMap(emails);
    expect(listed).toEqual(expected);
    expect(new Set(listed).size).toBe(listed.length);
    const sizes = Array.from({ length: Math.ceil(expected.length / count) }, (_, i) =>
      Math.min(count, expected.length - i * count),
    );
    expect(pages.map((page) => emails(page).length)).toEqual(sizes);
    expect(pages.slice(0, -1).every((page) => typeof page.body.pagination?.lastEvaluatedToken === 'string')).toBe(true);
    expect(pages.at(-1)!.body.pagination?.lastEvaluatedToken).toBeUndefined();
  }

  it('Setup groups and users', async () => {
    superUser = await superUserToken();
    // setup groups ("group X exists": created by SIF's super user)
    for (const id of [p, `${p}/a`, `${p}/b`, `${p}/a/b`, `${p}/b/x`]) {
      const parent = id.slice(0, id.lastIndexOf('/')) || '/';
      const segment = id === p ? name : id.slice(id.lastIndexOf('/') + 1);
      const created = await api('POST', '/groups', { token: superUser, groupContext: parent, body: { name: segment } });
      expect(created.status, `create ${id}`).toBe(201);
    }
    // setup the users in hierarchy
    const users: Record<string, string> = {};
    for (const [groupId, user] of placement) {
      users[user] = (await createTestUser({ email: user, memberships: { [groupId]: 'admin' } })).password;
    }
    rootToken = (await login(root, users[root]!)).accessToken;

    // The users SIF's "from root" listings also count: everyone at `/`, read by the stack's admin.
    atRoot = (await allPages('/users?count=100', superUser, '/')).flatMap(emails);
    expect(atRoot.length).toBeGreaterThan(0);
    expect(atRoot.some((user) => ours.includes(user))).toBe(false);
  });

  it('List users from root', async () => {
    // Users at the context only: the root user (SIF: 2 at `/`).
    const direct = await api('GET', '/users', { token: rootToken, groupContext: p });
    expect(direct.status).toBe(200);
    expect(emails(direct)).toEqual([root]);
    expect(direct.body.pagination).toBeUndefined();

    // Everyone: the users at `/`, then our 9 in tree order (SIF: 10). The default page is 20 users.
    const everyone = await allPages('/users?includeChildGroups=true&includeParentGroups=true', rootToken, p);
    expectPages(everyone, [...atRoot, ...ours], 20);

    // pagination tests
    const pages = await allPages('/users?includeChildGroups=true&includeParentGroups=true&count=3', rootToken, p);
    expectPages(pages, [...atRoot, ...ours], 3);
  });

  it('List users from /paginationUserTests/a', async () => {
    const context = `${p}/a`;

    const withParents = await allPages('/users?includeChildGroups=true&includeParentGroups=true&count=3', rootToken, context);
    expectPages(withParents, [...atRoot, root, rootA, ...rootAB], 3);

    // only include child groups
    const children = await allPages('/users?includeChildGroups=true&count=3', rootToken, context);
    expectPages(children, [rootA, ...rootAB], 3);
    expect(emails(children[0]!)).toEqual([rootA, rootAB[0], rootAB[1]]);
    expect(emails(children[1]!)).toEqual([rootAB[2]]);

    // only include parent groups
    const parents = await allPages('/users?includeParentGroups=true&count=3', rootToken, context);
    expectPages(parents, [...atRoot, root, rootA], 3);
  });

  it('Teardown: Revoke users', async () => {
    for (const [groupId, user] of placement) {
      const revoked = await api('DELETE', userPath(user), { token: superUser, groupContext: groupId });
      expect(revoked.status, `revoke ${user} at ${groupId}`).toBe(204);
    }
    // Each had one membership, so each is deleted.
    for (const user of ours) {
      expect((await api('GET', userPath(user), { token: superUser, groupContext: '/' })).status, `read ${user}`).toBe(404);
    }
  });

  it('Teardown: Delete groups', async () => {
    for (const id of [`${p}/a/b`, `${p}/b/x`, `${p}/a`, `${p}/b`, p]) {
      await disableAndDelete(superUser, id);
      expect((await api('GET', sifGroupPath(id), { token: superUser })).status, `read ${id}`).toBe(404);
    }
  });
});
