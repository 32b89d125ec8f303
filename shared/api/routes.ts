/**
 * The route manifest: the one list of routes. The CDK stack, the local gateway and the
 * OpenAPI generator all read it; adding a route is one entry in an area's file under
 * `routes/` plus one handler file. Each entry is an export of its own, marked pure, and names its
 * response schema (`schemas/responses.ts`), so a handler's bundle holds its own entry and builds
 * only that entry's request schemas. Order matters only locally: a static path (`/users/me`)
 * must come before a parameter in the same place (`/users/{email}`), as API Gateway prefers it.
 */
import type { RouteDefinition } from './routeDefinition.ts';
import { auditRoutes } from './routes/auditRoutes.ts';
import { authRoutes } from './routes/authRoutes.ts';
import { authorizationsRoutes } from './routes/authorizationsRoutes.ts';
import { docsRoutes } from './routes/docsRoutes.ts';
import { groupsRoutes } from './routes/groupsRoutes.ts';
import { rolesRoutes } from './routes/rolesRoutes.ts';
import { tenantsRoutes } from './routes/tenantsRoutes.ts';
import { signupRoutes } from './routes/signupRoutes.ts';
import { usersRoutes } from './routes/usersRoutes.ts';

export const routes = {
  ...authRoutes,
  ...groupsRoutes,
  ...usersRoutes,
  ...authorizationsRoutes,
  ...rolesRoutes,
  ...tenantsRoutes,
  ...signupRoutes,
  ...auditRoutes,
  ...docsRoutes,
};

export const ROUTES: readonly RouteDefinition[] = Object.values(routes);
