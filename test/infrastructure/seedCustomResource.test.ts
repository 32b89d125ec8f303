import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../shared/services/seedService.ts', () => ({ seedRootAndAdmin: vi.fn(async () => ({ created: true })) }));

const { seedRootAndAdmin } = await import('../../shared/services/seedService.ts');
const { handler, SEED_RESOURCE_ID } = await import('../../functions/seed/seedCustomResource.ts');

const common = {
  ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:provider',
  ResponseURL: 'https://example.com/response',
  StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/SmeIam/abc',
  RequestId: 'request-1',
  LogicalResourceId: 'SeedResource',
  ResourceType: 'Custom::IamSeed',
};
const createEvent = (properties: Record<string, unknown>): CloudFormationCustomResourceEvent => ({
  ...common,
  RequestType: 'Create',
  ResourceProperties: { ServiceToken: common.ServiceToken, ...properties },
});

describe('seed custom resource handler', () => {
  beforeEach(() => {
    vi.stubEnv('IAM_TABLE_NAME', 'iam-table');
    vi.stubEnv('COGNITO_USER_POOL_ID', 'eu-west-1_pool');
    vi.stubEnv('COGNITO_API_CLIENT_ID', 'api-client');
    vi.stubEnv('COGNITO_CLIENT_IDS', 'api-client');
    vi.mocked(seedRootAndAdmin).mockClear();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('seeds the root group and the admin on Create, without a password', async () => {
    const response = await handler(createEvent({ AdminEmail: 'admin@example.com' }));

    expect(seedRootAndAdmin).toHaveBeenCalledTimes(1);
    const [table, , request] = vi.mocked(seedRootAndAdmin).mock.calls[0]!;
    expect(table.tableName).toBe('iam-table');
    expect(request).toEqual({ adminEmail: 'admin@example.com', requestId: 'request-1' });
    expect(response).toEqual({ PhysicalResourceId: SEED_RESOURCE_ID, Data: { Created: 'true' } });
  });

  it('fails Create when AdminEmail is missing', async () => {
    await expect(handler(createEvent({}))).rejects.toThrow('AdminEmail');
    expect(seedRootAndAdmin).not.toHaveBeenCalled();
  });

  it('changes nothing on Update and Delete and keeps the physical id', async () => {
    const update: CloudFormationCustomResourceEvent = {
      ...common,
      RequestType: 'Update',
      PhysicalResourceId: SEED_RESOURCE_ID,
      ResourceProperties: { ServiceToken: common.ServiceToken, AdminEmail: 'new@example.com' },
      OldResourceProperties: { ServiceToken: common.ServiceToken, AdminEmail: 'admin@example.com' },
    };
    const remove: CloudFormationCustomResourceEvent = {
      ...common,
      RequestType: 'Delete',
      PhysicalResourceId: SEED_RESOURCE_ID,
      ResourceProperties: { ServiceToken: common.ServiceToken, AdminEmail: 'admin@example.com' },
    };

    const responses = [await handler(update), await handler(remove)];

    expect(responses).toEqual([{ PhysicalResourceId: SEED_RESOURCE_ID }, { PhysicalResourceId: SEED_RESOURCE_ID }]);
    expect(seedRootAndAdmin).not.toHaveBeenCalled();
  });
});
