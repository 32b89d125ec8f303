import * as routes from '../../shared/api/routes/auditRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { auditDependencies } from '../../shared/services/audit/auditDependencies.ts';
import { listAuditEvents } from '../../shared/services/audit/auditTrail.ts';

export const handler = httpRoute(routes.listAuditEvents, async ({ query, caller }) => {
  const page = await listAuditEvents(auditDependencies(), caller!, query);
  return { body: { events: page.items, ...(page.nextToken ? { pagination: { lastEvaluatedToken: page.nextToken } } : {}) } };
});
