/**
 * The bank's access decision point: may this person do this action in this part of this
 * business? A check of yourself uses the memberships your token was authorized with; a check of
 * someone else needs the right to read users where you act and at the group asked about, and
 * that person visible where you act. Inputs are gathered for the whole batch first, by key: each
 * person's profile and their memberships on the paths to the groups checked (100 keys per
 * BatchGetItem), then the custom roles and MFA requirements those decisions need (one more batch,
 * or none when cached); then each check is decided purely. Someone checked outside the caller's
 * reach, or with no membership on the path to the group checked, is answered like someone
 * unknown: the answer does not say whether they exist.
 */
import type { Caller } from '../../domain/caller.ts';
import {
  CHECK_OTHERS_ACTION,
  decideCheck,
  groupsWithinReach,
  UNKNOWN_SUBJECT,
  type CheckSubject,
} from '../../domain/access/checkDecision.ts';
import { decide, roleActionPatterns, type Decision } from '../../domain/access/permissions.ts';
import { mfaRefusal } from '../../domain/access/routeRule.ts';
import { isVisibleInContext, isVisibleToCaller, visibleMemberships } from '../../domain/access/visibility.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { isBuiltInRole, resolveRole } from '../../domain/roles.ts';
import type { PathsWanted, UserOnPaths } from '../../store/userPathReads.ts';
import { customRolesFor, type DecisionInputs } from './decisionInputs.ts';

export interface CheckDependencies {
  inputs: DecisionInputs;
  /** Each person with a profile, with their memberships on the paths to the groups given. */
  loadUsersOnPaths(wanted: PathsWanted[]): Promise<Map<string, UserOnPaths>>;
}

export interface Check {
  action: string;
  groupId?: string;
  email?: string;
}

export async function checkAll(deps: CheckDependencies, caller: Caller, checks: Check[]): Promise<Decision[]> {
  const groupOf = (check: Check) => check.groupId ?? caller.groupContextId;
  const emailOf = (check: Check) => check.email ?? caller.email;
  const reach = await reachForOthers(deps, caller, checks.filter((check) => emailOf(check) !== caller.email).map(groupOf));
  // Someone else checked at a group outside the caller's reach is answered as someone unknown, and not read at all.
  const inReach = (check: Check) => emailOf(check) === caller.email || reach.has(groupOf(check));
  const subjects = await loadSubjects(deps, caller, checks.filter(inReach));
  const subjectOf = (check: Check) => (inReach(check) ? subjects.get(emailOf(check))! : UNKNOWN);
  // MFA requirements matter only where the role may allow and the person has not enrolled. They are
  // asked for together with the custom roles, so the table reads both in one batch.
  const mayNeedMfa = checks.filter((check) => mayAllowWithoutMfa(subjectOf(check), groupOf(check), check.action));
  const [lookups, requiringMfa] = await Promise.all([
    Promise.all(
      [...subjects].map(async ([email, subject]) => {
        const groupIds = checks.filter((check) => emailOf(check) === email && inReach(check)).map(groupOf);
        return [email, await customRolesFor(deps.inputs, subject.memberships, groupIds)] as const;
      }),
    ).then((entries) => new Map(entries)),
    mayNeedMfa.length === 0 ? [] : deps.inputs.groupsRequiringMfa(mayNeedMfa.map(groupOf)),
  ]);
  const mfaGroups = new Set(requiringMfa);
  return checks.map((check) =>
    decideCheck(subjectOf(check), groupOf(check), check.action, {
      customRoles: lookups.get(emailOf(check)),
      mfaRequired: mfaGroups.has(groupOf(check)),
    }),
  );
}

const UNKNOWN: CheckSubject = { memberships: {}, state: 'unknown', mfaEnabled: false };

/** An active person who has not enrolled MFA, whose role at the group is custom (not known yet) or allows the action. */
function mayAllowWithoutMfa(subject: CheckSubject, groupId: string, action: string): boolean {
  if (subject.mfaEnabled || subject.state === 'unknown' || subject.state === 'disabled') return false;
  const resolved = resolveRole(subject.memberships, groupId);
  return resolved !== undefined && (!isBuiltInRole(resolved.role) || decide(subject.memberships, groupId, action).allowed);
}

/**
 * Where the caller may check someone else: they need `iam:users:read` where they act (else 403)
 * and at each group asked about (else that check gets the unknown-email answer). Like any route
 * acting on others, it is refused to a caller without MFA where those groups require it.
 */
async function reachForOthers(deps: CheckDependencies, caller: Caller, groupIds: string[]): Promise<Set<string>> {
  if (groupIds.length === 0) return new Set();
  const asked = [...new Set([caller.groupContextId, ...groupIds])];
  const callerRoles = await customRolesFor(deps.inputs, caller.memberships, asked);
  const within = groupsWithinReach(caller.memberships, asked, callerRoles);
  if (!within.includes(caller.groupContextId))
    throw forbidden(`Checking someone else needs ${CHECK_OTHERS_ACTION} in group ${caller.groupContextId}`);
  if (!caller.mfaEnabled) {
    const mfa = mfaRefusal(caller.mfaEnabled, await deps.inputs.groupsRequiringMfa(within));
    if (mfa) throw mfa;
  }
  return new Set(within);
}

/** Each person checked, once. Someone not visible where the caller acts is answered like someone who does not exist. */
async function loadSubjects(deps: CheckDependencies, caller: Caller, checks: Check[]): Promise<Map<string, CheckSubject>> {
  const subjects = new Map<string, CheckSubject>([
    [caller.email, { memberships: caller.memberships, state: 'active', mfaEnabled: caller.mfaEnabled }],
  ]);
  const others = [...new Set(checks.map((check) => check.email ?? caller.email))].filter((email) => email !== caller.email);
  if (others.length === 0) return subjects;
  const groupOf = (check: Check) => check.groupId ?? caller.groupContextId;
  const loaded = await deps.loadUsersOnPaths(
    others.map((email) => ({ email, groupIds: checks.filter((check) => check.email === email).map(groupOf) })),
  );
  others.forEach((email) => {
    const user = loaded.get(email);
    const visible = user && isVisibleToCaller(caller.memberships, caller.groupContextId, Object.keys(user.memberships));
    subjects.set(
      email,
      visible
        ? { memberships: user.memberships, state: user.user.state, mfaEnabled: user.user.mfaEnabled === true }
        : user && isVisibleInContext(caller.groupContextId, Object.keys(user.pending))
          ? invitationSubject(caller, user)
          : UNKNOWN,
    );
  });
  return subjects;
}

/** Someone the caller knows only through invitations is checked as the invited user those invitations describe. */
function invitationSubject(caller: Caller, user: UserOnPaths): CheckSubject {
  const invitations = visibleMemberships(caller.memberships, user.pending);
  const first = Object.keys(invitations).sort()[0]!;
  return { memberships: invitations, state: user.invitations[first]?.inviteeState ?? 'invited', mfaEnabled: false };
}

export async function effectivePermissions(
  deps: CheckDependencies,
  caller: Caller,
  email: string,
  groupId: string,
): Promise<{ email: string; groupId: string; role: string | null; grantedAt: string | null; actions: string[] }> {
  const [decision] = await checkAll(deps, caller, [{ action: 'iam:permissions:read', groupId, email }]);
  if (decision!.reason === UNKNOWN_SUBJECT) throw notFound(`User ${email} not found`);
  const { role, grantedAt } = decision!;
  if (!role || !grantedAt) return { email, groupId, role, grantedAt, actions: [] };
  const lookup = await customRolesFor(deps.inputs, { [grantedAt]: role }, [grantedAt]);
  return { email, groupId, role, grantedAt, actions: roleActionPatterns(role, grantedAt, lookup) };
}
