/** Sparse objects: stored records and responses carry only what is set. */

/** Undefined when empty, so stored records carry only what is set. */
export function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value && Object.keys(value).length > 0 ? value : undefined;
}

/** Drops undefined properties. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
