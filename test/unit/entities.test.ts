import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataModelRows, renderDataModelTable, tableRowsBetweenMarkers } from '../../shared/store/entities/dataModelTable.ts';
import { ENTITIES } from '../../shared/store/entities/index.ts';
import { keyTemplate } from '../../shared/store/entities/keyTemplate.ts';
import {
  groupIndexKeys,
  groupMembershipPrefix,
  lockoutKey,
  membershipIndexKeys,
  membershipKey,
  subtreeMembershipPrefix,
  tagUsageKey,
  userKey,
} from '../../shared/store/keys.ts';

describe('store/entities', () => {
  describe('the README data-model table', () => {
    it('is the one the entity declarations render (run `npm run docs` when this fails)', () => {
      const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

      const documented = tableRowsBetweenMarkers(readme);

      expect(documented).toEqual(dataModelRows(ENTITIES));
    });

    it('fails the comparison when a declaration changes', () => {
      const readme = `before\n<!-- data-model: generated from shared/store/entities/ by \`npm run docs\` -->\n${renderDataModelTable(ENTITIES)}\n<!-- data-model: end -->`;
      const changed = ENTITIES.map((entity, i) => (i === 0 ? { ...entity, fields: [...entity.fields, 'colour'] } : entity));

      expect(tableRowsBetweenMarkers(readme)).not.toEqual(dataModelRows(changed));
    });
  });

  describe('declarations', () => {
    it('give every item type its own type tag and its own key shape', () => {
      const tags = ENTITIES.map((entity) => entity.type);
      const shapes = ENTITIES.map((entity) => `${entity.pk.pattern} ${entity.sk.pattern}`);

      expect(new Set(tags).size).toBe(ENTITIES.length);
      expect(new Set(shapes).size).toBe(ENTITIES.length);
    });
  });

  describe('keyTemplate', () => {
    it('fills each placeholder with its value and keeps the literal text', () => {
      const template = keyTemplate('A#<first>#B<second>');

      expect(template.build({ first: '1', second: '2' })).toBe('A#1#B2');
    });
  });

  describe('key builders', () => {
    it('put the profile and the memberships in one partition, the profile sorting first', () => {
      const profile = userKey('ann@acme.com');
      const membership = membershipKey('ann@acme.com', '/acme');

      expect(membership.pk).toBe(profile.pk);
      expect([membership.sk, profile.sk].sort()[0]).toBe(profile.sk);
    });

    it('sort a subtree’s memberships under one prefix that a sibling with a longer name does not share', () => {
      const inside = membershipIndexKeys('ann@acme.com', '/acme/finance').gsi2sk;
      const sibling = membershipIndexKeys('bob@acmex.com', '/acmex').gsi2sk;

      expect(inside.startsWith(subtreeMembershipPrefix('/acme'))).toBe(true);
      expect(sibling.startsWith(subtreeMembershipPrefix('/acme'))).toBe(false);
      expect(membershipIndexKeys('ann@acme.com', '/').gsi2sk).toBe(`${groupMembershipPrefix('/')}ann@acme.com`);
      expect(groupMembershipPrefix('/')).toBe('/#');
    });

    it('link a group to its parent except at the root', () => {
      expect(groupIndexKeys('/acme', '/')).toEqual({ gsi1pk: 'CHILDREN#/', gsi1sk: '/acme', gsi2pk: 'TREE', gsi2sk: '/acme' });
      expect(groupIndexKeys('/', undefined)).toEqual({ gsi2pk: 'TREE', gsi2sk: '/' });
    });

    it('build lockout and tag usage keys as declared', () => {
      expect(lockoutKey('ip', '10.0.0.1')).toEqual({ pk: 'LOCKOUT#ip#10.0.0.1', sk: 'LOCKOUT' });
      expect(tagUsageKey('group', '/acme', 'region', 'emea', 'emea/uk')).toEqual({
        pk: 'TAGUSE#group#/acme#region',
        sk: 'emea\u001femea/uk',
      });
    });
  });
});
