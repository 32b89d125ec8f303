/**
 * The bank's access decision point: may this person do this action in this part of this
 * business? A check of yourself uses the memberships your token was authorized with; a check of
 * someone else needs the right to read users where you act, and that person visible there, and
 * costs one Query of their partition (once per person in a batch). Inputs are gathered for the
 * whole batch first (subjects, custom roles, MFA requirements), then each check is decided purely.
 */
import type { Caller } from '../../domain/caller.ts';
import { decideCheck, UNKNOWN_SUBJECT, type CheckSubject } from '../../domain/access/checkDecision.ts';
import { decide, roleActionPatterns, type Decision } from '../../domain/access/permissions.ts';
import { isVisibleInContext, visibleMemberships } from '../../domain/access/visibility.ts';
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
  const subjects = await loadSubjects(deps, caller, checks);
  const groupOf = (check: Check) => check.groupId ?? caller.groupContextId;
  const emailOf = (check: Check) => check.email ?? caller.email;
  const lookups = new Map(
    await Promise.all(
      [...subjects].map(async ([email, subject]) => {
        const groupIds = checks.filter((check) => emailOf(check) === email).map(groupOf);
        return [email, await customRolesFor(deps.inputs, subject.memberships, groupIds)] as const;
      }),
    ),
  );
  const byRole = checks.map((check) =>
    decideCheck(subjects.get(emailOf(check))!, groupOf(check), check.action, {
      customRoles: lookups.get(emailOf(check)),
      mfaRequired: false,
    }),
  );
  // Only allowed decisions of people who have not enrolled depend on MFA requirements: one batched read for them all.
  const needMfa = checks.filter((check, i) => byRole[i]!.allowed && !subjects.get(emailOf(check))!.mfaEnabled);
  if (needMfa.length === 0) return byRole;
  const requiringMfa = new Set(await deps.inputs.groupsRequiringMfa(needMfa.map(groupOf)));
  return checks.map((check, i) =>
    requiringMfa.has(groupOf(check))
      ? decideCheck(subjects.get(emailOf(check))!, groupOf(check), check.action, {
          customRoles: lookups.get(emailOf(check)),
          mfaRequired: true,
        })
      : byRole[i]!,
  );
}

/** Each person checked, once. Someone not visible where the caller acts is answered like someone who does not exist. */
async function loadSubjects(deps: CheckDependencies, caller: Caller, checks: Check[]): Promise<Map<string, CheckSubject>> {
  const subjects = new Map<string, CheckSubject>([
    [caller.email, { memberships: caller.memberships, state: 'active', mfaEnabled: caller.mfaEnabled }],
  ]);
  const others = [...new Set(checks.map((check) => check.email ?? caller.email))].filter((email) => email !== caller.email);
  if (others.length === 0) return subjects;
  if (!decide(caller.memberships, caller.groupContextId, 'iam:users:read').allowed) {
    throw forbidden(`Checking someone else needs iam:users:read in group ${caller.groupContextId}`);
  }
  const loaded = await Promise.all(others.map((email) => deps.loadUser(email)));
  others.forEach((email, i) => {
    const user = loaded[i];
    const visible = user && isVisibleInContext(caller.groupContextId, Object.keys(user.memberships));
    subjects.set(
      email,
      visible
        ? { memberships: user.memberships, state: user.user.state, mfaEnabled: user.user.mfaEnabled === true }
        : user && isVisibleInContext(caller.groupContextId, Object.keys(user.pending))
          ? invitationSubject(caller, user)
          : { memberships: {}, state: 'unknown', mfaEnabled: false },
    );
  });
  return subjects;
}

/** Someone the caller knows only through invitations is checked as the invited user those invitations describe. */
function invitationSubject(caller: Caller, user: UserWithMemberships): CheckSubject {
  const invitations = visibleMemberships(caller.memberships, user.pending);
  const first = Object.keys(invitations).sort()[0]!;
  return { memberships: invitations, state: user.invitations?.[first]?.inviteeState ?? 'invited', mfaEnabled: false };
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
