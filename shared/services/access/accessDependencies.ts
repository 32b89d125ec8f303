/**
 * What access decisions read, built once per container. Kept apart from the other services'
 * dependencies so the route wrapper, which every function bundles, carries no Cognito client.
 */
import { defaultTable } from '../../store/client.ts';
import { loadUsersOnPaths } from '../../store/userPathReads.ts';
import { acceptedMemberships } from '../../store/membershipProbe.ts';
import type { MembershipProbe } from './actorNames.ts';
import type { CheckDependencies } from './check.ts';
import type { DecisionInputs } from './decisionInputs.ts';
import { tableDecisionInputs } from './tableDecisionInputs.ts';

let decisionInputs: DecisionInputs | undefined;

/** Reads the table only when a decision needs a custom role or an MFA requirement. */
export function accessDecisionInputs(): DecisionInputs {
  return (decisionInputs ??= tableDecisionInputs(defaultTable));
}

export function checkDependencies(): CheckDependencies {
  const table = defaultTable();
  return { inputs: accessDecisionInputs(), loadUsersOnPaths: (wanted) => loadUsersOnPaths(table, wanted) };
}

/** Reads, for the actor rule, which memberships exist. */
export function membershipProbe(): MembershipProbe {
  return (pairs) => acceptedMemberships(defaultTable(), pairs);
}
