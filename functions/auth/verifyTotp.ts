import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { bearerToken } from '../../shared/services/authorizerService.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';
import { verifyTotp } from '../../shared/services/mfaService.ts';

export const handler = httpRoute(routes.verifyTotp, async ({ body, caller, headers, requestId }) => {
  await verifyTotp(authDependencies(), caller!, bearerToken(headers) ?? '', body.code, requestId);
  return {};
});
