/**
 * No grant exceeds its granter: a role may be granted at a group, and a custom role defined
 * there, only by someone whose own role there allows every action that role allows. Built-in
 * `admin` grants anything in its subtree.
 *
 * Each action pattern is compared through one witness action: the pattern with every `*`
 * replaced by a segment no pattern can name. A literal never matches that segment, so patterns
 * that match the witness do so with a `*` in its place, which would take any segments there:
 * the granter's patterns allow the witness exactly when one of them allows every action the
 * pattern stands for. One matcher run per pattern, no pattern algebra.
 */
import { BUILT_IN_ROLE_ACTIONS, roleAllows, type CustomRoleDefinition, type CustomRoleLookup } from './permissions.ts';
import { isBuiltInRole, resolveRole, type BuiltInRole, type Memberships, type ResolvedRole } from '../roles.ts';

/** Stands for any one or more segments (a `*`). Never a valid segment, so never a pattern's literal. */
const ANY = '#any';
/** Stands for any first segment but `iam`: contributor's business actions. */
const ANY_BUT_IAM = '#business';

type Witness = readonly string[];

const witnessOf = (pattern: string): Witness => pattern.split(':').map((segment) => (segment === '*' ? ANY : segment));

/** What each built-in role allows, as witnesses. */
const BUILT_IN_WITNESSES: Record<BuiltInRole, Witness[]> = {
  reader: [
    [ANY, 'read'],
    [ANY, 'list'],
  ],
  contributor: [
    [ANY, 'read'],
    [ANY, 'list'],
    [ANY_BUT_IAM, ANY],
  ],
  admin: [[ANY]],
};

/** May the granter's deciding role allow everything a witness stands for? */
function granterAllows(granter: ResolvedRole, customRoles: CustomRoleLookup | undefined): (witness: Witness) => boolean {
  if (granter.role === 'contributor') {
    // Contributor's rule excludes `iam`: a witness whose first segment may be `iam` needs a read.
    return (witness) =>
      witness[0] === ANY ? BUILT_IN_ROLE_ACTIONS.reader.allows(witness) : BUILT_IN_ROLE_ACTIONS.contributor.allows(witness);
  }
  return (witness) => roleAllows(granter.role, witness.join(':'), granter.grantedAt, customRoles);
}

function allowsAll(
  granterMemberships: Memberships,
  groupId: string,
  witnesses: Witness[],
  granterRoles: CustomRoleLookup | undefined,
): boolean {
  const granter = resolveRole(granterMemberships, groupId);
  if (!granter) return false;
  if (granter.role === 'admin') return true;
  return witnesses.every(granterAllows(granter, granterRoles));
}

/**
 * May someone with `granterMemberships` grant `role` at `groupId`? `definition` is the custom
 * role's definition usable there (a custom role without one grants nothing, so nobody may grant it);
 * `granterRoles` finds the definition of the granter's own custom role.
 */
export function mayGrant(
  granterMemberships: Memberships,
  groupId: string,
  role: string,
  definition: CustomRoleDefinition | undefined,
  granterRoles?: CustomRoleLookup,
): boolean {
  const witnesses = isBuiltInRole(role) ? BUILT_IN_WITNESSES[role] : definition?.actions.map(witnessOf);
  return witnesses !== undefined && allowsAll(granterMemberships, groupId, witnesses, granterRoles);
}

/** May someone with `granterMemberships` define, at `groupId`, a custom role listing `actions`? */
export function mayDefineRole(
  granterMemberships: Memberships,
  groupId: string,
  actions: readonly string[],
  granterRoles?: CustomRoleLookup,
): boolean {
  return allowsAll(granterMemberships, groupId, actions.map(witnessOf), granterRoles);
}
