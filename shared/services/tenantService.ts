/**
 * Tenants: the top-level groups of the bank's customers, each with a plan (sole trader, team,
 * enterprise) whose user limit is enforced in the same transactions that add users.
 */
import { childGroupId, ROOT_GROUP_ID } from '../domain/groupPath.ts';
import { describeLimit, PLANS, type Plan } from '../domain/plans.ts';
import { conflict, notFound } from '../domain/errors.ts';
import type { Caller } from '../domain/caller.ts';
import { auditEventPut } from '../store/audit.ts';
import { adjustGroup, getStoredGroup, putNewGroup, setTenantPlan } from '../store/groupStore.ts';
import type { GroupRecord, MembershipRecord, UserRecord } from '../store/storedRecords.ts';
import { ConditionFailedError, writeTransaction } from '../store/transactions.ts';
import { compact } from '../domain/sparse.ts';
import { membershipSummaryUpdate, putMembershipSummary } from '../store/membershipSummary.ts';
import { putMembership, putNewUser, replaceUser, type UserWithMemberships } from '../store/userStore.ts';
import { getGroupView, type GroupView } from './groupService.ts';
import { inviteUser } from './users/invite.ts';
import type { UserDependencies } from './users/userDependencies.ts';
import { timestampOf } from './clock.ts';

interface Mutation {
  caller: Caller;
  requestId: string;
}

/** Creates the tenant `/<name>` with its plan, then invites its owner as admin (a second step: a failed invitation can be repeated). */
export async function createTenant(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  request: { name: string; plan: Plan; ownerEmail: string },
): Promise<GroupView> {
  const id = childGroupId(ROOT_GROUP_ID, request.name);
  const at = timestampOf(deps);
  const record: GroupRecord = {
    id,
    name: request.name,
    plan: request.plan,
    state: 'active',
    createdBy: caller.email,
    createdAt: at,
  };
  try {
    await writeTransaction(deps.table, [
      adjustGroup(deps.table.tableName, ROOT_GROUP_ID, { childCount: 1 }, true),
      putNewGroup(deps.table.tableName, record, { userCount: 0, userLimit: PLANS[request.plan].userLimit }),
      auditEventPut(deps.table.tableName, {
        actor: caller.email,
        action: 'tenant.created',
        targetType: 'group',
        targetId: id,
        after: record,
        at,
        requestId,
      }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError) throw conflict(`Group ${id} already exists`);
    throw error;
  }
  await inviteUser(deps, { caller: { ...caller, groupContextId: id }, requestId }, { email: request.ownerEmail, role: 'admin' });
  return getGroupView(deps, id);
}

/** Changes the plan; a plan whose limit is below the tenant's current users is refused (409). */
export async function changePlan(
  deps: UserDependencies,
  { caller, requestId }: Mutation,
  id: string,
  plan: Plan,
): Promise<GroupView> {
  const tenant = await getStoredGroup(deps.table, id);
  if (!tenant || !tenant.record.plan) throw notFound(`Tenant ${id} not found`);
  const at = timestampOf(deps);
  try {
    await writeTransaction(deps.table, [
      setTenantPlan(deps.table.tableName, id, plan, PLANS[plan].userLimit, caller.email, at),
      auditEventPut(deps.table.tableName, {
        actor: caller.email,
        action: 'tenant.plan_changed',
        targetType: 'group',
        targetId: id,
        before: { plan: tenant.record.plan },
        after: { plan },
        at,
        requestId,
      }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError) {
      throw conflict(`Tenant ${id} has ${tenant.userCount} users: ${describeLimit(plan)}. Remove users before downgrading.`);
    }
    throw error;
  }
  return getGroupView(deps, id);
}

/**
 * A business that signed itself up: its sole-trader tenant, the owner's profile (already in
 * Cognito, confirmed) and admin membership, in one transaction. The tenant id is the business
 * name's slug, with a number added when taken.
 */
export async function createTenantForOwner(
  deps: Pick<UserDependencies, 'table' | 'now'>,
  request: {
    businessName: string;
    email: string;
    requestId: string;
    /** A profile of invitations that waited for this sign-up: it becomes the owner's, the invitations stay to accept. */
    replacing?: UserWithMemberships;
  },
): Promise<string> {
  const base =
    request.businessName
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'business';
  const at = timestampOf(deps);
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = attempt === 0 ? base : `${base}-${attempt + 1}`;
    const id = childGroupId(ROOT_GROUP_ID, name);
    const tenant: GroupRecord = {
      id,
      name,
      description: request.businessName,
      plan: 'sole-trader',
      state: 'active',
      createdBy: request.email,
      createdAt: at,
    };
    // The confirmation code answered from the address proves it.
    const owner: UserRecord = compact({
      email: request.email,
      state: 'active',
      defaultGroup: id,
      emailVerifiedAt: at,
      createdBy: 'signup',
      createdAt: at,
    });
    const { replacing } = request;
    const membership: MembershipRecord = { email: request.email, groupId: id, role: 'admin', createdBy: 'signup', createdAt: at };
    try {
      await writeTransaction(deps.table, [
        putNewGroup(deps.table.tableName, tenant, { memberCount: 1, userCount: 1, userLimit: PLANS['sole-trader'].userLimit }),
        replacing ? replaceUser(deps.table.tableName, owner, replacing.version) : putNewUser(deps.table.tableName, owner),
        putMembership(deps.table.tableName, membership),
        adjustGroup(deps.table.tableName, ROOT_GROUP_ID, { childCount: 1 }, true),
        auditEventPut(deps.table.tableName, {
          actor: request.email,
          action: 'tenant.signed_up',
          targetType: 'group',
          targetId: id,
          after: { tenant, owner: request.email },
          at,
          requestId: request.requestId,
        }),
        // The invitations that waited for this sign-up stay beside the new membership.
        replacing
          ? membershipSummaryUpdate(deps.table.tableName, request.email, { set: [membership] })
          : putMembershipSummary(deps.table.tableName, request.email, [membership]),
      ]);
      return id;
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      if (error.failedIndexes.includes(1)) throw conflict(`${request.email} already has an account`);
      // The name is taken: try the next one.
    }
  }
  throw conflict('Could not find a free tenant name; choose another business name');
}
