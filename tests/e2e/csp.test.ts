import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { launchChromium } from './support/chromium';
import { type RunningServer, startServer } from './support/server-process';

/**
 * The other browser tests bypass the Content-Security-Policy (axe is injected inline); this one
 * keeps it on and walks the main pages, so a policy the client does not work under is caught.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  server = await startServer({ SIGILL_DEMO: '1' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the client under its Content-Security-Policy', () => {
  it('logs in, lists the inventory and runs a workshop with nothing blocked', async () => {
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('E-postadress').fill(`objektledare.skola@${demoDomain}`);
    await page.getByLabel('Lösenord').fill(demoPassword);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Informationstillgångar' }).waitFor();
    await page.getByRole('link', { name: 'Elevhälsans journalsystem' }).click();
    await page.getByRole('heading', { level: 1, name: 'Elevhälsans journalsystem' }).waitFor();
    await page.locator('.assessment-list a').first().click();
    await page.locator('.sd-root-modern').waitFor();
    await page.locator('.sd-root-modern input[type="text"]').first().waitFor();
    expect(violations).toEqual([]);
  }, 60_000);
});
