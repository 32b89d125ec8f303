/**
 * The authorizer hands memberships to handlers through API Gateway's context map, whose
 * values must be scalars and whose whole response should stay a few KB. So memberships
 * travel as one compact string, front-coded: ids sorted, each written as the length of the
 * prefix it shares with the previous id, then the rest, then a one-letter role:
 * `/=a,0:/acme=r,5:/finance=c` is `/` admin, `/acme` reader, `/acme/finance` contributor.
 * Group ids never contain `,`, `:` or `=` (see GROUP_NAME_PATTERN).
 */
import { isRole, type Memberships, type Role } from './roles.ts';

const SHORT: Record<Role, string> = { reader: 'r', contributor: 'c', admin: 'a' };
const LONG = new Map<string, Role>([
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
      return `${shared}:${groupId.slice(shared)}=${SHORT[memberships[groupId]!]}`;
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
    const role = LONG.get(match[3]!) ?? (isRole(match[3]!) ? match[3] : undefined);
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
