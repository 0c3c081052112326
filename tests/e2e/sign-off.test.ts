import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, withOneByteChanged } from '../support/pdf-tools';
import { launchChromium } from './support/chromium';
import { HttpClient } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { fillText, goToPage } from './support/survey-fill';
import { expectAccessible, loginInUi, savedState } from './support/ui';
import { hemtjanstFixture } from '../support/hemtjanst-fixture';

const demoPassword = 'sigill-demo-2026';
const demo = (user: string) => `${user}@exempelkommun.se`;
const classificationFixture = JSON.parse(fs.readFileSync('tests/fixtures/classification/lokalbokning.json', 'utf8')) as { answers: Record<string, unknown> };
const dpiaFixture = hemtjanstFixture();

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

interface Started {
  id: string;
  revision: number;
}

/** Starts an assessment on a demo asset through the API and stores the given answers, as an earlier session would have. */
async function startWithAnswers(client: HttpClient, assetName: string, kind: string, answers: Record<string, unknown>): Promise<string> {
  const { items } = await client.request<{ items: { id: string; name: string }[] }>('GET', `/api/assets?q=${encodeURIComponent(assetName)}`);
  const asset = items.find((item) => item.name === assetName)!;
  const started = await client.request<Started>('POST', `/api/assets/${asset.id}/assessments`, { kind });
  await client.request('PUT', `/api/assessments/${started.id}/answers`, { baseRevision: started.revision, answers });
  return started.id;
}

function panel(page: Page) {
  return page.getByTestId('sign-off-panel');
}

/** Opens a step from the panel, fills what the step asks beyond its statement, ticks the statement box and confirms. */
async function confirmStep(page: Page, action: string, fill: (form: Locator) => Promise<void> = async () => {}): Promise<void> {
  await panel(page).getByRole('button', { name: action, exact: true }).click();
  const form = page.locator('form.sign-off-form');
  await fill(form);
  await form.getByRole('checkbox', { name: 'Jag har läst och bekräftar texten ovan' }).check();
  await form.getByRole('button', { name: 'Bekräfta' }).click();
}

async function statusOf(page: Page): Promise<string | null> {
  return page.getByTestId('assessment-status').getAttribute('data-status');
}

describe('a classification is sent för granskning, fastställd and its sealed protocol verified', () => {
  let assessmentId = '';
  let protocolPdf: Buffer;
  let protocolId = '';

  it('the objektledare is told what is missing, completes it and sends it för granskning', async () => {
    const client = await new HttpClient(server.url).login(demo('objektledare.skola'), demoPassword);
    const { antecknare: _left, ...answers } = classificationFixture.answers;
    // The object page names the asset as registered: after fastställd the asset takes the protocol's name.
    assessmentId = await startWithAnswers(client, 'Lokalbokningssystem', 'classification', { ...answers, objekt_namn: 'Lokalbokningssystem' });

    const page = await loginInUi(browser, server.url, demo('objektledare.skola'), demoPassword);
    await page.goto(`${server.url}/bedomningar/${assessmentId}`);
    await page.locator('.sd-root-modern').waitFor();
    await confirmSubmit(page);
    const refusal = page.getByTestId('refusal-list');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('antecknare');
    expect(await statusOf(page)).toBe('utkast');

    await goToPage(page, 'Workshopen');
    await fillText(page, 'antecknare', 'Cecilia Ek');
    await savedState(page);
    await page.locator('form.sign-off-form').getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('for_granskning');
    expect(await page.getByTestId('sign-off-status').textContent()).toContain('skickad för granskning');
    // The questionnaire is now shown read-only.
    await page.getByText('Bedömningen är För granskning och kan inte ändras.').waitFor();

    // Marking it ready needs the statement confirmed: without the tick it is refused.
    await panel(page).getByRole('button', { name: 'Markera som klar för beslut' }).click();
    const form = page.locator('form.sign-off-form');
    expect(await form.getByTestId('statement').textContent()).toContain('Lokalbokningssystem');
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await form.getByText('Kryssa i att du bekräftar texten').waitFor();
    await expectAccessible(page);
    await form.getByRole('checkbox', { name: 'Jag har läst och bekräftar texten ovan' }).check();
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => page.getByTestId('approval-timeline').textContent(), { timeout: 10_000 }).toContain('Markerad som klar för beslut');
    expect(await page.getByTestId('approval-timeline').textContent()).toContain('Sara Nyberg (objektledare, utbildningsförvaltningen), objektledare');
    // The objektledare may not fastställa.
    expect(await panel(page).getByRole('button', { name: 'Fastställ', exact: true }).count()).toBe(0);
    await expectAccessible(page);
    await page.close();
  });

  it('the beslutsfattare fastställer it in the UI and downloads the sealed protocol', async () => {
    const page = await loginInUi(browser, server.url, demo('beslutsfattare.skola'), demoPassword);
    await page.goto(`${server.url}/bedomningar/${assessmentId}`);
    await panel(page).getByRole('button', { name: 'Fastställ', exact: true }).waitFor();
    expect(await panel(page).getByRole('button', { name: 'Skicka tillbaka till utkast' }).count()).toBe(1);
    // Where the decision rests (issue 18): optional fields in the dialog, labelled and accessible.
    await confirmStep(page, 'Fastställ', async (form) => {
      await form.getByLabel('Delegation (frivilligt)').fill('Utbildningsnämndens delegationsordning, punkt 2.1');
      await form.getByLabel('Diarienummer (frivilligt)').fill('UN 2026/45');
      await expectAccessible(page);
    });
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('faststalld');
    const link = page.getByTestId('protocol-link').first();
    await link.waitFor();
    // The version reads as the PDF and its file name have it: round 1, protocol 1.
    expect(await link.textContent()).toContain('version 1.1');
    expect(await page.getByTestId('approval-delegation').textContent()).toBe('Delegation: Utbildningsnämndens delegationsordning, punkt 2.1');
    expect(await page.getByTestId('approval-diarienummer').textContent()).toBe('Diarienummer: UN 2026/45');
    await page.getByText('Bedömningen är Fastställd och kan inte ändras.').waitFor();
    expect(await panel(page).getByRole('button').count()).toBe(0);
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    protocolPdf = fs.readFileSync((await download.path())!);
    expect(protocolPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const firstPage = pdftotext(protocolPdf).split('\f')[0]!.replace(/\s+/g, ' ');
    expect(firstPage).toContain('Delegation Utbildningsnämndens delegationsordning, punkt 2.1');
    expect(firstPage).toContain('Diarienummer UN 2026/45');
    const client = await new HttpClient(server.url).login(demo('beslutsfattare.skola'), demoPassword);
    const signOff = await client.request<{ protocols: { id: string }[] }>('GET', `/api/assessments/${assessmentId}/sign-off`);
    protocolId = signOff.protocols[0]!.id;

    // The asset page lists the protocol too.
    await page.getByRole('link', { name: /Tillbaka till Lokalbokningssystem/ }).click();
    await page.getByTestId('asset-protocols').waitFor();
    expect(await page.getByTestId('asset-protocols').textContent()).toContain('Informationsklassning, omgång 1');
    await page.close();
  });

  it('the verify page, without a login, reports the protocol valid and a changed copy modified', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/verifiera?dokument=${protocolId}`);
    await page.getByRole('heading', { level: 1, name: 'Verifiera ett protokoll' }).waitFor();
    expect(await page.getByTestId('expected-document').textContent()).toContain(protocolId);
    await expectAccessible(page);

    await page.getByLabel('PDF-fil att verifiera').setInputFiles({ name: 'protokoll.pdf', mimeType: 'application/pdf', buffer: protocolPdf });
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-verdict')).toBe('valid');
    expect(await page.getByTestId('verdict').textContent()).toContain('Giltig');
    expect(await page.getByTestId('matched-protocol').textContent()).toContain('Lokalbokningssystem');
    expect(await page.getByTestId('expected-match').textContent()).toContain('Filen är dokumentet');
    expect(await page.getByTestId('this-installation').textContent()).toContain('Ja');
    expect(await page.getByTestId('development-seal').textContent()).toContain('Ja');
    expect(await page.getByTestId('certificate').textContent()).toContain('Utfärdat till');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Verifiera en annan fil' }).click();
    await page.getByLabel('PDF-fil att verifiera').setInputFiles({ name: 'andrad.pdf', mimeType: 'application/pdf', buffer: withOneByteChanged(protocolPdf, 600) });
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('modified');
    expect(await page.getByTestId('verdict').textContent()).toContain('Ändrad');
    expect(await page.getByTestId('problems').locator('li').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await context.close();
  });
});

/** Opens the send step; it takes no statement, only confirmation of what happens. */
async function confirmSubmit(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: 'Skicka för granskning' }).click();
  await page.locator('form.sign-off-form').getByRole('button', { name: 'Bekräfta' }).click();
}

describe('a DPIA: the DSO advises against, the beslutsfattare decides otherwise and must say why', () => {
  let assessmentId = '';

  it('the DSO gives the advice with its reasons', async () => {
    const client = await new HttpClient(server.url).login(demo('objektledare.social'), demoPassword);
    const answers = { ...dpiaFixture.assessment.answers };
    for (const key of ['dso-rad', 'dso-motivering', 'beslut', 'beslutsdatum', 'beslut-motivering']) delete answers[key];
    assessmentId = await startWithAnswers(client, 'Planeringssystem hemtjänst', 'dpia', answers);
    await client.request('POST', `/api/assessments/${assessmentId}/submit`);

    const page = await loginInUi(browser, server.url, demo('dso'), demoPassword);
    await page.goto(`${server.url}/bedomningar/${assessmentId}`);
    await page.getByText('Nästa steg: dataskyddsombudet lämnar sitt råd').waitFor();
    await panel(page).getByRole('button', { name: 'Lämna dataskyddsombudets råd' }).click();
    const form = page.locator('form.sign-off-form');
    await form.getByLabel('Avstyrker').check();
    await form.getByLabel('Skäl och eventuella villkor (obligatoriskt)').fill('Positioneringen var femte minut är inte nödvändig för ändamålet.');
    await form.getByRole('checkbox', { name: 'Jag har läst och bekräftar texten ovan' }).check();
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => page.getByTestId('approval-timeline').textContent(), { timeout: 10_000 }).toContain('Dataskyddsombudets råd');
    expect(await page.getByTestId('approval-timeline').textContent()).toContain('Avstyrker');
    await page.close();
  });

  it('a decision against the advice without reasons is refused in the UI; with reasons it is fastställd', async () => {
    const page = await loginInUi(browser, server.url, demo('beslutsfattare.social'), demoPassword);
    await page.goto(`${server.url}/bedomningar/${assessmentId}`);
    await panel(page).getByRole('button', { name: 'Fatta beslut' }).click();
    const form = page.locator('form.sign-off-form');
    expect(await form.getByTestId('advice-in-force').textContent()).toContain('Avstyrker');
    await form.getByLabel('Behandlingen godkänns', { exact: true }).check();
    expect(await form.getByTestId('departs-explained').textContent()).toContain('avviker från dataskyddsombudets råd');
    await form.getByRole('checkbox', { name: 'Jag har läst och bekräftar texten ovan' }).check();
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    const reasons = form.getByLabel('Motivering (obligatorisk eftersom beslutet avviker från rådet)');
    await form.getByText('Beslutet avviker från dataskyddsombudets råd och måste motiveras. Skriv motiveringen.').waitFor();
    expect(await reasons.getAttribute('aria-invalid')).toBe('true');
    expect(await reasons.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await statusOf(page)).toBe('for_granskning');
    await expectAccessible(page);

    await reasons.fill('Nämnden godtar positioneringen under en försöksperiod på sex månader med uppföljning.');
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('faststalld');
    const timeline = await page.getByTestId('approval-timeline').textContent();
    expect(timeline).toContain('Beslut (fastställd)');
    expect(timeline).toContain('Avviker från rådetja');
    expect(timeline).toContain('försöksperiod');
    await page.getByTestId('protocol-link').first().waitFor();
    await expectAccessible(page);
    await page.close();
  });
});

describe('sending a classification back to utkast from the asset page', () => {
  it('asks for the reason, withdraws the ready step and keeps both in the timeline', async () => {
    const client = await new HttpClient(server.url).login(demo('objektledare.skola'), demoPassword);
    const { items } = await client.request<{ items: { id: string; name: string }[] }>('GET', `/api/assets?q=${encodeURIComponent('Elevhälsans journalsystem')}`);
    const assetId = items[0]!.id;
    const { assessments } = await client.request<{ assessments: { id: string; kind: string }[] }>('GET', `/api/assets/${assetId}/assessments`);
    const classification = assessments.find((entry) => entry.kind === 'classification')!;
    await client.request('POST', `/api/assessments/${classification.id}/submit`);
    await client.request('POST', `/api/assessments/${classification.id}/ready`, { statement: 'Klar för beslut.' });

    const page = await loginInUi(browser, server.url, demo('beslutsfattare.skola'), demoPassword);
    await page.goto(`${server.url}/tillgangar/${assetId}`);
    const review = page.getByRole('region', { name: 'Att granska: Informationsklassning' });
    await review.getByRole('button', { name: 'Skicka tillbaka till utkast' }).click();
    const form = review.locator('form.sign-off-form');
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await form.getByText('Skriv skälet.').waitFor();
    await expectAccessible(page);
    await form.getByLabel('Skäl till att den skickas tillbaka (obligatoriskt)').fill('Behörighetsstyrningen för kuratorer saknas i bedömningen.');
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => review.getByTestId('assessment-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('utkast');
    const timeline = review.getByTestId('approval-timeline');
    await expect.poll(() => timeline.textContent(), { timeout: 10_000 }).toContain('Skickad tillbaka till utkast');
    expect(await timeline.textContent()).toContain('Behörighetsstyrningen för kuratorer');
    expect(await timeline.locator('li.withdrawn').count()).toBe(1);
    expect(await timeline.locator('li.withdrawn').textContent()).toContain('Gäller inte längre');
    expect(await page.locator('.assessment-list').textContent()).toContain('Utkast');
    await page.close();
  });
});
