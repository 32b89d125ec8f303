import * as routes from '../../shared/api/routes/authRoutes.ts';
import { httpRoute } from '../../shared/http/httpRoute.ts';

export const handler = httpRoute(routes.health, async () => ({ body: { status: 'ok' } }));
