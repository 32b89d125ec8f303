import * as routes from '../../shared/api/routes/auditRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { auditDependencies } from '../../shared/services/audit/auditDependencies.ts';
import { getAuditEvent } from '../../shared/services/audit/auditTrail.ts';

export const handler = httpRoute(routes.getAuditEvent, async ({ params, caller }) => ({
  body: await getAuditEvent(auditDependencies(), caller!, params.eventId),
}));
