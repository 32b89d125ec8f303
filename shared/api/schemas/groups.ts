import { z } from 'zod';
import { groupIdSchema, timestampsSchema } from './common.ts';

export const groupSchema = z
  .object({
    id: z.string().meta({ example: '/acme/finance' }),
    name: z.string().meta({ example: 'Finance' }),
    description: z.string().optional(),
    state: z.enum(['active', 'disabled']),
    tags: z.record(z.string(), z.string()).optional(),
    configuration: z.record(z.string(), z.unknown()).optional(),
    ...timestampsSchema,
  })
  .meta({ id: 'Group' });

export const groupPathParams = z.object({ groupId: groupIdSchema });
