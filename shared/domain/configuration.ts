/**
 * Group configuration is free-form JSON inherited down the tree. A group's effective
 * configuration is the deep merge of its ancestors' with its own: nearer wins, objects merge
 * key by key, anything else (arrays included) replaces, and `null` removes a key.
 */
import { withInheritedMfaRequirement } from './access/mfaInheritance.ts';

export type Configuration = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Configuration =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepMerge(base: Configuration, patch: Configuration): Configuration {
  const merged: Configuration = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(merged[key])) merged[key] = deepMerge(merged[key] as Configuration, value);
    else merged[key] = isPlainObject(value) ? deepMerge({}, value) : value;
  }
  return merged;
}

/** `layers` root first, the group itself last; nearer wins, except that MFA once required stays required. */
export function effectiveConfiguration(layers: (Configuration | undefined)[]): Configuration {
  return withInheritedMfaRequirement(mergeLayers(layers), layers);
}

/** The layers merged as written, nearer winning everywhere. */
export function mergeLayers(layers: (Configuration | undefined)[]): Configuration {
  return layers.reduce<Configuration>((merged, layer) => (layer ? deepMerge(merged, layer) : merged), {});
}
