/**
 * Group ids are lower-cased paths: `/`, `/acme`, `/acme/finance`.
 * Everything here is pure so the tree rules can be unit tested without a database.
 */
export const ROOT_GROUP_ID = '/';
export const MAX_GROUP_ID_LENGTH = 114;
export const GROUP_NAME_PATTERN = /^[a-zA-Z0-9-]+$/;

export function normaliseGroupId(raw: string): string {
  const lowered = raw.trim().toLowerCase();
  if (lowered === '' || lowered === ROOT_GROUP_ID) return ROOT_GROUP_ID;
  const withLeading = lowered.startsWith('/') ? lowered : `/${lowered}`;
  return withLeading.replace(/\/+$/, '') || ROOT_GROUP_ID;
}

export function isValidGroupId(id: string): boolean {
  if (id === ROOT_GROUP_ID) return true;
  if (id.length > MAX_GROUP_ID_LENGTH || !id.startsWith('/')) return false;
  return id
    .slice(1)
    .split('/')
    .every((segment) => GROUP_NAME_PATTERN.test(segment));
}

export function childGroupId(parentId: string, name: string): string {
  const segment = name.toLowerCase();
  return parentId === ROOT_GROUP_ID ? `/${segment}` : `${parentId}/${segment}`;
}

export function parentGroupId(id: string): string | undefined {
  if (id === ROOT_GROUP_ID) return undefined;
  const cut = id.lastIndexOf('/');
  return cut === 0 ? ROOT_GROUP_ID : id.slice(0, cut);
}

/** The group itself and every ancestor, nearest first, ending with `/`. */
export function selfAndAncestors(id: string): string[] {
  const chain: string[] = [];
  for (let current: string | undefined = id; current !== undefined; current = parentGroupId(current)) {
    chain.push(current);
  }
  return chain;
}

/** True when `id` is `ancestorId` or lies beneath it. */
export function isWithin(id: string, ancestorId: string): boolean {
  if (ancestorId === ROOT_GROUP_ID || id === ancestorId) return true;
  return id.startsWith(`${ancestorId}/`);
}

export function groupDepth(id: string): number {
  return id === ROOT_GROUP_ID ? 0 : id.split('/').length - 1;
}
