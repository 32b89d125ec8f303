import { describe, expect, it } from 'vitest';
import { applyTagPatch, parseTagFilter, tagLevels, tagValueLevels } from '../../shared/domain/tags.ts';
import { tagUsageUpdates, userScopes } from '../../shared/store/tagUsageStore.ts';

describe('tags', () => {
  it('removes tags given null or an empty value and sets the others', () => {
    expect(applyTagPatch({ a: '1', b: '2', c: '3' }, { a: null, b: '', d: '4' })).toEqual({ c: '3', d: '4' });
  });

  it('lists every level of a hierarchical value with its parent', () => {
    expect(tagValueLevels('emea/uk/london')).toEqual([
      { parent: '', value: 'emea' },
      { parent: 'emea', value: 'emea/uk' },
      { parent: 'emea/uk', value: 'emea/uk/london' },
    ]);
  });

  it('lists the levels of every tag', () => {
    expect(tagLevels({ region: 'emea/uk', tier: 'gold' })).toHaveLength(3);
  });

  it('parses key:value filters whose value may hold colons, and refuses a filter without a key', () => {
    expect(parseTagFilter('url:https://x')).toEqual({ key: 'url', value: 'https://x' });
    expect(parseTagFilter(':value')).toBeUndefined();
    expect(parseTagFilter('novalue')).toBeUndefined();
  });
});

describe('tagUsageUpdates', () => {
  const deltas = (items: ReturnType<typeof tagUsageUpdates>) =>
    items
      .map(
        (item) =>
          `${item.Update!.Key!.pk as string}|${(item.Update!.Key!.sk as string).replace('\u001f', '>')}|${item.Update!.ExpressionAttributeValues![':delta']}`,
      )
      .sort();

  it('counts a new value once per scope and level', () => {
    const items = tagUsageUpdates('t', 'group', [], [{ scopes: ['/a', '/'], tags: { region: 'emea/uk' } }]);

    expect(deltas(items)).toEqual([
      'TAGUSE#group#/#region|>emea|1',
      'TAGUSE#group#/#region|emea>emea/uk|1',
      'TAGUSE#group#/a#region|>emea|1',
      'TAGUSE#group#/a#region|emea>emea/uk|1',
    ]);
  });

  it('changes only what moved: a sibling value swaps its leaf level and keeps the shared parent level', () => {
    const items = tagUsageUpdates(
      't',
      'group',
      [{ scopes: ['/'], tags: { region: 'emea/uk' } }],
      [{ scopes: ['/'], tags: { region: 'emea/de' } }],
    );

    expect(deltas(items)).toEqual(['TAGUSE#group#/#region|emea>emea/de|1', 'TAGUSE#group#/#region|emea>emea/uk|-1']);
  });

  it('counts a profile and each invitation as placements of their own, one update per counter', () => {
    // Prepare: the profile counts emea at /globex and /; an invitation counts emea at /acme and /
    const profile = { scopes: ['/globex', '/'], tags: { region: 'emea' } };
    const invitation = { scopes: ['/acme', '/'], tags: { region: 'emea' } };

    // Act
    const invited = tagUsageUpdates('t', 'user', [profile], [profile, invitation]);
    const withdrawn = tagUsageUpdates('t', 'user', [profile, invitation], [profile]);
    const accepted = tagUsageUpdates('t', 'user', [profile, invitation], [{ ...profile, scopes: ['/globex', '/acme', '/'] }]);

    // Assess
    expect(deltas(invited)).toEqual(['TAGUSE#user#/#region|>emea|1', 'TAGUSE#user#/acme#region|>emea|1']);
    expect(deltas(withdrawn)).toEqual(['TAGUSE#user#/#region|>emea|-1', 'TAGUSE#user#/acme#region|>emea|-1']);
    expect(deltas(accepted)).toEqual(['TAGUSE#user#/#region|>emea|-1']);
  });

  it('counts a user once per group even with several memberships beneath it', () => {
    expect(userScopes(['/acme/a', '/acme/b']).sort()).toEqual(['/', '/acme', '/acme/a', '/acme/b']);
  });
});
