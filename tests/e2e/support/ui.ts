import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';

export async function loginInUi(browser: Browser, url: string, email: string, password: string): Promise<Page> {
  // The app's CSP forbids inline scripts; axe-core is injected as one, so the test browser bypasses CSP.
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
  await page.goto(url);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Informationstillgångar' }).waitFor();
  return page;
}

/** axe-core in the page: no serious or critical WCAG 2.1 AA violation, reported by rule and element. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations.map((violation) => `${violation.id}: ${violation.help} @ ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

export async function savedState(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
}
