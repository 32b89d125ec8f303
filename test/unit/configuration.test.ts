import { describe, expect, it } from 'vitest';
import { deepMerge, effectiveConfiguration } from '../../shared/domain/configuration.ts';

describe('deepMerge', () => {
  it('merges nested objects key by key, the patch winning', () => {
    expect(deepMerge({ a: { x: 1, y: 2 }, b: 1 }, { a: { y: 3 } })).toEqual({ a: { x: 1, y: 3 }, b: 1 });
  });

  it('removes a key given null', () => {
    expect(deepMerge({ a: { x: 1, y: 2 } }, { a: { x: null } })).toEqual({ a: { y: 2 } });
  });

  it('replaces arrays and scalars whole', () => {
    expect(deepMerge({ list: [1, 2], n: 1 }, { list: [3], n: { deep: true } })).toEqual({ list: [3], n: { deep: true } });
  });

  it('does not share nested objects with its inputs', () => {
    const patch = { a: { x: 1 } };
    const merged = deepMerge({}, patch);
    (merged.a as { x: number }).x = 2;
    expect(patch.a.x).toBe(1);
  });
});

describe('effectiveConfiguration', () => {
  it('applies layers from the root down, nearer layers winning and missing layers skipped', () => {
    expect(
      effectiveConfiguration([
        { security: { mfaRequired: false }, locale: 'en' },
        undefined,
        { security: { mfaRequired: true } },
      ]),
    ).toEqual({
      security: { mfaRequired: true },
      locale: 'en',
    });
  });
});
