/**
 * A person signs in through the hosted login page (cognito-local's sign-in form locally, Cognito's
 * on AWS), lands on Swagger UI authorized and runs requests from "Try it out", one with a plain
 * group id (`/`) as a path parameter.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('hosted login in a browser', () => {
  const { apiUrl, admin } = inject('stack');
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (bash .ci/run does this)`,
      );
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs the seeded admin in through /login and runs GET /groups and GET /groups/{groupId} with / from Swagger UI with 200', async () => {
    // Prepare
    const page = await browser.newPage();
    screenshotOnFailure(page);

    // Act: the login page
    await page.goto(`${apiUrl}/login`);
    await page.fill('input[name="username"]', admin.email);
    await page.fill('input[name="password"]', admin.password);
    await page.click('button[type="submit"]');

    // Assess: back on Swagger UI, authorized, with the token gone from the address bar
    await page.waitForURL((url) => url.pathname === '/docs' && url.hash === '');
    await page.locator('.btn.authorize.locked').waitFor();

    // Act: Try it out on GET /groups
    const operation = page.locator('#operations-Groups-listGroups');
    await operation.locator('.opblock-summary-control').click();
    await operation.locator('.try-out__btn').click();
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/groups'),
      operation.locator('.btn.execute').click(),
    ]);

    // Assess
    expect(response.status()).toBe(200);
    expect(await response.request().headerValue('authorization')).toMatch(/^Bearer ey/);
    expect(await response.request().headerValue('accept-version')).toBe('1.0.0');
    await expect
      .poll(() => operation.locator('.live-responses-table tr.response .response-col_status').textContent())
      .toContain('200');

    // Act: Try it out on GET /groups/{groupId} with the plain id `/`, which Swagger UI encodes once
    const getGroup = page.locator('#operations-Groups-getGroup');
    await getGroup.locator('.opblock-summary-control').click();
    await getGroup.locator('.try-out__btn').click();
    await getGroup.locator('tr[data-param-name="groupId"] input').fill('/');
    const [groupResponse] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname.startsWith('/groups/')),
      getGroup.locator('.btn.execute').click(),
    ]);

    // Assess
    expect(new URL(groupResponse.url()).pathname).toBe('/groups/%2F');
    expect(groupResponse.status()).toBe(200);
    expect(((await groupResponse.json()) as { id: string }).id).toBe('/');
  });
});

function screenshotOnFailure(page: Page): void {
  onTestFailed(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sme-iam-browser-')), 'failure.png');
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    console.error(`screenshot of the failing page: ${path} (at ${page.url()})`);
  });
}
