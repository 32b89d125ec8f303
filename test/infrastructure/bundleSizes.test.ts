/**
 * Bundle size is cold-start latency: every function is bundled as CDK bundles it (one esbuild pass
 * with BUNDLE_OPTIONS) and each minified bundle is held to its budget: issue 14's 350 KB for a
 * route handler and 230 KB for the authorizer. A bundle may not grow past its budget.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntries, bundlePath, functionEntry, functionEntryNames } from '../../infrastructure/aws/bundling.ts';
import { ROUTES } from '../../shared/api/routes.ts';

const KB = 1024;
const AUTHORIZER_LIMIT_KB = 230;
const HANDLER_LIMIT_KB = 350;

const budgetOf = (name: string): number => (name === 'authorizer' ? AUTHORIZER_LIMIT_KB : HANDLER_LIMIT_KB);

const built = mkdtempSync(join(tmpdir(), 'sme-iam-sizes-'));
const names = functionEntryNames();

beforeAll(() => {
  bundleEntries(names.map(functionEntry), built);
});
afterAll(() => rmSync(built, { recursive: true, force: true }));

describe('bundle sizes', () => {
  it('keeps the authorizer within 230 KB and each route handler within 350 KB', () => {
    // Act
    const over = names
      .map((name) => ({ name, kb: statSync(bundlePath(built, name)).size / KB, budget: budgetOf(name) }))
      .filter(({ kb, budget }) => kb > budget)
      .map(({ name, kb, budget }) => `${name}: ${kb.toFixed(1)} KB > ${budget} KB`);

    // Assess
    expect(over).toEqual([]);
  });

  it("bundles each route handler with its own manifest entry only, so its cold start builds no other route's schemas", () => {
    // Prepare: a summary is a string only its entry holds (ASCII without quotes, so the minified text holds it verbatim, in double quotes).
    const summaries = ROUTES.filter((route) => /^[\x20-\x7e]+$/.test(route.summary) && !/['"`\\]/.test(route.summary));

    // Act
    const strays = ROUTES.flatMap((route) => {
      const bundle = readFileSync(bundlePath(built, route.handler), 'utf8');
      return summaries
        .filter((other) => other.handler !== route.handler && bundle.includes(JSON.stringify(other.summary)))
        .map((other) => `${route.handler} holds ${other.operationId}`);
    });

    // Assess
    expect(summaries.length).toBeGreaterThan(ROUTES.length / 2);
    expect(strays).toEqual([]);
  });
});
