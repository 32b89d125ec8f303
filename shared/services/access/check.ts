/**
 * The bank's access decision point: may this person do this action in this part of this
 * business? A check of yourself uses the memberships your token was authorized with; a check of
 * someone else needs the right to read users where you act and at the group asked about, and
 * that person visible where you act, and costs one Query of their partition (once per person in a batch). Inputs are gathered for the
 * whole batch first (subjects, custom roles, MFA requirements), then each check is decided purely.
 */
import type { Caller } from '../../domain/caller.ts';
import {
  CHECK_OTHERS_ACTION,
  decideCheck,
  groupsWithinReach,
  UNKNOWN_SUBJECT,
  type CheckSubject,
} from '../../domain/access/checkDecision.ts';
import { roleActionPatterns, type Decision } from '../../domain/access/permissions.ts';
import { mfaRefusal } from '../../domain/access/routeRule.ts';
import { isVisibleToCaller } from '../../domain/access/visibility.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import type { UserWithMemberships } from '../../store/userStore.ts';
import { customRolesFor, type DecisionInputs } from './decisionInputs.ts';

export interface CheckDependencies {
  inputs: DecisionInputs;
  loadUser(email: string): Promise<UserWithMemberships | undefined>;
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
  const subjects = await loadSubjects(deps, caller, checks);
  // Someone else checked at a group outside the caller's reach is answered as someone unknown.
  const subjectOf = (check: Check) =>
    emailOf(check) === caller.email || reach.has(groupOf(check)) ? subjects.get(emailOf(check))! : UNKNOWN;
  const lookups = new Map(
    await Promise.all(
      [...subjects].map(async ([email, subject]) => {
        const groupIds = checks.filter((check) => emailOf(check) === email && subjectOf(check) !== UNKNOWN).map(groupOf);
        return [email, await customRolesFor(deps.inputs, subject.memberships, groupIds)] as const;
      }),
    ),
  );
  const byRole = checks.map((check) =>
    decideCheck(subjectOf(check), groupOf(check), check.action, {
      customRoles: lookups.get(emailOf(check)),
      mfaRequired: false,
    }),
  );
  // Only allowed decisions of people who have not enrolled depend on MFA requirements: one batched read for them all.
  const needMfa = checks.filter((check, i) => byRole[i]!.allowed && !subjectOf(check).mfaEnabled);
  if (needMfa.length === 0) return byRole;
  const requiringMfa = new Set(await deps.inputs.groupsRequiringMfa(needMfa.map(groupOf)));
  return checks.map((check, i) =>
    requiringMfa.has(groupOf(check))
      ? decideCheck(subjectOf(check), groupOf(check), check.action, {
          customRoles: lookups.get(emailOf(check)),
          mfaRequired: true,
        })
      : byRole[i]!,
  );
}

const UNKNOWN: CheckSubject = { memberships: {}, state: 'unknown', mfaEnabled: false };

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
  const loaded = await Promise.all(others.map((email) => deps.loadUser(email)));
  others.forEach((email, i) => {
    const user = loaded[i];
    const visible = user && isVisibleToCaller(caller.memberships, caller.groupContextId, Object.keys(user.memberships));
    subjects.set(
      email,
      visible ? { memberships: user.memberships, state: user.user.state, mfaEnabled: user.user.mfaEnabled === true } : UNKNOWN,
    );
  });
  return subjects;
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
