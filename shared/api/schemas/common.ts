import * as z from 'zod/mini';
import { isValidGroupId, MAX_GROUP_ID_LENGTH, normaliseGroupId } from '../../domain/groupPath.ts';
import { decodePathSegment } from '../pathSegment.ts';
import { defineSchema, withMeta } from './meta.ts';

/** What isValidGroupId accepts, for the document: `/`, or `/`-separated segments of letters, digits and hyphens. */
const GROUP_ID_PATTERN = '^/([a-zA-Z0-9-]+(/[a-zA-Z0-9-]+)*)?$';

export const groupIdSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z
      .pipe(
        z.string().check(z.minLength(1), z.maxLength(MAX_GROUP_ID_LENGTH * 3)),
        z.transform((raw: string) => normaliseGroupId(decodePathSegment(raw))),
      )
      .check(
        z.refine(isValidGroupId, {
          message: `Not a valid group id: a path such as /acme/finance of at most ${MAX_GROUP_ID_LENGTH} characters, segments of letters, digits and hyphens`,
        }),
      ),
    {
      description:
        'Group id, such as `/acme/finance`: a plain value, which the client url-encodes as any path parameter. An already encoded id (`%2Facme%2Ffinance`) is accepted too.',
      example: '/acme/finance',
      pattern: GROUP_ID_PATTERN,
      maxLength: MAX_GROUP_ID_LENGTH,
    },
  ),
);

export const MAX_EMAIL_LENGTH = 128;

export const emailSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.pipe(
      z.string().check(z.trim(), z.toLowerCase()),
      // 128 characters is Cognito's limit for a username, which is the email here.
      z
        .email({ message: 'Not a valid email address' })
        .check(z.maxLength(MAX_EMAIL_LENGTH, `Email addresses are at most ${MAX_EMAIL_LENGTH} characters`)),
    ),
    {
      description: `Email address, at most ${MAX_EMAIL_LENGTH} characters; stored lower-cased.`,
      example: 'ann@acme.com',
      format: 'email',
      maxLength: MAX_EMAIL_LENGTH,
    },
  ),
);

export const errorSchema = /* @__PURE__ */ defineSchema(() =>
  withMeta(
    z.object({
      statusCode: z.number().check(z.int()),
      error: z.string(),
      message: z.string(),
      details: z.optional(z.unknown()),
    }),
    { id: 'Error', example: { statusCode: 404, error: 'Not Found', message: 'Group /acme/payroll not found' } },
  ),
);

export const timestampsSchema = /* @__PURE__ */ defineSchema(() => ({
  createdBy: withMeta(z.string(), {
    example: 'admin@example.com',
    description:
      'Who created it: an email, `installer`, `signup`, or `bank` for someone you cannot see (the bank’s staff, another tenant)',
  }),
  createdAt: withMeta(z.iso.datetime(), { example: '2026-11-26T12:00:00.000Z' }),
  updatedBy: withMeta(z.optional(z.string()), { description: 'Who changed it last, shown like `createdBy`' }),
  updatedAt: z.optional(z.iso.datetime()),
}));
