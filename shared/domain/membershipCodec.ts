/**
 * The authorizer hands memberships to handlers through API Gateway's context map, whose
 * values must be scalars and whose whole response should stay a few KB. So memberships
 * travel as one compact string, front-coded: ids sorted, each written as the length of the
 * prefix it shares with the previous id, then the rest, then a one-letter role:
 * `/=a,0:/acme=r,5:/finance=c` is `/` admin, `/acme` reader, `/acme/finance` contributor.
 * Group ids never contain `,`, `:` or `=` (see GROUP_NAME_PATTERN).
 */
import { CUSTOM_ROLE_NAME_PATTERN, isBuiltInRole, type BuiltInRole, type Memberships, type Role } from './roles.ts';

const SHORT: Record<BuiltInRole, string> = { reader: 'r', contributor: 'c', admin: 'a' };
const LONG = new Map<string, BuiltInRole>([
  ['r', 'reader'],
  ['c', 'contributor'],
  ['a', 'admin'],
]);

export function encodeMemberships(memberships: Memberships): string {
  let previous = '';
  return Object.keys(memberships)
    .sort()
    .map((groupId) => {
      const shared = commonPrefixLength(previous, groupId);
      previous = groupId;
      const role = memberships[groupId]!;
      // Built-in roles travel as one letter; custom role names (two or more characters) as they are.
      return `${shared}:${groupId.slice(shared)}=${isBuiltInRole(role) ? SHORT[role] : role}`;
    })
    .join(',');
}

export function decodeMemberships(encoded: string): Record<string, Role> {
  const memberships: Record<string, Role> = {};
  let previous = '';
  for (const entry of encoded ? encoded.split(',') : []) {
    const match = /^(\d+):([^=]*)=(.+)$/.exec(entry);
    if (!match) continue;
    const groupId = previous.slice(0, Number(match[1])) + match[2];
    const code = match[3]!;
    const role = LONG.get(code) ?? (isBuiltInRole(code) || CUSTOM_ROLE_NAME_PATTERN.test(code) ? code : undefined);
    previous = groupId;
    if (groupId && role) memberships[groupId] = role;
  }
  return memberships;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}
