import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/chromium';
import { type RunningServer, startServer } from './support/server-process';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the forms page in Chromium', () => {
  it('lists the published questionnaires in Swedish, with no serious accessibility violation', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByRole('heading', { level: 1, name: 'Formulär' }).waitFor();
    expect(await page.locator('.card-list a').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('renders a questionnaire and shows a typed answer in the page', async () => {
    await page.goto(server.url);
    await page.locator('.card-list a').first().click();
    const firstTextInput = page.locator('.sd-root-modern input[type="text"]').first();
    await firstTextInput.waitFor();
    await firstTextInput.fill('Ekonomisystemet Raindance');
    await firstTextInput.press('Tab');
    await expect.poll(() => page.getByTestId('answer-summary').textContent()).toContain('Ekonomisystemet Raindance');
    expect(new URL(page.url()).pathname).toMatch(/^\/formular\/[a-z0-9-]+\/\d+$/);
  });

  it('keeps the questionnaire route working after a reload', async () => {
    await page.reload();
    await page.locator('.sd-root-modern').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('switches the app and the questionnaire to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: /Back to the forms/ }).waitFor();
  });
});
