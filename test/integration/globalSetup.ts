/**
 * Starts one real local stack for the integration tests: DynamoDB Local and cognito-local on
 * free ports, with a fresh data folder, the real gateway, handlers and authorizer. Stopped
 * (and its data removed) when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../infrastructure/local/localStack.ts';
import type { StackInfo } from './support/stackInfo.ts';

export const TEST_CONFIRMATION_CODE = '424242';

export default async function setup(project: TestProject) {
  // Thousands of requests: print only errors, and no metrics. The log-redaction test runs a stack of its own at DEBUG.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const dataDir = mkdtempSync(join(tmpdir(), 'sme-iam-it-'));
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    dynamoPort: 0,
    cognitoPort: 0,
    adminEmail: 'admin@example.com',
    authorizerCacheSeconds: 30,
    fixedCode: TEST_CONFIRMATION_CODE,
    recordCommands: true,
  });
  const info: StackInfo = {
    apiUrl: stack.apiUrl,
    cognitoEndpoint: stack.cognitoEndpoint,
    dynamoEndpoint: stack.dynamoEndpoint,
    tableName: stack.tableName,
    userPoolId: stack.userPool.userPoolId,
    apiClientId: stack.userPool.apiClientId,
    hostedClientId: stack.userPool.hostedClientId,
    admin: stack.admin,
  };
  project.provide('stack', info);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
