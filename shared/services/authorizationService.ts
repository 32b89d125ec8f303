/**
 * The bank's access decision point: may this person do this action in this part of this
 * business? A check of yourself uses the memberships your token was authorized with; a check of
 * someone else needs the right to read users where you act, and that person visible there, and
 * costs one Query of their partition (once per person in a batch).
 */
import { decide, roleActionPatterns, type Decision } from '../domain/permissions.ts';
import { customRoleLookup } from './customRoleLookup.ts';
import { isVisibleInContext } from '../domain/userAccess.ts';
import type { Caller } from '../http/caller.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import { isMfaRequired } from '../http/mfaPolicy.ts';
import type { TableRef } from '../store/client.ts';
import { loadUserWithMemberships } from '../store/userStore.ts';

const UNKNOWN_SUBJECT = 'No such user where you act';

export interface Check {
  action: string;
  groupId?: string;
  email?: string;
}

interface Subject {
  memberships: Record<string, string>;
  state: 'invited' | 'active' | 'disabled' | 'unknown';
  mfaEnabled: boolean;
}

export async function checkAll(table: TableRef, caller: Caller, checks: Check[]): Promise<Decision[]> {
  const subjects = new Map<string, Subject>();
  const subjectFor = async (email: string | undefined): Promise<Subject> => {
    const who = email ?? caller.email;
    if (who === caller.email) return { memberships: caller.memberships, state: 'active', mfaEnabled: caller.mfaEnabled };
    const known = subjects.get(who);
    if (known) return known;
    if (!decide(caller.memberships, caller.groupContextId, 'iam:users:read').allowed) {
      throw forbidden(`Checking someone else needs iam:users:read in group ${caller.groupContextId}`);
    }
    const loaded = await loadUserWithMemberships(table, who);
    // Someone not visible where the caller acts is answered like someone who does not exist.
    const visible = loaded && isVisibleInContext(caller.groupContextId, Object.keys(loaded.memberships));
    const subject: Subject = visible
      ? { memberships: loaded.memberships, state: loaded.user.state, mfaEnabled: loaded.user.mfaEnabled === true }
      : { memberships: {}, state: 'unknown', mfaEnabled: false };
    subjects.set(who, subject);
    return subject;
  };

  const decisions: Decision[] = [];
  for (const check of checks) {
    const subject = await subjectFor(check.email);
    const groupId = check.groupId ?? caller.groupContextId;
    decisions.push(await decideFor(table, subject, groupId, check.action));
  }
  return decisions;
}

async function decideFor(table: TableRef, subject: Subject, groupId: string, action: string): Promise<Decision> {
  if (subject.state === 'unknown') return { allowed: false, role: null, grantedAt: null, reason: UNKNOWN_SUBJECT };
  const decision = decide(
    subject.memberships,
    groupId,
    action,
    await customRoleLookup(() => table, subject.memberships, [groupId]),
  );
  if (!decision.allowed) return decision;
  if (subject.state === 'disabled') return { ...decision, allowed: false, reason: 'The user is disabled' };
  if (!subject.mfaEnabled && (await isMfaRequired(table, groupId)))
    return { ...decision, allowed: false, reason: `MFA is required in group ${groupId} and the user has not enrolled` };
  return decision;
}

export async function effectivePermissions(
  table: TableRef,
  caller: Caller,
  email: string,
  groupId: string,
): Promise<{ email: string; groupId: string; role: string | null; grantedAt: string | null; actions: string[] }> {
  const [decision] = await checkAll(table, caller, [{ action: 'iam:permissions:read', groupId, email }]);
  if (decision!.reason === UNKNOWN_SUBJECT) throw notFound(`User ${email} not found`);
  const role = decision!.role;
  const grantedAt = decision!.grantedAt;
  const lookup = role && grantedAt ? await customRoleLookup(() => table, { [grantedAt]: role }, [grantedAt]) : undefined;
  return { email, groupId, role, grantedAt, actions: role && grantedAt ? roleActionPatterns(role, grantedAt, lookup) : [] };
}
