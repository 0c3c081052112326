import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { adminPassword, HttpClient, type Kommun, seedKommun, userPassword } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

const answers = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let server: RunningServer;
let browser: Browser;
let kommun: Kommun;
let page: Page;
let localAssetId: string;
const isamEmail = 'isam@kommun.test';

/** A central ekonomisystem, classified and fastställd through the API, ready to publish. */
async function centralClassification(): Promise<string> {
  const { admin, rootId } = kommun;
  await admin.request('PATCH', `/api/organisations/${rootId}`, { isCentral: true });
  await admin.request('POST', `/api/organisations/${rootId}/members`, { email: isamEmail, name: 'Ingrid Isam', password: userPassword, role: 'isam' });
  await admin.request('POST', `/api/organisations/${rootId}/members`, { email: 'beslut@kommun.test', name: 'Bertil Beslut', password: userPassword, role: 'beslutsfattare' });
  const asset = await admin.request<{ id: string }>('POST', '/api/assets', { organisationId: rootId, name: 'Ekonomisystemet Raindance', type: 'system' });
  const assessment = await admin.request<{ id: string }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' });
  // The object page names the asset as registered: after fastställd the asset takes the protocol's name.
  await admin.request('PUT', `/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers: { ...answers, objekt_namn: 'Ekonomisystemet Raindance' } });
  await admin.request('POST', `/api/assessments/${assessment.id}/submit`);
  const decider = await new HttpClient(server.url).login('beslut@kommun.test', userPassword);
  await decider.request('POST', `/api/assessments/${assessment.id}/decide`, { statement: 'Fastställs' });
  return asset.id;
}

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword });
  kommun = await seedKommun(server.url);
  await centralClassification();
  localAssetId = (await kommun.objektledare.client.request<{ id: string }>('POST', '/api/assets', { organisationId: kommun.forvaltningId, name: 'Ekonomisystemet i förvaltningen', type: 'system' })).id;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a normative classification published centrally and adopted locally', { timeout: 120_000 }, () => {
  it('lets the central ISAM publish the fastställd classification as a template', async () => {
    page = await loginInUi(browser, server.url, isamEmail, userPassword);
    await page.getByRole('link', { name: 'Ekonomisystemet Raindance' }).click();
    await page.getByRole('heading', { name: 'Publicera som normerande klassning' }).waitFor();
    await page.getByLabel('Beskrivning', { exact: true }).fill('Stadsgemensamt ekonomisystem, drift hos central IT');
    await page.getByLabel('Godkänns av den lokala informationsägaren').check();
    await page.getByLabel('Säkerhetskopiering', { exact: true }).check();
    await page.getByLabel('Hur kravet uppfylls: Säkerhetskopiering').fill('Central IT tar säkerhetskopior varje natt.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Publicera mallen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'publicerad' }).textContent()).toContain('version 1');

    await page.getByRole('link', { name: 'Mallar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Normerande klassningar (mallar)' }).waitFor();
    await page.getByTestId('template-search').fill('raindance');
    await page.getByRole('link', { name: 'Ekonomisystemet Raindance' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ekonomisystemet Raindance' }).click();
    await page.getByRole('heading', { name: 'Versionshistorik' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Säkerhetskopiering: Central IT tar säkerhetskopior varje natt.');
    await expectAccessible(page);
    await page.close();
  });

  it('lets a local objektledare adopt it and see the template against the local levels', async () => {
    page = await loginInUi(browser, server.url, kommun.objektledare.email, kommun.objektledare.password);
    await page.goto(`${server.url}/tillgangar/${localAssetId}`);
    await page.getByRole('heading', { name: 'Utgå från en normerande klassning' }).waitFor();
    await expectAccessible(page);
    await page.getByTestId('template-pick').selectOption({ label: 'Ekonomisystemet Raindance (K1 R3 T2 S2, version 1)' });
    await page.getByRole('button', { name: 'Anta mallen' }).click();
    await page.locator('.sd-root-modern').waitFor();
    await expect.poll(() => page.getByTestId('profile-text').textContent()).toBe('K1 R3 T2 S2');
    const floor = page.getByTestId('template-floor');
    await floor.waitFor();
    expect(await floor.locator('tbody tr').allTextContents()).toEqual(['KK1K1Som mallen', 'RR3R3Som mallen', 'TT2T2Som mallen', 'SS2S2Som mallen']);

    await page.goto(`${server.url}/tillgangar/${localAssetId}/handlingsplan`);
    await page.getByTestId('fulfilled-centrally').first().waitFor();
    await page.goto(`${server.url}/tillgangar/${localAssetId}`);
    await page.getByTestId('adoption-panel').waitFor();
    expect(await page.getByTestId('adoption-panel').textContent()).toContain('Klassningen utgår från ”Ekonomisystemet Raindance”, version 1');
    await expectAccessible(page);
  });
});
