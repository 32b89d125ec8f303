/**
 * SIF acceptance scenarios, accessManagement_groups_pagination.feature, against the local stack.
 *
 * Adaptations:
 * - The top-level group is `/paginationGroupTests-<suffix>` (called P below); the tree beneath it is SIF's.
 * - The user has SIF's memberships (admin at `/`, at P/a/b and at P/b/x). SIF's "List groups from
 *   root" lists from `/` and counts every group in the stack, which here includes other test files'
 *   groups, so that scenario lists from P instead. Its expected counts become: children 2 (SIF: 1,
 *   the only child of `/`), descendants 8 (SIF: 9, P and its 8), parents and descendants 10 as in
 *   SIF (`/` and P, then P's 8), so the pages of `count=3` are again 3, 3, 3, 1.
 * - Order: we list descendants in id order (depth-first: P/a, P/a/b, P/a/b/c, ...), SIF in its
 *   storage order, so which ids share the middle pages of `count=3` differs. The tests assert the
 *   behaviour both share: page sizes, parents (`/` down to the context) first, every group exactly
 *   once across the pages, and no `pagination.lastEvaluatedToken` on the last page, even when it
 *   is exactly full.
 */
import { describe, expect, it } from 'vitest';
import { api, type ApiResponse } from '../support/api.ts';
import { ids, runSuffix, sifUser, type SifUser } from './sifSupport.ts';

describe('SIF accessManagement_groups_pagination.feature', () => {
  const name = `paginationGroupTests-${runSuffix()}`;
  const p = `/${name.toLowerCase()}`;
  const descendants = ['a', 'b', 'a/b', 'a/b/c', 'a/b/c/d', 'b/x', 'b/x/y', 'b/x/y/z'].map((path) => `${p}/${path}`);
  let admin: SifUser;

  /** Follows `fromToken` until a page comes without a token; returns every page. */
  async function allPages(path: string, groupContext: string): Promise<ApiResponse[]> {
    const pages: ApiResponse[] = [];
    let token: string | undefined;
    do {
      const response = await api('GET', token ? `${path}&fromToken=${encodeURIComponent(token)}` : path, {
        token: admin.token,
        groupContext,
      });
      expect(response.status).toBe(200);
      pages.push(response);
      token = response.body.pagination?.lastEvaluatedToken;
    } while (token && pages.length < 10);
    return pages;
  }

  it('Setup groups', async () => {
    // "group X exists": created through the API by an admin of `/` (SIF's steps use its own admin).
    const setup = await sifUser('pagination-groups-setup', { '/': 'admin' });
    for (const id of [p, ...descendants]) {
      const parent = id.slice(0, id.lastIndexOf('/')) || '/';
      const segment = id === p ? name : id.slice(id.lastIndexOf('/') + 1);
      const created = await api('POST', '/groups', { token: setup.token, groupContext: parent, body: { name: segment } });
      expect(created.status, `create ${id}`).toBe(201);
    }

    admin = await sifUser('pagination-groups-admin', { '/': 'admin', [`${p}/a/b`]: 'admin', [`${p}/b/x`]: 'admin' });
    expect(admin.token).toEqual(expect.any(String));
  });

  it('List groups from root', async () => {
    const children = await api('GET', '/groups', { token: admin.token, groupContext: p });
    expect(children.status).toBe(200);
    expect(ids(children).sort()).toEqual([`${p}/a`, `${p}/b`]);

    const all = await api('GET', '/groups?includeChildGroups=true', { token: admin.token, groupContext: p });
    expect(all.status).toBe(200);
    expect(ids(all)).toHaveLength(8);
    expect([...ids(all)].sort()).toEqual([...descendants].sort());

    const withParents = await api('GET', '/groups?includeChildGroups=true&includeParentGroups=true', {
      token: admin.token,
      groupContext: p,
    });
    expect(withParents.status).toBe(200);
    expect(ids(withParents)).toHaveLength(10);
    expect(withParents.body.pagination).toBeUndefined();

    // with pagination
    const pages = await allPages('/groups?includeChildGroups=true&includeParentGroups=true&count=3', p);
    expect(pages.map((page) => ids(page).length)).toEqual([3, 3, 3, 1]);
    expect(ids(pages[0]!)).toEqual(['/', p, `${p}/a`]);
    expect(ids(pages[3]!)).toEqual([`${p}/b/x/y/z`]);
    const listed = pages.flatMap(ids);
    expect(listed.slice(0, 2)).toEqual(['/', p]);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(['/', p, ...descendants].sort());
    expect(pages.slice(0, 3).every((page) => typeof page.body.pagination?.lastEvaluatedToken === 'string')).toBe(true);
    expect(pages[3]!.body.pagination?.lastEvaluatedToken).toBeUndefined();
  });

  it('List groups from paginationgrouptests/a', async () => {
    const context = `${p}/a/b`;
    const children = await api('GET', '/groups', { token: admin.token, groupContext: context });
    expect(children.status).toBe(200);
    expect(ids(children)).toEqual([`${p}/a/b/c`]);

    const pages = await allPages('/groups?includeChildGroups=true&includeParentGroups=true&count=3', context);
    expect(pages).toHaveLength(2);
    expect(ids(pages[0]!)).toEqual(['/', p, `${p}/a`]);
    expect(typeof pages[0]!.body.pagination?.lastEvaluatedToken).toBe('string');
    expect(ids(pages[1]!)[0]).toBe(context);
    expect(ids(pages[1]!).slice(1).sort()).toEqual([`${p}/a/b/c`, `${p}/a/b/c/d`]);
    // The last page is exactly full and still carries no token.
    expect(pages[1]!.body.pagination?.lastEvaluatedToken).toBeUndefined();
  });

  // Scenarios "Teardown: Revoke users" and "Teardown: Delete groups" are not translated: there is no
  // users API yet to revoke the memberships, and P/a/b and P/b/x cannot be deleted while they have
  // members. Every run uses a fresh P.
});
