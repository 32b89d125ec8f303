import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';
import { answerChallenge } from '../../shared/services/authService.ts';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';

export const handler = httpRoute(routes.answerChallenge, async ({ body, requestId, sourceIp, userAgent }) => ({
  body: await answerChallenge(authDependencies(), body, requestId, { sourceIp, userAgent }),
}));
