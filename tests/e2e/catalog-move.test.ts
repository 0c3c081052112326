import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { adminPassword, HttpClient, seedKommun, userPassword } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

const answers = (JSON.parse(fs.readFileSync('tests/fixtures/calibration/lonesystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
const isamEmail = 'isam@kommun.test';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-e2e-catalog-'));
const formsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-e2e-forms-'));

let server: RunningServer;
let browser: Browser;
let page: Page;
let assetId = '';

/** A fastställd lönesystem with a judged plan item, made while only kravkatalog version 1 was published. */
async function classifiedOnCatalogV1(): Promise<void> {
  fs.cpSync('forms', formsDir, { recursive: true });
  for (const file of ['kravkatalog/v2.json', 'kravkatalog/v3.json', 'informationsklassning/v3.json', 'informationsklassning/v4.json']) fs.rmSync(path.join(formsDir, file));
  const before = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword, SIGILL_FORMS_DIR: formsDir }, { dataDir });
  const kommun = await seedKommun(before.url);
  const { admin, forvaltningId } = kommun;
  await admin.request('POST', `/api/organisations/${forvaltningId}/members`, { email: isamEmail, name: 'Ingrid Isam', password: userPassword, role: 'isam' });
  await admin.request('POST', `/api/organisations/${forvaltningId}/members`, { email: 'beslut@kommun.test', name: 'Bertil Beslut', password: userPassword, role: 'beslutsfattare' });
  assetId = (await admin.request<{ id: string }>('POST', '/api/assets', { organisationId: forvaltningId, name: 'Lönesystemet', type: 'system' })).id;
  const assessment = await admin.request<{ id: string }>('POST', `/api/assets/${assetId}/assessments`, { kind: 'classification' });
  await admin.request('PUT', `/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers: { ...answers, objekt_namn: 'Lönesystemet' } });
  await admin.request('POST', `/api/assessments/${assessment.id}/submit`);
  await (await new HttpClient(before.url).login('beslut@kommun.test', userPassword)).request('POST', `/api/assessments/${assessment.id}/decide`, { statement: 'Fastställs' });
  const { items } = await admin.request<{ items: { id: string; sourceKey: string; revision: number }[] }>('GET', `/api/assets/${assetId}/plan`);
  const masking = items.find((item) => item.sourceKey === 'tek-maskering')!;
  await admin.request('PATCH', `/api/plan-items/${masking.id}`, { baseRevision: masking.revision, status: 'uppfyllt', ansvarig: 'IT-chefen' });
  await before.stop();
}

beforeAll(async () => {
  await classifiedOnCatalogV1();
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword }, { dataDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(formsDir, { recursive: true, force: true });
});

// The page offers the newest catalog, version 3: version 2's requirements with guidance, so the move from 1 shows version 2's changes.
describe('moving a handlingsplan to the newest kravkatalog in the UI', { timeout: 180_000 }, () => {
  it('shows the ISAM per asset what is carried, flagged and no longer applicable before the move, keyboard only', async () => {
    page = await loginInUi(browser, server.url, isamEmail, userPassword);
    await page.goto(`${server.url}/tillgangar/${assetId}/handlingsplan`);
    await page.getByRole('link', { name: 'Flytta handlingsplanen till ny kravkatalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flytta till ny kravkatalog' }).waitFor();
    const preview = page.getByRole('button', { name: 'Visa vad som ändras' });
    await preview.focus();
    await page.keyboard.press('Enter');
    const asset = page.getByTestId('catalog-move-asset');
    await asset.getByRole('heading', { name: 'Lönesystemet' }).waitFor();
    expect(await asset.textContent()).toContain('Flyttas från version 1');
    const testdata = asset.getByRole('row', { name: /^Testdata/ });
    expect(await testdata.textContent()).toContain('Tar över bedömningen från Maskering och testdata');
    expect(await testdata.textContent()).toContain('Uppfyllt');
    expect(await testdata.getByTestId('reassess').textContent()).toBe('Kravet har ändrats — bedöm igen');
    expect(await asset.getByRole('row', { name: /^Säkerhet i behandlingen/ }).textContent()).toContain('Gäller inte längre (finns kvar i historiken)');
    expect(await asset.getByRole('row', { name: /^Underleverantörer/ }).textContent()).toContain('Ersätts av Leverantörskedjan och dess uppföljning');
    // No internal requirement id reaches the preview.
    expect(await asset.textContent()).not.toContain('tek-testdata');
    await expectAccessible(page);

    const confirm = page.getByTestId('catalog-move-confirm');
    expect(await confirm.textContent()).toBe('Flytta 1 informationstillgångar');
    await confirm.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('catalog-move-done').textContent()).toBe('Klart: 1 informationstillgångar flyttades till version 3.');
    await expectAccessible(page);
  });

  it('flags the carried items on the plan until the assessment is confirmed', async () => {
    await page.goto(`${server.url}/tillgangar/${assetId}/handlingsplan`);
    const row = page.getByRole('row', { name: /^Testdata/ });
    await row.getByTestId('plan-reassess').waitFor();
    const confirm = row.getByRole('button', { name: /^Bedömningen gäller fortfarande/ });
    await confirm.click();
    await expect.poll(() => row.getByTestId('plan-reassess').count()).toBe(0);
    expect(await page.getByRole('row', { name: /^Maskering/ }).getByTestId('plan-reassess').count()).toBe(1);
    // The dead item keeps its history: opened from the row, by keyboard.
    await page.getByLabel('Visa krav som inte längre gäller').check();
    const gone = page.getByRole('row', { name: /^Säkerhet i behandlingen/ });
    await gone.getByRole('button', { name: /^Historik/ }).focus();
    await page.keyboard.press('Enter');
    const history = await gone.getByTestId('plan-history').textContent();
    expect(history).toContain('Ej bedömd');
    expect(history).toContain('gäller inte längre');
    await expectAccessible(page);
  });

  it('lets the ISAM write the year’s conclusions and proposed actions for Ledningens genomgång', async () => {
    await page.goto(`${server.url}/ledningens-genomgang`);
    const year = new Date().getFullYear();
    await page.getByRole('heading', { name: `Slutsatser och förslag till åtgärder ${year}` }).waitFor();
    await page.getByLabel('Slutsatser', { exact: true }).fill('Alla lönesystem är klassade.');
    await page.getByLabel('Förslag till åtgärder', { exact: true }).fill('Följ upp leverantörskedjan.');
    await page.getByRole('button', { name: 'Spara slutsatserna' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'Sparat' }).textContent()).toBe('Sparat. Rapporten tar med texten.');
    await expectAccessible(page);
    const isam = await new HttpClient(server.url).login(isamEmail, userPassword);
    const me = await isam.request<{ memberships: { organisationId: string }[] }>('GET', '/api/auth/me');
    const saved = await isam.request<{ conclusions: string; proposedActions: string }>('GET', `/api/organisations/${me.memberships[0]!.organisationId}/reports/ledningens-genomgang/statement?year=${year}`);
    expect(saved).toMatchObject({ conclusions: 'Alla lönesystem är klassade.', proposedActions: 'Följ upp leverantörskedjan.' });
  });
});
