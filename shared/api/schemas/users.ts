import * as z from 'zod';
import { CUSTOM_ROLE_NAME_PATTERN, isBuiltInRole } from '../../domain/roles.ts';
import { decodePathSegment, emailSchema, timestampsSchema } from './common.ts';
import { groupIdSchema } from './common.ts';
import { booleanFlag, countSchema, fromTokenSchema, paginationSchema } from './pagination.ts';
import { tagFiltersSchema, tagsPatchSchema, tagsSchema } from './tags.ts';

const roleSchema = z
  .string()
  .refine(
    (role) => isBuiltInRole(role) || CUSTOM_ROLE_NAME_PATTERN.test(role),
    'A role is reader, contributor, admin, or the name of a custom role',
  )
  .meta({ description: 'reader, contributor, admin, or a custom role usable in the group.', example: 'contributor' });
const passwordSchema = z
  .string()
  .min(1)
  .max(256)
  .meta({ description: 'Checked against the password policy; a 400 names the rule that failed.' });
/** A group id in a body: plain (`/acme/finance`), not url-encoded. */
const groupIdInBody = groupIdSchema.meta({ example: '/acme/finance' });

export const userSchema = z
  .object({
    email: z.string().meta({ example: 'ann@acme.com', format: 'email' }),
    state: z.enum(['invited', 'active', 'disabled']),
    groups: z
      .record(z.string(), roleSchema)
      .meta({ description: 'Memberships you may see: group id → role.', example: { '/acme/finance': 'contributor' } }),
    defaultGroup: z.string().optional(),
    tags: z.record(z.string(), z.string()).optional(),
    ...timestampsSchema,
    createdBy: timestampsSchema.createdBy.optional(),
    createdAt: timestampsSchema.createdAt.optional(),
  })
  .meta({ id: 'User' });

export const meSchema = userSchema
  .extend({
    invitations: z
      .record(z.string(), roleSchema)
      .meta({ description: 'Invitations waiting for you to accept: group id → role.' }),
    groupContextId: z.string(),
    role: z
      .object({ role: roleSchema, grantedAt: z.string() })
      .nullable()
      .meta({ description: 'Your effective role in the group context, and the membership it comes from.' }),
  })
  .meta({ id: 'Me' });

export const emailPathParams = z.object({
  email: z.string().transform(decodePathSegment).pipe(emailSchema).meta({
    description:
      'Email, such as `ann@acme.com`: a plain value, which the client url-encodes as any path parameter (`ann%40acme.com` is accepted too).',
    example: 'ann@acme.com',
    format: 'email',
    maxLength: 254,
  }),
});

export const inviteUserBody = z
  .strictObject({
    email: emailSchema,
    role: roleSchema,
    password: passwordSchema.optional().meta({ description: 'Temporary password for a new user; generated when absent.' }),
    tags: tagsSchema.optional(),
    defaultGroup: groupIdInBody.optional(),
  })
  .meta({ id: 'Invitation', example: { email: 'ann@acme.com', role: 'contributor', defaultGroup: '/acme/finance' } });

const UPDATABLE = ['password', 'defaultGroup', 'state', 'tags'] as const;
export const EMPTY_USER_PATCH_MESSAGE = `Request body should contains one or more of these parameters: ${UPDATABLE.join(', ')}`;

export const updateUserBody = z
  .object({
    password: passwordSchema.optional(),
    currentPassword: z.string().min(1).max(256).optional().meta({
      description: 'Your current password, with `password`: needed unless your session logged in within the last 5 minutes.',
    }),
    state: z.enum(['active', 'disabled']).optional(),
    defaultGroup: groupIdInBody.optional(),
    tags: tagsPatchSchema.optional(),
  })
  .passthrough()
  .superRefine((body, context) => {
    const keys = Object.keys(body).filter((key) => key !== 'currentPassword');
    // SIF's exact message, for an empty body and for one with nothing but unknown fields alike.
    if (keys.length === 0 || keys.some((key) => !(UPDATABLE as readonly string[]).includes(key))) {
      context.addIssue({ code: 'custom', message: EMPTY_USER_PATCH_MESSAGE });
    }
  })
  .transform(({ password, currentPassword, state, defaultGroup, tags }) => ({
    password,
    currentPassword,
    state,
    defaultGroup,
    tags,
  }))
  .meta({ id: 'UserChanges', minProperties: 1, example: { state: 'disabled' } });

export const listUsersQuery = z.object({
  includeChildGroups: booleanFlag.meta({ description: 'Also users with a membership beneath the context.' }),
  includeParentGroups: booleanFlag.meta({
    description:
      'Also users with a membership at the context’s ancestors within your view (listed first): never above your tenant’s root group, so the bank’s staff at `/` stay invisible to tenants.',
  }),
  tags: tagFiltersSchema,
  count: countSchema,
  fromToken: fromTokenSchema,
  resourceType: z.literal('user').optional().meta({ description: 'Accepted for SIF compatibility.' }),
});

export const userListSchema = z
  .object({ users: z.array(userSchema), pagination: paginationSchema.optional() })
  .meta({ id: 'UserList' });

export const revokeUserQuery = z.object({
  includeChildGroups: booleanFlag.meta({
    description: 'Also revoke the user’s memberships beneath the context. Default: only the membership at the context itself.',
  }),
});

export const invitationPathParams = z.object({ groupId: groupIdSchema });

export const loginHistoryQuery = z.object({ count: countSchema, fromToken: fromTokenSchema });

export const loginHistorySchema = z
  .object({
    logins: z.array(
      z.object({
        at: z.string(),
        outcome: z.enum(['success', 'failure', 'locked', 'challenge', 'mfa_challenge', 'refused']),
        sourceIp: z.string().optional(),
        userAgent: z.string().optional(),
      }),
    ),
    pagination: paginationSchema.optional(),
  })
  .meta({ id: 'LoginHistory' });
