/**
 * Tenants: the top-level groups of the bank's customers, each with a plan (sole trader, team,
 * enterprise) whose user limit is enforced in the same transactions that add users.
 */
import { childGroupId, ROOT_GROUP_ID } from '../domain/groupPath.ts';
import { describeLimit, PLANS, type Plan } from '../domain/plans.ts';
import { conflict, notFound } from '../domain/errors.ts';
import type { GroupRecord, UserRecord } from '../store/storedRecords.ts';
import { compact } from '../domain/sparse.ts';
import type { UserWithMemberships } from '../store/userStore.ts';
import { getGroupView, type GroupView } from './groups/read.ts';
import type { Mutation, TenantDependencies } from './tenants/tenantDirectory.ts';
import { timestampOf } from './clock.ts';

/** Creates the tenant `/<name>` with its plan, then invites its owner as admin (a second step: a failed invitation can be repeated). */
export async function createTenant(
  deps: TenantDependencies,
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
  const inserted = await deps.tenants.insert(record, PLANS[request.plan].userLimit, {
    actor: caller.email,
    action: 'tenant.created',
    targetType: 'group',
    targetId: id,
    after: record,
    at,
    requestId,
  });
  if (!inserted) throw conflict(`Group ${id} already exists`);
  await deps.inviteOwner({ caller: { ...caller, groupContextId: id }, requestId }, request.ownerEmail);
  return getGroupView(deps, id);
}

/** Changes the plan; a plan whose limit is below the tenant's current users is refused (409). */
export async function changePlan(
  deps: TenantDependencies,
  { caller, requestId }: Mutation,
  id: string,
  plan: Plan,
): Promise<GroupView> {
  const tenant = await deps.tenants.tenant(id);
  if (!tenant || !tenant.record.plan) throw notFound(`Tenant ${id} not found`);
  if (tenant.record.plan === plan) return getGroupView(deps, id);
  const at = timestampOf(deps);
  const changed = await deps.tenants.changePlan(
    id,
    plan,
    PLANS[plan].userLimit,
    { actor: caller.email, at },
    {
      actor: caller.email,
      action: 'tenant.plan_changed',
      targetType: 'group',
      targetId: id,
      before: { plan: tenant.record.plan },
      after: { plan },
      at,
      requestId,
    },
  );
  if (!changed)
    throw conflict(`Tenant ${id} has ${tenant.userCount} users: ${describeLimit(plan)}. Remove users before downgrading.`);
  return getGroupView(deps, id);
}

/**
 * A business that signed itself up: its sole-trader tenant, the owner's profile (already in
 * Cognito, confirmed) and admin membership, in one transaction. The tenant id is the business
 * name's slug, with a number added when taken.
 */
export async function createTenantForOwner(
  deps: Pick<TenantDependencies, 'tenants' | 'now'>,
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
    const refusal = await deps.tenants.insertForOwner(
      {
        tenant,
        owner,
        membership: { email: request.email, groupId: id, role: 'admin', createdBy: 'signup', createdAt: at },
        replacingVersion: request.replacing?.version,
      },
      {
        actor: request.email,
        action: 'tenant.signed_up',
        targetType: 'group',
        targetId: id,
        after: { tenant, owner: request.email },
        at,
        requestId: request.requestId,
      },
    );
    if (refusal === undefined) return id;
    if (refusal === 'has-account') throw conflict(`${request.email} already has an account`);
    // The name is taken: try the next one.
  }
  throw conflict('Could not find a free tenant name; choose another business name');
}
