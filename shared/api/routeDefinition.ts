import type { $ZodType } from 'zod/v4/core';
import type { ResponseSchemaName } from './schemas/responses.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Rules a route applies beyond its action, decided in `services/access/` (named here so the
 * OpenAPI document can show the whole rule, not the weakest part):
 * - `mfa-where-required`: every group involved whose effective configuration sets
 *   `security.mfaRequired` needs a caller who has enrolled MFA (every `action` route applies it).
 * - `user-visible-in-context`: the user in the path must hold a membership or invitation in the
 *   context, beneath it or above it; anyone else is 404, like an unknown email.
 * - `self-or-manager-of-all-user-groups`: yourself, or a user whose every group you manage (`iam:users:update`).
 * - `manager-of-all-user-groups-to-change-state-tags-default-group`: changing another user's state,
 *   tags or default group needs `iam:users:update` at every group they belong to.
 * - `own-password-only`: a password is changed by its owner only; a state never by its owner.
 * - `grant-pending-unless-manager-of-a-user-group`: a grant to an existing user you manage nowhere
 *   waits for them to accept it.
 * - `users-read-in-context-to-check-others`: checking someone else needs `iam:users:read` in the context
 *   (else 403) and at the group asked about (else the unknown-email answer), and MFA where those groups require it.
 * - `grant-within-granter-ceiling`: a grant gives only a role whose every action the granter's own
 *   role allows at the group (built-in admin grants anything); an acceptance re-checks the inviter's right.
 * - `role-within-author-ceiling`: a custom role lists only actions its author's own role allows at the defining group.
 */
export type AccessRule =
  | 'mfa-where-required'
  | 'user-visible-in-context'
  | 'self-or-manager-of-all-user-groups'
  | 'manager-of-all-user-groups-to-change-state-tags-default-group'
  | 'own-password-only'
  | 'grant-pending-unless-manager-of-a-user-group'
  | 'users-read-in-context-to-check-others'
  | 'grant-within-granter-ceiling'
  | 'role-within-author-ceiling';

/**
 * Who may call a route.
 * - `public`: no token (health, login).
 * - `authenticated`: any verified, active caller.
 * - `action`: the caller's role, resolved through the group tree (the deepest membership decides),
 *   must allow `action` at the group in context (`x-groupcontextid`, else the default group) or at
 *   the group named by a path parameter, or at a fixed group (`{ group: '/' }`). See domain/access/permissions.ts.
 * `rules` lists what the route's service decides on top (services/access/); `accessRules()` adds the implied ones.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated'; rules?: readonly AccessRule[] }
  | {
      kind: 'action';
      action: string;
      at: 'context' | { pathParam: string } | { group: string };
      rules?: readonly AccessRule[];
    };

/** Every rule a route applies beyond its action, the implied MFA rule of `action` routes included. */
export function accessRules(access: Access): AccessRule[] {
  if (access.kind === 'public') return [];
  const stated = access.rules ?? [];
  return access.kind === 'action' ? ['mfa-where-required', ...stated] : [...stated];
}

export interface ResponseDefinition {
  description: string;
  /** The JSON body's schema, by name in `schemas/responses.ts` (documentation only: handlers do not validate their answers). */
  schema?: ResponseSchemaName;
  headers?: Record<string, string>;
  /** A text body other than JSON, chosen by the request's `Accept`: media type -> an example body. */
  textBodies?: Record<string, string>;
}

export interface RouteDefinition<P extends $ZodType = $ZodType, Q extends $ZodType = $ZodType, B extends $ZodType = $ZodType> {
  /** Unique; names the OpenAPI operation and the Lambda function. */
  operationId: string;
  method: HttpMethod;
  /** API Gateway style template: `/groups/{groupId}`. */
  path: string;
  /** Entry module under `functions/`, without extension; it must export `handler`. */
  handler: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  request: { params?: P; query?: Q; body?: B };
  /** The success response; error responses are implied by `access` and `request`. */
  success: { status: number } & ResponseDefinition;
  /** Route-specific error responses, beyond the ones every route may return. */
  errors?: Record<number, string>;
  /** Left out of the OpenAPI document: pages for people (docs, login), not API operations. */
  hidden?: true;
  /** A POST that changes nothing (a question sent as a body): ID tokens may call it as they may any GET. */
  readOnly?: true;
  /** Static files the function serves, copied into its bundle on AWS: bundle-relative target -> repository-relative source. */
  bundleFiles?: Readonly<Record<string, string>>;
}

/** Only access tokens change anything: every route but GETs and read-only questions refuses ID tokens. */
export const changesSomething = (route: Pick<RouteDefinition, 'method' | 'readOnly'>) =>
  route.method !== 'GET' && route.readOnly !== true;

export function defineRoute<P extends $ZodType, Q extends $ZodType, B extends $ZodType>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> {
  return route;
}
