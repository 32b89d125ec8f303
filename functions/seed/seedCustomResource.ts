/**
 * onEvent handler of the seed custom resource (a CDK Provider). On Create it seeds the root
 * group and the first admin; Cognito emails the admin a temporary password. Update and Delete
 * change nothing: the data outlives the resource, and a changed AdminEmail is not a new admin.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { authDependencies } from '../../shared/services/tokenDependencies.ts';
import { seedRootAndAdmin } from '../../shared/services/seedService.ts';
import { log } from '../../shared/observability/logger.ts';

export const SEED_RESOURCE_ID = 'iam-seed';

export interface SeedResponse {
  PhysicalResourceId: string;
  Data?: Record<string, string>;
}

export async function handler(event: CloudFormationCustomResourceEvent): Promise<SeedResponse> {
  if (event.RequestType !== 'Create') return { PhysicalResourceId: event.PhysicalResourceId };
  const adminEmail: unknown = event.ResourceProperties.AdminEmail;
  if (typeof adminEmail !== 'string' || adminEmail.trim() === '')
    throw new Error('The seed resource needs an AdminEmail property');
  const { table, identity } = authDependencies();
  const { created } = await seedRootAndAdmin(table, identity, { adminEmail, requestId: event.RequestId });
  log.info('seed finished', { created });
  return { PhysicalResourceId: SEED_RESOURCE_ID, Data: { Created: String(created) } };
}
