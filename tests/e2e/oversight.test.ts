import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftotext } from '../support/pdf-tools';
import { launchChromium } from './support/chromium';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

const inventory = ['Externt id;Namn;Organisation;Beskrivning', 'E2E-1;Lokalbokningen;;Bokning av lokaler', 'E2E-2;Parkeringstillstånd;;E-tjänst', 'E2E-3;;;Rad utan namn', 'E2E-4;Okänt system;Finns inte-förvaltningen;', 'E2E-5;Bibliotekssystemet;;Utlån', ''].join('\r\n');

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ SIGILL_DEMO: '1' });
  browser = await launchChromium();
  page = await loginInUi(browser, server.url, 'isam@exempelkommun.se', 'sigill-demo-2026');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function headline(): Promise<{ assets: number; classified: number }> {
  const text = (await page.getByTestId('coverage-headline').textContent()) ?? '';
  const [, assets, classified] = /Av (\d+) informationstillgångar är (\d+) klassade/.exec(text) ?? [];
  return { assets: Number(assets), classified: Number(classified) };
}

describe('the ISAM imports the förteckning, sees coverage and downloads Ledningens genomgång', () => {
  let before = { assets: 0, classified: 0 };

  it('shows the overview with charts and their tables', async () => {
    await page.getByRole('link', { name: 'Översikt', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.getByTestId('coverage-headline').waitFor();
    before = await headline();
    expect(before.assets).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('coverage-chart').locator('svg[role="img"]').count()).toBe(1);
    await expectAccessible(page);
  });

  it('previews a file with good and bad rows, shows errors per row and field, and imports only the good ones', async () => {
    await page.getByRole('link', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera förteckning' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({ name: 'forteckning.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${inventory}`, 'utf8') });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('3 nya');
    const errorRows = page.getByTestId('import-rows').locator('tr[data-action="error"]');
    expect(await errorRows.count()).toBe(2);
    expect(await errorRows.first().textContent()).toContain('Namn');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Importera 3 giltiga rader' }).click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('3 skapade');
  });

  it('explains a refused file in Swedish, and reads it with the delimiter the ISAM chooses', async () => {
    const ambiguous = Buffer.from('Namn;Kod,Nummer\r\nTvetydigt system;1,2\r\n', 'utf8');
    await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({ name: 'tvetydig.csv', mimeType: 'text/csv', buffer: ambiguous });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Det går inte att avgöra om kolumnerna skiljs med semikolon, komma eller tabb');
    await expectAccessible(page);
    await page.getByLabel('Avgränsare i CSV-filen').selectOption({ label: 'Semikolon (;)' });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('1 nya');
  });

  it('shows the new assets in the coverage at once', async () => {
    await page.getByRole('link', { name: 'Översikt', exact: true }).click();
    await page.getByTestId('coverage-headline').waitFor();
    await expect.poll(async () => (await headline()).assets).toBe(before.assets + 3);
    expect((await headline()).classified).toBe(before.classified);
  });

  it('downloads Ledningens genomgång as a PDF with the same figures', async () => {
    await page.getByRole('link', { name: 'Ledningens genomgång', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ledningens genomgång' }).waitFor();
    await page.getByTestId('interval-current').waitFor();
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    const pdf = fs.readFileSync((await download.path())!);
    const text = pdftotext(new Uint8Array(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Ledningens genomgång');
    expect(text).toContain(`Av ${before.assets + 3} informationstillgångar är ${before.classified} klassade`);
  });

  it('lists what is due in Att göra', async () => {
    await page.getByRole('link', { name: 'Att göra', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Att göra' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Omprövningar/ }).waitFor();
    // The demo's Trygghetslarm was fastställd 13 months ago: its review is overdue.
    expect(await page.getByRole('link', { name: /Trygghetslarm/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });
});
