import { describe, expect, it } from 'vitest';
import { listTagValues, type TagValueIndex, type TagValueQuery } from '../../../shared/services/tagService.ts';

/** Tag values in memory, answering every query with the values stored under its parent level; it records the queries. */
function fakeTagValues(values: Record<string, string[]>): TagValueIndex & { queries: TagValueQuery[] } {
  const queries: TagValueQuery[] = [];
  return {
    queries,
    valuesInUse: async (query) => {
      queries.push(query);
      const level = (values[query.parentValue] ?? []).filter((value) => query.fromValue === undefined || value > query.fromValue);
      const page = level.slice(0, query.limit);
      return { values: page, ...(level.length > query.limit ? { lastValue: page.at(-1) } : {}) };
    },
  };
}

describe('services/tagService', () => {
  describe('listTagValues', () => {
    it('labels each value with its last level and asks for the top level when no parent is given', async () => {
      // Prepare
      const index = fakeTagValues({ '': ['emea', 'apac'], emea: ['emea/uk', 'emea/fr'] });

      // Act
      const page = await listTagValues(index, '/acme', { key: 'region', resourceType: 'group', parentValue: 'emea', count: 20 });
      const top = await listTagValues(index, '/acme', { key: 'region', resourceType: 'group', count: 20 });

      // Assess
      expect(page).toEqual({ values: { 'emea/uk': 'uk', 'emea/fr': 'fr' }, lastValue: undefined });
      expect(top.values).toEqual({ emea: 'emea', apac: 'apac' });
      expect(index.queries[1]).toMatchObject({ groupId: '/acme', key: 'region', parentValue: '', limit: 20 });
    });

    it('passes the page size and where to resume, and hands back where the next page starts', async () => {
      const index = fakeTagValues({ '': ['a', 'b', 'c'] });

      const first = await listTagValues(index, '/', { key: 'k', resourceType: 'user', count: 2 });
      const second = await listTagValues(index, '/', { key: 'k', resourceType: 'user', count: 2, fromValue: first.lastValue });

      expect(first).toEqual({ values: { a: 'a', b: 'b' }, lastValue: 'b' });
      expect(second.values).toEqual({ c: 'c' });
      expect(index.queries[1]).toMatchObject({ resourceType: 'user', fromValue: 'b', limit: 2 });
    });
  });
});
