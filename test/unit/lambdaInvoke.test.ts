import { describe, expect, it, vi } from 'vitest';
import { lambdaInvocations } from '../../infrastructure/local/lambdaInvoke.ts';
import type { IncomingRequest } from '../../infrastructure/local/lambdaEvents.ts';

const invoke = (name: string, event: unknown, method = 'POST'): IncomingRequest => ({
  method,
  path: `/2015-03-31/functions/${name}/invocations`,
  query: new URLSearchParams(),
  headers: {},
  multiValueHeaders: {},
  body: JSON.stringify(event),
  sourceIp: '127.0.0.1',
  requestId: 'r-1',
  domainName: '127.0.0.1',
});

const event = (triggerSource: string) => ({
  version: '0',
  region: 'local',
  userPoolId: 'local_pool',
  triggerSource,
  userName: 'owner@example.com',
  callerContext: { awsSdkVersion: '2', clientId: 'client' },
  request: { userAttributes: { email: 'owner@example.com' } },
  response: {},
});

describe('the local Lambda Invoke endpoint for Cognito triggers', () => {
  it('ignores everything but POST to the invocations path', async () => {
    expect(await lambdaInvocations({ ...invoke('postConfirmation', {}), path: '/groups' })).toBeUndefined();
    expect(await lambdaInvocations(invoke('postConfirmation', {}, 'GET'))).toBeUndefined();
  });

  it('answers 200 with the handler result (the event) for a trigger source it has nothing to do for', async () => {
    const input = event('PostConfirmation_ConfirmForgotPassword');

    const response = await lambdaInvocations(invoke('postConfirmation', input));

    expect(response?.statusCode).toBe(200);
    expect(response?.headers['X-Amz-Function-Error']).toBeUndefined();
    expect(JSON.parse(String(response?.body))).toEqual(input);
  });

  it('answers a thrown error as Lambda does: 200, X-Amz-Function-Error Unhandled and errorMessage', async () => {
    vi.stubEnv('IAM_TABLE_NAME', '');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const response = await lambdaInvocations(invoke('postConfirmation', event('PostConfirmation_ConfirmSignUp')));

    expect(response?.statusCode).toBe(200);
    expect(response?.headers['X-Amz-Function-Error']).toBe('Unhandled');
    expect(JSON.parse(String(response?.body)).errorMessage).toBe('IAM_TABLE_NAME is not set');
    error.mockRestore();
    vi.unstubAllEnvs();
  });

  it('answers an unknown function with 404 ResourceNotFoundException', async () => {
    const response = await lambdaInvocations(invoke('nope', {}));

    expect(response?.statusCode).toBe(404);
    expect(response?.headers['x-amzn-ErrorType']).toBe('ResourceNotFoundException');
  });
});
