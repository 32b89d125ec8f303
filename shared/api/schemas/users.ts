import * as z from 'zod/mini';
import { CUSTOM_ROLE_NAME_PATTERN, isBuiltInRole } from '../../domain/roles.ts';
import { decodePathSegment } from '../pathSegment.ts';
import { emailSchema, timestampsSchema } from './common.ts';
import { groupIdSchema } from './common.ts';
import { booleanFlag, countSchema, fromTokenSchema, paginationSchema } from './pagination.ts';
import { tagFiltersSchema, tagsPatchSchema, tagsSchema } from './tags.ts';
import { defineSchema, withMeta } from './meta.ts';

const roleSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z
      .string()
      .check(
        z.refine(
          (role: string) => isBuiltInRole(role) || CUSTOM_ROLE_NAME_PATTERN.test(role),
          'A role is reader, contributor, admin, or the name of a custom role',
        ),
      ),
    { description: 'reader, contributor, admin, or a custom role usable in the group.', example: 'contributor' },
  ),
);
const passwordSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.string().check(z.minLength(1), z.maxLength(256)), {
    description: 'Checked against the password policy; a 400 names the rule that failed.',
  }),
);
/** A group id in a body: plain (`/acme/finance`), not url-encoded. */
const groupIdInBody = /* @__PURE__ */ defineSchema(() => withMeta(groupIdSchema, { example: '/acme/finance' }));

export const userSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      email: withMeta(z.string(), { example: 'ann@acme.com', format: 'email' }),
      state: z.enum(['invited', 'active', 'disabled']),
      groups: withMeta(z.record(z.string(), roleSchema), {
        description: 'Memberships you may see: group id → role.',
        example: { '/acme/finance': 'contributor' },
      }),
      defaultGroup: z.optional(z.string()),
      tags: z.optional(z.record(z.string(), z.string())),
      ...timestampsSchema,
      createdBy: z.optional(timestampsSchema.createdBy),
      createdAt: z.optional(timestampsSchema.createdAt),
    }),
    { id: 'User' },
  ),
);

export const meSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.extend(userSchema, {
      invitations: withMeta(z.record(z.string(), roleSchema), {
        description: 'Invitations waiting for you to accept: group id → role.',
      }),
      groupContextId: z.string(),
      role: withMeta(z.nullable(z.object({ role: roleSchema, grantedAt: z.string() })), {
        description: 'Your effective role in the group context, and the membership it comes from.',
      }),
    }),
    { id: 'Me' },
  ),
);

export const emailPathParams = /* @__PURE__ */ defineSchema(() =>
  z.object({
    email: withMeta(z.pipe(z.pipe(z.string(), z.transform(decodePathSegment)), emailSchema), {
      description:
        'Email, such as `ann@acme.com`: a plain value, which the client url-encodes as any path parameter (`ann%40acme.com` is accepted too).',
      example: 'ann@acme.com',
      format: 'email',
      maxLength: 254,
    }),
  }),
);

export const inviteUserBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.strictObject({
      email: emailSchema,
      role: roleSchema,
      password: withMeta(z.optional(passwordSchema), {
        description: 'Temporary password for a new user; generated when absent.',
      }),
      tags: z.optional(tagsSchema),
      defaultGroup: z.optional(groupIdInBody),
    }),
    { id: 'Invitation', example: { email: 'ann@acme.com', role: 'contributor', defaultGroup: '/acme/finance' } },
  ),
);

const UPDATABLE = ['password', 'defaultGroup', 'state', 'tags'] as const;
export const EMPTY_USER_PATCH_MESSAGE = /* @__PURE__ */ defineSchema(
  () => `Request body should contains one or more of these parameters: ${UPDATABLE.join(', ')}`,
);

const userChanges = /* @__PURE__ */ defineSchema(() =>
  z.looseObject({
    password: z.optional(passwordSchema),
    currentPassword: withMeta(z.optional(z.string().check(z.minLength(1), z.maxLength(256))), {
      description: 'Your current password, with `password`: needed unless your session logged in within the last 5 minutes.',
    }),
    state: z.optional(z.enum(['active', 'disabled'])),
    defaultGroup: z.optional(groupIdInBody),
    tags: z.optional(tagsPatchSchema),
  }),
);

export const updateUserBody = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.pipe(
      userChanges.check(
        z.superRefine((body: object, context) => {
          const keys = Object.keys(body).filter((key) => key !== 'currentPassword');
          // SIF's exact message, for an empty body and for one with nothing but unknown fields alike.
          if (keys.length === 0 || keys.some((key) => !(UPDATABLE as readonly string[]).includes(key))) {
            context.addIssue({ code: 'custom', message: EMPTY_USER_PATCH_MESSAGE });
          }
        }),
      ),
      z.transform(({ password, currentPassword, state, defaultGroup, tags }: z.output<typeof userChanges>) => ({
        password,
        currentPassword,
        state,
        defaultGroup,
        tags,
      })),
    ),
    { id: 'UserChanges', minProperties: 1, example: { state: 'disabled' } },
  ),
);

export const listUsersQuery = /* @__PURE__ */ defineSchema(() =>
  z.object({
    includeChildGroups: withMeta(booleanFlag, { description: 'Also users with a membership beneath the context.' }),
    includeParentGroups: withMeta(booleanFlag, {
      description:
        'Also users with a membership at the context’s ancestors within your view (listed first): never above your tenant’s root group, so the bank’s staff at `/` stay invisible to tenants.',
    }),
    tags: tagFiltersSchema,
    count: countSchema,
    fromToken: fromTokenSchema,
    resourceType: withMeta(z.optional(z.literal('user')), { description: 'Accepted for SIF compatibility.' }),
  }),
);

export const userListSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(z.object({ users: z.array(userSchema), pagination: z.optional(paginationSchema) }), {
    id: 'UserList',
  }),
);

export const revokeUserQuery = /* @__PURE__ */ defineSchema(() =>
  z.object({
    includeChildGroups: withMeta(booleanFlag, {
      description: 'Also revoke the user’s memberships beneath the context. Default: only the membership at the context itself.',
    }),
  }),
);

export const invitationPathParams = /* @__PURE__ */ defineSchema(() => z.object({ groupId: groupIdSchema }));

export const loginHistoryQuery = /* @__PURE__ */ defineSchema(() => z.object({ count: countSchema, fromToken: fromTokenSchema }));

export const loginHistorySchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      logins: z.array(
        z.object({
          at: z.string(),
          outcome: z.enum(['success', 'failure', 'locked', 'challenge', 'mfa_challenge', 'refused']),
          sourceIp: z.optional(z.string()),
          userAgent: z.optional(z.string()),
        }),
      ),
      pagination: z.optional(paginationSchema),
    }),
    { id: 'LoginHistory' },
  ),
);
