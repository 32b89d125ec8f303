import { describe, expect, it } from 'vitest';
import { createGroup } from '../../../shared/services/groups/create.ts';
import { deleteGroup } from '../../../shared/services/groups/delete.ts';
import { listGroups, type ListGroupsRequest } from '../../../shared/services/groups/list.ts';
import { getGroupView } from '../../../shared/services/groups/read.ts';
import { updateGroup } from '../../../shared/services/groups/update.ts';
import { callerIn } from './fakes.ts';
import { fakeGroupDirectory, groupRecord, type FakeGroupDirectory } from './fakeGroupDirectory.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const requireMfa = { security: { mfaRequired: true } };
const depsOf = (groups: FakeGroupDirectory) => ({ groups, now: () => NOW });
const adminIn = (groupContextId: string) => ({ caller: callerIn(groupContextId, { '/': 'admin' }), requestId: 'req-1' });
const listing = (request: Partial<ListGroupsRequest> = {}): ListGroupsRequest => ({
  includeChildGroups: false,
  includeParentGroups: false,
  tags: [],
  count: 20,
  ...request,
});

describe('services/groups', () => {
  describe('createGroup', () => {
    it('creates <context>/<lower-cased name> with its audit event and answers with the inherited configuration', async () => {
      // Prepare
      const groups = fakeGroupDirectory([groupRecord('/acme', { configuration: { locale: 'en-GB' } })]);

      // Act
      const created = await createGroup(depsOf(groups), adminIn('/acme'), { name: 'Finance', tags: { region: 'uk' } });

      // Assess
      expect(created).toMatchObject({
        id: '/acme/finance',
        name: 'Finance',
        state: 'active',
        configuration: { locale: 'en-GB' },
      });
      expect(created).toMatchObject({ createdBy: 'ann@acme.com', createdAt: NOW.toISOString() });
      expect(groups.stored.get('/acme')!.childCount).toBe(1);
      expect(groups.audit).toEqual([
        expect.objectContaining({ action: 'group.created', targetId: '/acme/finance', requestId: 'req-1' }),
      ]);
    });

    it('refuses a group that exists with 409', async () => {
      const groups = fakeGroupDirectory([groupRecord('/acme'), groupRecord('/acme/finance')]);

      await expect(createGroup(depsOf(groups), adminIn('/acme'), { name: 'finance' })).rejects.toMatchObject({
        kind: 'conflict',
        message: 'Group /acme/finance already exists',
      });
    });

    it('refuses a sub-group of a disabled group with 409, and of a missing one with 404', async () => {
      const groups = fakeGroupDirectory([groupRecord('/acme', { state: 'disabled' })]);

      await expect(createGroup(depsOf(groups), adminIn('/acme'), { name: 'hr' })).rejects.toMatchObject({ kind: 'conflict' });
      await expect(createGroup(depsOf(groups), adminIn('/gone'), { name: 'hr' })).rejects.toMatchObject({ kind: 'not-found' });
    });

    it('refuses an id longer than the limit with 400 and writes nothing', async () => {
      const groups = fakeGroupDirectory();

      await expect(createGroup(depsOf(groups), adminIn('/'), { name: 'x'.repeat(120) })).rejects.toMatchObject({
        kind: 'invalid',
      });
      expect(groups.audit).toEqual([]);
    });

    it('refuses MFA enforcement in a tenant whose plan lacks it with 409', async () => {
      const groups = fakeGroupDirectory([groupRecord('/team', { plan: 'team' })]);

      await expect(
        createGroup(depsOf(groups), adminIn('/team'), { name: 'ops', configuration: requireMfa }),
      ).rejects.toMatchObject({
        kind: 'conflict',
        message: expect.stringContaining('enterprise plan'),
      });
    });

    it('refuses a sub-group switching MFA off beneath a group that requires it with 409 naming that group', async () => {
      // Prepare
      const groups = fakeGroupDirectory([groupRecord('/acme', { configuration: requireMfa }), groupRecord('/acme/finance')]);

      // Act
      const creating = createGroup(depsOf(groups), adminIn('/acme/finance'), {
        name: 'payables',
        configuration: { security: { mfaRequired: false } },
      });

      // Assess
      await expect(creating).rejects.toMatchObject({
        kind: 'conflict',
        message: expect.stringContaining('Group /acme requires MFA'),
      });
      expect(groups.stored.has('/acme/finance/payables')).toBe(false);
    });
  });

  describe('getGroupView', () => {
    it('answers with the effective configuration and, when asked, where each layer comes from', async () => {
      const groups = fakeGroupDirectory([
        groupRecord('/acme', { configuration: { locale: 'en-GB', security: { mfaRequired: true } } }),
        groupRecord('/acme/finance', { configuration: { locale: 'fr-FR' } }),
      ]);

      const view = await getGroupView(depsOf(groups), '/acme/finance', true);

      expect(view.configuration).toEqual({ locale: 'fr-FR', security: { mfaRequired: true } });
      expect(view.configurationSource).toEqual({
        '/acme': { locale: 'en-GB', security: { mfaRequired: true } },
        '/acme/finance': { locale: 'fr-FR' },
      });
    });

    it('answers a missing group with 404', async () => {
      await expect(getGroupView(depsOf(fakeGroupDirectory()), '/nowhere')).rejects.toMatchObject({ kind: 'not-found' });
    });
  });

  describe('listGroups', () => {
    const tree = () =>
      fakeGroupDirectory([
        groupRecord('/acme'),
        groupRecord('/acme/a', { tags: { region: 'uk' } }),
        groupRecord('/acme/b'),
        groupRecord('/acme/b/deep', { tags: { region: 'uk' } }),
        groupRecord('/acme/c'),
      ]);

    it('lists the children a page at a time, the last page carrying no token', async () => {
      // Prepare
      const deps = depsOf(tree());

      // Act
      const first = await listGroups(deps, '/acme', listing({ count: 2 }));
      const second = await listGroups(deps, '/acme', listing({ count: 2, fromToken: first.nextToken }));

      // Assess
      expect(first.groups.map((group) => group.id)).toEqual(['/acme/a', '/acme/b']);
      expect(second.groups.map((group) => group.id)).toEqual(['/acme/c']);
      expect(second.nextToken).toBeUndefined();
    });

    it('lists every descendant with includeChildGroups, and the path from / first with includeParentGroups', async () => {
      const page = await listGroups(depsOf(tree()), '/acme', listing({ includeChildGroups: true, includeParentGroups: true }));

      expect(page.groups.map((group) => group.id)).toEqual(['/', '/acme', '/acme/a', '/acme/b', '/acme/b/deep', '/acme/c']);
    });

    it('keeps only groups carrying every tag filter', async () => {
      const page = await listGroups(
        depsOf(tree()),
        '/acme',
        listing({ includeChildGroups: true, tags: [{ key: 'region', value: 'uk' }] }),
      );

      expect(page.groups.map((group) => group.id)).toEqual(['/acme/a', '/acme/b/deep']);
    });

    it('refuses a token that resumes a range this listing does not cover with 400', async () => {
      const deps = depsOf(tree());
      const first = await listGroups(deps, '/acme', listing({ count: 1 }));

      await expect(listGroups(deps, '/acme/b', listing({ fromToken: first.nextToken }))).rejects.toMatchObject({
        kind: 'invalid',
      });
      await expect(
        listGroups(deps, '/acme', listing({ includeChildGroups: true, fromToken: first.nextToken })),
      ).rejects.toMatchObject({ kind: 'invalid' });
    });
  });

  describe('updateGroup', () => {
    it('merges configuration, removes tags set to null, and records before and after', async () => {
      // Prepare
      const groups = fakeGroupDirectory([
        groupRecord('/acme', { tags: { region: 'uk', tier: 'gold' }, configuration: { locale: 'en-GB', theme: 'dark' } }),
      ]);

      // Act
      const view = await updateGroup(depsOf(groups), adminIn('/'), '/acme', {
        description: 'Acme Ltd',
        tags: { tier: null },
        configuration: { theme: null, security: { mfaRequired: true } },
      });

      // Assess
      expect(view).toMatchObject({ description: 'Acme Ltd', tags: { region: 'uk' }, updatedBy: 'ann@acme.com' });
      expect(view.configuration).toEqual({ locale: 'en-GB', security: { mfaRequired: true } });
      expect(groups.audit[0]).toMatchObject({
        action: 'group.updated',
        before: { tags: { region: 'uk', tier: 'gold' } },
        after: { tags: { region: 'uk' } },
      });
    });

    it('writes nothing and records no event when every value is the one the group has', async () => {
      // Prepare
      const stored = groupRecord('/acme', { description: 'Acme', tags: { region: 'uk' }, configuration: { locale: 'en-GB' } });
      const groups = fakeGroupDirectory([stored]);

      // Act
      const view = await updateGroup(depsOf(groups), adminIn('/'), '/acme', {
        name: 'acme',
        description: 'Acme',
        state: 'active',
        tags: { region: 'uk', absent: null },
        configuration: { locale: 'en-GB' },
      });

      // Assess
      expect(view).toMatchObject({ description: 'Acme', tags: { region: 'uk' } });
      expect(groups.stored.get('/acme')!.record).toEqual(stored);
      expect(groups.audit).toEqual([]);
    });

    it('refuses a rename with 400, disabling / with 409 and a missing group with 404', async () => {
      const groups = fakeGroupDirectory([groupRecord('/acme')]);

      await expect(updateGroup(depsOf(groups), adminIn('/'), '/acme', { name: 'Other' })).rejects.toMatchObject({
        kind: 'invalid',
      });
      await expect(updateGroup(depsOf(groups), adminIn('/'), '/', { state: 'disabled' })).rejects.toMatchObject({
        kind: 'conflict',
      });
      await expect(updateGroup(depsOf(groups), adminIn('/'), '/gone', { description: 'x' })).rejects.toMatchObject({
        kind: 'not-found',
      });
    });

    it('re-reads and re-applies when another writer wins the race, keeping both changes', async () => {
      // Prepare: someone else changes the tags between our read and our write, once.
      const groups = fakeGroupDirectory([groupRecord('/acme')]);
      let raced = false;
      groups.beforeReplace = () => {
        if (raced) return;
        raced = true;
        const current = groups.stored.get('/acme')!;
        groups.stored.set('/acme', {
          ...current,
          record: { ...current.record, tags: { region: 'uk' } },
          version: current.version + 1,
        });
      };

      // Act
      const view = await updateGroup(depsOf(groups), adminIn('/'), '/acme', { description: 'Acme Ltd' });

      // Assess
      expect(view).toMatchObject({ description: 'Acme Ltd', tags: { region: 'uk' } });
    });

    it('gives up with 409 when every attempt loses the race', async () => {
      const groups = fakeGroupDirectory([groupRecord('/acme')]);
      groups.beforeReplace = () => {
        groups.stored.get('/acme')!.version++;
      };

      await expect(updateGroup(depsOf(groups), adminIn('/'), '/acme', { description: 'x' })).rejects.toMatchObject({
        kind: 'conflict',
        message: expect.stringContaining('being changed by another request'),
      });
    });

    it('refuses switching MFA off beneath a group that requires it with 409, leaving the group unchanged', async () => {
      // Prepare
      const groups = fakeGroupDirectory([groupRecord('/acme', { configuration: requireMfa }), groupRecord('/acme/finance')]);

      // Act
      const switchingOff = updateGroup(depsOf(groups), adminIn('/acme/finance'), '/acme/finance', {
        configuration: { security: { mfaRequired: false } },
      });

      // Assess
      await expect(switchingOff).rejects.toMatchObject({
        kind: 'conflict',
        message: expect.stringContaining('Group /acme requires MFA'),
      });
      expect(groups.stored.get('/acme/finance')!.record.configuration).toBeUndefined();
      expect(groups.audit).toEqual([]);
    });
  });

  describe('deleteGroup', () => {
    it('deletes a disabled group with no sub-groups or members, with its audit event', async () => {
      // Prepare
      const groups = fakeGroupDirectory([groupRecord('/acme'), groupRecord('/acme/old', { state: 'disabled' })]);

      // Act
      await deleteGroup(depsOf(groups), adminIn('/acme'), '/acme/old');

      // Assess
      expect(groups.stored.has('/acme/old')).toBe(false);
      expect(groups.stored.get('/acme')!.childCount).toBe(0);
      expect(groups.audit).toEqual([expect.objectContaining({ action: 'group.deleted', targetId: '/acme/old' })]);
    });

    it('refuses /, an active group, one with sub-groups and one with members with 409', async () => {
      const groups = fakeGroupDirectory([
        groupRecord('/active'),
        groupRecord('/parent', { state: 'disabled' }),
        groupRecord('/parent/child'),
        { ...groupRecord('/staffed', { state: 'disabled' }), counts: { memberCount: 2 } },
      ]);
      const deleting = (id: string) => deleteGroup(depsOf(groups), adminIn('/'), id);

      await expect(deleting('/')).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('root') });
      await expect(deleting('/active')).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('disabled') });
      await expect(deleting('/parent')).rejects.toMatchObject({
        kind: 'conflict',
        message: expect.stringContaining('sub-groups'),
      });
      await expect(deleting('/staffed')).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('members') });
    });

    it('answers a missing group with 404', async () => {
      await expect(deleteGroup(depsOf(fakeGroupDirectory()), adminIn('/'), '/gone')).rejects.toMatchObject({ kind: 'not-found' });
    });
  });
});
