/**
 * Just the issue-14 requests of checks and user listings, against a local stack of its own:
 * `npx tsx test/bench/batchMain.ts` prints the report section (docs/benchmarks.md is written
 * only by `npm run bench`).
 */
import { measureAuthorizer } from './authorizerBench.ts';
import { measureBatchCosts } from './batchBench.ts';
import { log, runSection, withBenchStack } from './benchStack.ts';
import { renderBatchCosts } from './report.ts';

runSection(() =>
  withBenchStack('batch', async ({ stack, bulk, counter, adminToken }) => {
    const { requestsPerDecision } = await measureAuthorizer(counter, 'admin of `/`', 1, adminToken);
    log('checks and user listings: requests per call');
    const result = await measureBatchCosts(stack, counter, bulk, adminToken);
    console.log(
      `## DynamoDB requests of a batch of checks and of a page of users (issue 14)\n\n${renderBatchCosts(result, requestsPerDecision)}`,
    );
  }),
);
