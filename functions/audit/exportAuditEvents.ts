import * as routes from '../../shared/api/routes/auditRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { exportMediaType } from '../../shared/http/exportMediaType.ts';
import { auditDependencies } from '../../shared/services/audit/auditDependencies.ts';
import { exportAuditEvents } from '../../shared/services/audit/auditExport.ts';

export const handler = httpRoute(routes.exportAuditEvents, async ({ query, caller, headers: request }) => {
  const media = exportMediaType(request.accept);
  const chunk = await exportAuditEvents(auditDependencies(), caller!, query, media.format);
  const headers: Record<string, string> = chunk.nextToken ? { 'x-next-token': chunk.nextToken } : {};
  return { rawBody: chunk.body, contentType: media.contentType, headers };
});
