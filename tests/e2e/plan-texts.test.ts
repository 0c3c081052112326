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
  status: string;
  requirement: { theme: string; arText: string; iso27002: { id: string; title: string | null }[] } | null;
}

let server: RunningServer;
let browser: Browser;
let page: Page;
let items: Item[];
let assetId: string;

beforeAll(async () => {
  server = await startServer({ SIGILL_DEMO: '1' });
  browser = await launchChromium();
  page = await loginInUi(browser, server.url, `isam@${demoDomain}`, demoPassword);
  const assets = (await (await page.request.get(`${server.url}/api/assets?pageSize=100`)).json()) as { items: { id: string; name: string }[] };
  assetId = assets.items.find((asset) => asset.name === 'Ekonomisystemet')!.id;
  items = ((await (await page.request.get(`${server.url}/api/assets/${assetId}/plan`)).json()) as { items: Item[] }).items;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the handlingsplan page', () => {
  it('groups the requirements by theme, each with its ÄR-krav text and ISO/IEC 27002 reference', async () => {
    await page.goto(`${server.url}/tillgangar/${assetId}/handlingsplan`);
    await page.getByTestId('plan-table').waitFor();
    for (const theme of ['Organisatoriska säkerhetsåtgärder', 'Tekniska säkerhetsåtgärder']) await page.getByRole('heading', { level: 2, name: theme }).waitFor();
    const item = items.find((entry) => entry.applicable && entry.requirement?.theme === 'teknisk')!;
    const row = page.getByTestId('plan-theme-teknisk').getByRole('row', { name: new RegExp(`^${item.title}`) });
    const text = await row.textContent();
    expect(text).toContain(item.requirement!.arText);
    const control = item.requirement!.iso27002[0]!;
    expect(control.title).not.toBeNull();
    expect(text).toContain(`${control.id} ${control.title}`);
    await expectAccessible(page);
  });

  it('filters by theme and by status', async () => {
    const physical = items.filter((entry) => entry.applicable && entry.requirement?.theme === 'fysisk').length;
    expect(physical).toBeGreaterThan(0);
    await page.getByLabel('Tema').selectOption({ label: 'Fysiska säkerhetsåtgärder' });
    await expect.poll(() => page.locator('[data-testid=plan-table] tbody tr').count()).toBe(physical);
    expect(await page.getByRole('heading', { level: 2, name: 'Tekniska säkerhetsåtgärder' }).count()).toBe(0);
    const open = items.filter((entry) => entry.applicable && entry.requirement?.theme === 'fysisk' && entry.status === 'ej_bedomd').length;
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Ej bedömd' });
    await expect.poll(() => page.locator('[data-testid=plan-table] tbody tr').count()).toBe(open);
    await page.getByLabel('Tema').selectOption({ label: 'Alla' });
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alla' });
    await expect.poll(() => page.locator('[data-testid=plan-table] tbody tr').count()).toBe(items.filter((entry) => entry.applicable).length);
    await expectAccessible(page);
  });
});
