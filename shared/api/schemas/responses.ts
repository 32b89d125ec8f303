/**
 * Every success response body the API documents, by name. A route entry names its own
 * (`success: { schema: 'Group' }`) instead of holding the schema: handlers never validate what
 * they return, so no function's bundle builds a response schema at its cold start. The OpenAPI
 * document (and through it the contract tests) reads them here.
 */
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { auditEventSchema, auditPageSchema } from './audit.ts';
import { loginResponse, tokensSchema, totpSetupSchema } from './auth.ts';
import { checkBatchResponse, decisionSchema, permissionsSchema } from './authorizations.ts';
import { groupSchema } from './groupResponse.ts';
import { groupListSchema } from './groups.ts';
import { roleListSchema, roleSchema } from './roles.ts';
import { sessionsSchema } from './sessions.ts';
import { tagValuesSchema } from './tagValues.ts';
import { loginHistorySchema, meSchema, userListSchema, userSchema } from './users.ts';

export const RESPONSE_SCHEMAS = {
  AuditEvent: auditEventSchema,
  AuditPage: auditPageSchema,
  CheckBatch: checkBatchResponse,
  Decision: decisionSchema,
  Group: groupSchema,
  GroupList: groupListSchema,
  Health: z.object({ status: z.literal('ok') }),
  LoginHistory: loginHistorySchema,
  LoginResponse: loginResponse,
  Me: meSchema,
  Permissions: permissionsSchema,
  Role: roleSchema,
  RoleList: roleListSchema,
  Sessions: sessionsSchema,
  TagValues: tagValuesSchema,
  Tokens: tokensSchema,
  TotpSetup: totpSetupSchema,
  User: userSchema,
  UserList: userListSchema,
} as const satisfies Record<string, $ZodType>;

export type ResponseSchemaName = keyof typeof RESPONSE_SCHEMAS;
