import type * as z from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Who may call a route.
 * - `public`: no token (health, login).
 * - `authenticated`: any verified, active caller.
 * - `action`: the caller's role, resolved through the group tree (the deepest membership decides),
 *   must allow `action` at the group in context (`x-groupcontextid`, else the default group) or at
 *   the group named by a path parameter, or at a fixed group (`{ group: '/' }`). See domain/permissions.ts.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'action'; action: string; at: 'context' | { pathParam: string } | { group: string } };

export interface ResponseDefinition {
  description: string;
  schema?: z.ZodType;
  headers?: Record<string, string>;
}

export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
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
  /** Static files the function serves, copied into its bundle on AWS: bundle-relative target -> repository-relative source. */
  bundleFiles?: Readonly<Record<string, string>>;
}

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> {
  return route;
}
