import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { bearerToken } from '../../shared/services/authorizerService.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';
import { setUpTotp } from '../../shared/services/mfaService.ts';

export const handler = httpRoute(routes.setUpTotp, async ({ caller, headers }) => ({
  body: await setUpTotp(authDependencies(), caller!, bearerToken(headers) ?? ''),
}));
