/**
 * `security.mfaRequired` is monotonic down the tree: once a group requires MFA, nothing beneath
 * it can switch the requirement off. Configuration layers are given root first, one per group on
 * the path (undefined where a group has none).
 */
import type { Configuration } from '../configuration.ts';
import { conflict, type DomainError } from '../errors.ts';

const setsMfaRequired = (layer: Configuration | undefined): boolean =>
  (layer?.security as { mfaRequired?: unknown } | undefined)?.mfaRequired === true;

const isPlainObject = (value: unknown): value is Configuration =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Any layer on the path requiring MFA makes the merged configuration require it, whatever a nearer layer says. */
export function withInheritedMfaRequirement(merged: Configuration, layers: (Configuration | undefined)[]): Configuration {
  if (!layers.some(setsMfaRequired) || setsMfaRequired(merged)) return merged;
  const security = isPlainObject(merged.security) ? merged.security : {};
  return { ...merged, security: { ...security, mfaRequired: true } };
}

/**
 * Refuses a group's new own configuration when an ancestor requires MFA and the group's layer,
 * merged over its ancestors' as configuration merges, would not: `mfaRequired: false`, `null`, or
 * a `security` that is not an object. The 409 names the nearest ancestor that requires it.
 */
export function mfaSwitchOffRefusal(
  groupId: string,
  ancestors: { groupId: string; configuration?: Configuration }[],
  mergedWithOwnLayer: Configuration,
): DomainError | undefined {
  const requiring = ancestors.filter((ancestor) => setsMfaRequired(ancestor.configuration)).at(-1);
  if (!requiring || setsMfaRequired(mergedWithOwnLayer)) return undefined;
  return conflict(
    `Group ${requiring.groupId} requires MFA (security.mfaRequired), so ${groupId} beneath it cannot switch it off`,
  );
}
