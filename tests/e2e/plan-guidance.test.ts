import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { launchChromium } from './support/chromium';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

interface Item {
  source: string;
  sourceKey: string;
  title: string;
  applicable: boolean;
  requirement: { theme: string; guidance: string | null } | null;
}

/** The guidance as kravkatalog version 3 words it, read from the file, not from the API under test. */
const guidanceV3 = new Map(
  (JSON.parse(fs.readFileSync('forms/kravkatalog/v3.json', 'utf8')) as { requirements: { id: string; guidance: string }[] }).requirements.map((entry) => [entry.id, entry.guidance]),
);

let server: RunningServer;
let browser: Browser;
let page: Page;
let item: Item;
let assetId: string;

beforeAll(async () => {
  server = await startServer({ SIGILL_DEMO: '1' });
  browser = await launchChromium();
  page = await loginInUi(browser, server.url, `isam@${demoDomain}`, demoPassword);
  const assets = (await (await page.request.get(`${server.url}/api/assets?pageSize=100`)).json()) as { items: { id: string; name: string }[] };
  assetId = assets.items.find((asset) => asset.name === 'Ekonomisystemet')!.id;
  const items = ((await (await page.request.get(`${server.url}/api/assets/${assetId}/plan`)).json()) as { items: Item[] }).items;
  item = items.find((entry) => entry.applicable && entry.sourceKey === 'tek-sakerhetskopiering')!;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('guidance on the handlingsplan page', () => {
  it("shows a requirement's guidance after its disclosure is opened by keyboard, and hides it again", async () => {
    expect(item.requirement?.guidance).toBe(guidanceV3.get('tek-sakerhetskopiering'));
    await page.goto(`${server.url}/tillgangar/${assetId}/handlingsplan`);
    const row = page.getByTestId('plan-theme-teknisk').getByRole('row', { name: new RegExp(`^${item.title}`) });
    const disclosure = row.getByTestId('plan-guidance');
    const summary = disclosure.locator('summary');
    const text = disclosure.getByText(item.requirement!.guidance!, { exact: true });
    // Closed at first: the plan stays short, and the text is out of the accessibility tree.
    expect(await text.isVisible()).toBe(false);
    // Named with its requirement, so a screen reader's list of the many disclosures tells them apart.
    expect(await summary.textContent()).toBe(`Vägledning: ${item.title}`);
    await summary.focus();
    await page.keyboard.press('Enter');
    await text.waitFor({ state: 'visible' });
    expect(await disclosure.getAttribute('open')).toBe('');
    await expectAccessible(page);
    await page.keyboard.press('Space');
    await text.waitFor({ state: 'hidden' });
  });

  it('labels the disclosure in English too', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const row = page.getByTestId('plan-theme-teknisk').getByRole('row', { name: new RegExp(`^${item.title}`) });
    expect(await row.getByTestId('plan-guidance').locator('summary').textContent()).toBe(`Guidance: ${item.title}`);
    await row.getByTestId('plan-guidance').locator('summary').click();
    await row.getByText(item.requirement!.guidance!, { exact: true }).waitFor({ state: 'visible' });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Svenska' }).click();
  });
});
