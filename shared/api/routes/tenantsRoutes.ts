/** Route manifest entries: tenants (the bank's business customers) and their plans. */
import { createTenantBody, tenantPathParams, updateTenantBody } from '../schemas/tenants.ts';
import { defineRoute, type RouteDefinition } from '../routeDefinition.ts';

export const createTenant = /* @__PURE__ */ defineRoute({
  operationId: 'createTenant',
  method: 'POST',
  path: '/tenants',
  handler: 'tenants/createTenant',
  summary: 'Onboard a business: its top-level group with a plan, and its owner invited as admin',
  tag: 'Tenants',
  access: { kind: 'action', action: 'iam:tenants:create', at: { group: '/' } },
  request: { body: createTenantBody },
  success: { status: 201, description: 'The tenant', schema: 'Group' },
  errors: { 409: 'The tenant already exists' },
});

export const updateTenant = /* @__PURE__ */ defineRoute({
  operationId: 'updateTenant',
  method: 'PATCH',
  path: '/tenants/{tenantId}',
  handler: 'tenants/updateTenant',
  summary: 'Change a tenant’s plan',
  description:
    'A downgrade below the tenant’s current number of users is refused with 409. The current plan again changes nothing.',
  tag: 'Tenants',
  access: { kind: 'action', action: 'iam:tenants:update', at: { group: '/' } },
  request: { params: tenantPathParams, body: updateTenantBody },
  success: { status: 200, description: 'The tenant', schema: 'Group' },
  errors: { 409: 'The plan’s user limit is below the tenant’s users' },
});

export const tenantsRoutes = {
  createTenant,
  updateTenant,
} satisfies Record<string, RouteDefinition>;
