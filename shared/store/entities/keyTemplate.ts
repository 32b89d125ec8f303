/**
 * A key shape written once, as the data model shows it (`GROUP#<id>`), from which the store
 * builds keys: the placeholders are the builder's typed arguments.
 */
type Placeholders<T extends string> = T extends `${string}<${infer Name}>${infer Rest}` ? Name | Placeholders<Rest> : never;

export interface KeyTemplate<T extends string = string> {
  readonly pattern: T;
  build(values: { [Name in Placeholders<T>]: string }): string;
}

export function keyTemplate<T extends string>(pattern: T): KeyTemplate<T> {
  // Split once: even positions are literal text, odd positions placeholder names.
  const parts = pattern.split(/<([^<>]+)>/);
  return {
    pattern,
    build: (values) => parts.map((part, i) => (i % 2 === 0 ? part : (values as Record<string, string>)[part])).join(''),
  };
}
