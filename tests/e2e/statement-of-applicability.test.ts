import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { launchChromium } from './support/chromium';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ SIGILL_DEMO: '1' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the tillämpningsförklaring page', () => {
  it('lists every control by theme, and the ISAM justifies an exclusion by keyboard', async () => {
    const isam = await loginInUi(browser, server.url, `isam@${demoDomain}`, demoPassword);
    await isam.goto(`${server.url}/ledningens-genomgang`);
    await isam.getByRole('link', { name: 'Tillämpningsförklaring' }).click();
    await isam.getByRole('heading', { level: 1, name: 'Tillämpningsförklaring' }).waitFor();
    await isam.getByTestId('soa-summary').waitFor();
    expect(await isam.locator('tr[data-testid^="soa-row-"]').count()).toBe(93);
    for (const theme of ['Organisatoriska säkerhetsåtgärder', 'Personrelaterade säkerhetsåtgärder', 'Fysiska säkerhetsåtgärder', 'Tekniska säkerhetsåtgärder']) {
      await isam.getByRole('heading', { level: 2, name: theme }).waitFor();
    }
    await expectAccessible(isam);

    const row = isam.getByTestId('soa-row-7.4');
    expect(await row.textContent()).toContain('Ej tillämplig');
    const before = await isam.getByTestId('soa-summary').textContent();
    await row.getByRole('button', { name: 'Motivera 7.4 Övervakning av fysisk säkerhet' }).focus();
    await isam.keyboard.press('Enter');
    await isam.keyboard.type('Kommunen har inga egna lokaler med bevakning; hyresvärden svarar för den.');
    await isam.keyboard.press('Tab');
    await isam.keyboard.press('Enter');
    await row.getByText('Kommunen har inga egna lokaler med bevakning; hyresvärden svarar för den.').waitFor();
    await expect.poll(() => isam.getByTestId('soa-summary').textContent()).toBe(before);
    await expectAccessible(isam);
    await isam.screenshot({ path: 'tests/e2e/reference/soa-1400x1000.png' });
  });
});
