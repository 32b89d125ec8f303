import { describe, expect, it } from 'vitest';
import LRUCache from '../../infrastructure/aws/endpointCacheLru.ts';

describe('infrastructure/aws/endpointCacheLru (bundled for mnemonist/lru-cache)', () => {
  it('evicts the least recently used key past its capacity', () => {
    // Prepare
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);

    // Act: reading `a` makes `b` the least recently used one.
    cache.get('a');
    cache.set('c', 3);

    // Assess
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.size).toBe(2);
  });

  it('peeks without refreshing, and clears', () => {
    // Prepare
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);

    // Act
    const peeked = cache.peek('a');
    cache.set('c', 3);
    const afterEviction = cache.has('a');
    cache.clear();

    // Assess
    expect(peeked).toBe(1);
    expect(afterEviction).toBe(false);
    expect(cache.size).toBe(0);
    expect(cache.get('c')).toBeUndefined();
  });
});
