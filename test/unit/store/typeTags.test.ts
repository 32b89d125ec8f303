import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../../shared/store/entities/index.ts';

const STORE = new URL('../../../shared/store/', import.meta.url);
/** Stores that still spell their type tags out; remove a file from here once it reads them from its entity declaration. */
const NOT_YET_MOVED = ['userStore.ts'];

/** `type: 'group'` in an item, or `':type': 'lockout'` in an update's values: a type tag written as a literal. */
function literalTypeTags(source: string): string[] {
  const tags = new Set(ENTITIES.map((entity) => entity.type));
  return [...source.matchAll(/(?:\btype|':type'): '([^']+)'/g)].map((match) => match[1]!).filter((tag) => tags.has(tag));
}

describe('store/type tags', () => {
  it('come from the entity declarations in every store, not from literals', () => {
    // Prepare
    const stores = readdirSync(STORE).filter((file) => file.endsWith('.ts') && !NOT_YET_MOVED.includes(file));

    // Act
    const literals = stores.flatMap((file) =>
      literalTypeTags(readFileSync(new URL(file, STORE), 'utf8')).map((tag) => `${file}: ${tag}`),
    );

    // Assess
    expect(literals).toEqual([]);
  });

  it('are found when written as literals', () => {
    expect(literalTypeTags(`Item: { ...key, type: 'role', x }, { ':type': 'lockout' }, type: 'not-an-entity'`)).toEqual([
      'role',
      'lockout',
    ]);
  });
});
