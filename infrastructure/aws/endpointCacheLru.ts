/**
 * Bundled in place of `mnemonist/lru-cache` (see BUNDLE_OPTIONS). The DynamoDB client builds an
 * endpoint-discovery cache when it is created, though discovery is off unless configured, and
 * mnemonist with its helpers adds about 7 KB to every bundle. This is the part of its LRUCache
 * that `@aws-sdk/endpoint-cache` calls (get, set, peek, has, clear), on a Map, which keeps
 * insertion order: the first key is the least recently used one.
 */
export default class LRUCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
