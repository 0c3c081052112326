import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { adminPassword, type Kommun, seedKommun } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { choose, fillText, goToPage } from './support/survey-fill';
import { expectAccessible, loginInUi, savedState } from './support/ui';

let server: RunningServer;
let browser: Browser;
let kommun: Kommun;
let page: Page;

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword });
  kommun = await seedKommun(server.url);
  await kommun.objektledare.client.request('POST', '/api/assets', { organisationId: kommun.forvaltningId, name: 'Planeringssystem hemtjänst', type: 'system' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a DPIA screening that says "krävs" leads to the konsekvensbedömning', () => {
  it('screens the processing and explains why a DPIA is required', async () => {
    page = await loginInUi(browser, server.url, kommun.objektledare.email, kommun.objektledare.password);
    await page.getByRole('link', { name: 'Planeringssystem hemtjänst' }).click();
    await page.getByRole('button', { name: 'Starta förhandsbedömning (DPIA)' }).click();
    await page.locator('.sd-root-modern').waitFor();
    await fillText(page, 'informationstillgang', 'Planeringssystem hemtjänst');
    await fillText(page, 'behandling-beskrivning', 'Larmtelefonerna skickar medarbetarnas position var femte minut.');
    await choose(page, 'behandling-status', 'ny');
    await choose(page, 'personuppgifter', 'ja');
    await goToPage(page, 'De nio kriterierna');
    await choose(page, 'k3-overvakning', 'ja');
    await choose(page, 'k7-beroendeforhallande', 'ja');
    await choose(page, 'k8-ny-teknik', 'ja');
    await expect.poll(() => page.getByTestId('screening-outcome').textContent()).toContain('Krävs');
    await savedState(page);
    const criteria = await page.getByTestId('screening-criteria').textContent();
    expect(criteria).toContain('Systematisk övervakning');
    expect(criteria).toContain('ja');
    await expectAccessible(page);
  });

  it('starts the konsekvensbedömning on the same asset and draws the risk map', async () => {
    await page.getByRole('button', { name: 'Starta konsekvensbedömning' }).click();
    await page.getByRole('heading', { level: 1, name: /Konsekvensbedömning: Planeringssystem hemtjänst/ }).waitFor();
    await page.locator('.sd-root-modern').waitFor();
    await goToPage(page, 'Risker för de registrerades rättigheter och friheter');
    await choose(page, 'otillaten-atkomst-allvarlighet-nu', '3');
    await choose(page, 'otillaten-atkomst-sannolikhet-nu', '3');
    await choose(page, 'otillaten-atkomst-allvarlighet-kvar', '3');
    await choose(page, 'otillaten-atkomst-sannolikhet-kvar', '2');
    await savedState(page);
    const map = page.getByTestId('risk-map');
    await map.waitFor();
    expect(await map.locator('.risk-marker-current').count()).toBe(1);
    expect(await map.locator('.risk-marker-residual').count()).toBe(1);
    expect(await map.locator('svg desc').textContent()).toContain('Allvarlighet 3, Sannolikhet 3');
    expect(await page.getByTestId('prior-consultation').textContent()).toContain('Förhandssamråd');
    await expectAccessible(page);
  });

  it('lists both assessments on the asset page', async () => {
    await page.getByRole('link', { name: /Tillbaka till Planeringssystem hemtjänst/ }).click();
    const list = page.locator('.assessment-list');
    await list.waitFor();
    expect(await list.textContent()).toContain('Förhandsbedömning');
    expect(await list.textContent()).toContain('Konsekvensbedömning');
    await expectAccessible(page);
  });
});
