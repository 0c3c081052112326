import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ensureClientBuild } from '../../server/cli/client-build';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { adminPassword, seedKommun } from '../e2e/support/http-setup';
import { startServer } from '../e2e/support/server-process';
import type { Benchmark, BenchRow } from './support/bench-types';
import { tenInformationSets } from './support/ten-information-sets';

const dist = 'dist/client';
const runs = 7;

function gzipBytes(file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
}

/** What index.html loads before any route: the entry script, its modulepreloads and stylesheets. */
function initialAssets(): { js: string[]; css: string[] } {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const js = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((match) => match[1]!);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/?([^"]+\.css)"/g)].map((match) => match[1]!);
  return { js, css };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds from navigation start until the selector is visible (measured by the page's own clock). */
async function timeToVisible(page: import('playwright-core').Page, url: string, selectors: string[]): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  for (const selector of selectors) await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

interface Transfer {
  /** Bytes on the wire (headers and compressed bodies) for the whole route: HTML, JS, CSS and API answers. */
  total: number;
  /** Of which JavaScript and CSS bodies, as sent. */
  script: number;
  /** The same JavaScript and CSS decoded, i.e. what an uncompressed server would send. */
  decoded: number;
}

/**
 * What the workshop route transfers from the real server to a fresh browser profile: Chromium's
 * own count of bytes received per request (DevTools' encodedDataLength), with the Accept-Encoding
 * it always sends (gzip, deflate, br, zstd).
 */
async function coldTransfer(browser: Browser, storageState: Awaited<ReturnType<BrowserContext['storageState']>>, url: string, selectors: string[]): Promise<Transfer> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, storageState });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const kinds = new Map<string, boolean>();
  const transfer: Transfer = { total: 0, script: 0, decoded: 0 };
  cdp.on('Network.responseReceived', (event) => kinds.set(event.requestId, /\.(?:js|css)$/.test(new URL(event.response.url).pathname)));
  cdp.on('Network.dataReceived', (event) => {
    if (kinds.get(event.requestId)) transfer.decoded += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    transfer.total += event.encodedDataLength;
    if (kinds.get(event.requestId)) transfer.script += event.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'commit' });
  for (const selector of selectors) await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return transfer;
}

export const clientBenchmark: Benchmark = {
  name: 'client',
  async run(): Promise<BenchRow[]> {
    ensureClientBuild((line) => process.stderr.write(`${line}\n`));
    const initial = initialAssets();
    const allJs = fs.readdirSync(path.join(dist, 'assets')).filter((file) => file.endsWith('.js')).map((file) => `assets/${file}`);
    const initialJs = initial.js.reduce((sum, file) => sum + gzipBytes(file), 0);
    const initialCss = initial.css.reduce((sum, file) => sum + gzipBytes(file), 0);
    const totalJs = allJs.reduce((sum, file) => sum + gzipBytes(file), 0);

    const server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword });
    const browser = await launchChromium();
    try {
      const kommun = await seedKommun(server.url);
      const client = kommun.objektledare.client;
      const asset = await client.request<{ id: string }>('POST', '/api/assets', { organisationId: kommun.forvaltningId, name: 'Elevhälsans journalsystem', type: 'system' });
      const assessment = await client.request<{ id: string; revision: number }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' });
      await client.request('PUT', `/api/assessments/${assessment.id}/answers`, { baseRevision: assessment.revision, answers: tenInformationSets() });

      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const login = await context.newPage();
      await login.goto(server.url);
      await login.getByLabel('E-postadress').fill(kommun.objektledare.email);
      await login.getByLabel('Lösenord').fill(kommun.objektledare.password);
      await login.getByRole('button', { name: 'Logga in' }).click();
      await login.getByRole('heading', { level: 1, name: 'Informationstillgångar' }).waitFor();
      await login.close();

      const workshop: number[] = [];
      const inventory: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const page = await context.newPage();
        // Interactive: the first question's input and the result panel with the profile are on screen.
        workshop.push(await timeToVisible(page, `${server.url}/bedomningar/${assessment.id}`, ['.sd-root-modern input:not([disabled])', '[data-testid=profile-text]']));
        inventory.push(await timeToVisible(page, `${server.url}/`, ['[data-testid=inventory-table] a']));
        await page.close();
      }
      const workshopMedian = median(workshop);
      const transfer = await coldTransfer(browser, await context.storageState(), `${server.url}/bedomningar/${assessment.id}`, ['.sd-root-modern input:not([disabled])', '[data-testid=profile-text]']);
      return [
        {
          benchmark: 'client',
          figure: 'workshop route transferred over HTTP, cold cache (compressed)',
          value: transfer.total,
          unit: 'bytes',
          baseline: { name: 'its JS and CSS uncompressed', value: transfer.decoded },
          target: '< 500 KB',
          met: transfer.total < 500 * 1024,
        },
        { benchmark: 'client', figure: 'of which JS and CSS (with headers)', value: transfer.script, unit: 'bytes' },
        { benchmark: 'client', figure: 'initial JS (gzip)', value: initialJs, unit: 'bytes', baseline: { name: 'all JS chunks', value: totalJs }, target: '< 400 KB', met: initialJs < 400 * 1024 },
        { benchmark: 'client', figure: 'initial CSS (gzip)', value: initialCss, unit: 'bytes' },
        {
          benchmark: 'client',
          figure: `classification (10 informationsmängder) interactive, median of ${runs}`,
          value: Math.round(workshopMedian),
          unit: 'ms',
          baseline: { name: 'inventory page', value: Math.round(median(inventory)) },
          target: '< 1500 ms',
          met: workshopMedian < 1500,
        },
      ];
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
