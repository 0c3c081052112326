import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screeningAnswersV2 } from '../support/screening-answers';
import { launchChromium } from './support/chromium';
import { HttpClient } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

const demoPassword = 'sigill-demo-2026';
const demo = (user: string) => `${user}@exempelkommun.se`;
const elevhalsa = (JSON.parse(fs.readFileSync('tests/fixtures/dpia/elevhalsa-skolpsykolog.json', 'utf8')) as { screening: { answers: Record<string, unknown>; factorsV2: Record<string, string> } }).screening;

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

describe('the DSO decides the exemption a screening claims', () => {
  let screeningId = '';

  it('finds it in Att göra, decides it with the keyboard, and the outcome changes on screen', async () => {
    const client = await new HttpClient(server.url).login(demo('objektledare.skola'), demoPassword);
    const { items } = await client.request<{ items: { id: string; name: string }[] }>('GET', `/api/assets?q=${encodeURIComponent('Elevhälsans journalsystem')}`);
    const started = await client.request<{ id: string; revision: number }>('POST', `/api/assets/${items[0]!.id}/assessments`, { kind: 'dpia-screening' });
    screeningId = started.id;
    await client.request('PUT', `/api/assessments/${screeningId}/answers`, { baseRevision: started.revision, answers: screeningAnswersV2(elevhalsa) });
    await client.request('POST', `/api/assessments/${screeningId}/submit`);

    const page = await loginInUi(browser, server.url, demo('dso'), demoPassword);
    await page.goto(`${server.url}/att-gora`);
    const todo = page.getByTestId('todo-approvals');
    await expect.poll(() => todo.textContent(), { timeout: 10_000 }).toContain('Undantag att avgöra');
    await expectAccessible(page);
    await todo.getByRole('link', { name: 'Elevhälsans journalsystem' }).click();

    await page.getByText('Förhandsbedömningen åberopar ett undantag.').waitFor();
    expect(await page.getByTestId('screening-outcome').textContent()).toContain('Krävs');
    const open = page.getByTestId('sign-off-panel').getByRole('button', { name: 'Avgör undantaget' });
    await open.focus();
    await page.keyboard.press('Enter');
    const form = page.locator('form.sign-off-form');
    expect(await form.textContent()).toContain('Åberopat undantag: Skäl 91');
    // Nothing chosen: the form says so and puts the focus on the choice.
    await form.getByRole('checkbox', { name: 'Jag har läst och bekräftar texten ovan' }).check();
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await form.getByText('Välj om undantaget godtas.').waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Space');
    expect(await form.getByLabel('Undantaget godtas – en konsekvensbedömning krävs inte').isChecked()).toBe(true);
    await form.getByLabel('Skäl (obligatoriskt)').fill('Anteckningarna förs av en enskild psykolog om egna klienter och delas inte.');
    await form.getByRole('button', { name: 'Bekräfta' }).click();

    await expect.poll(() => page.getByTestId('screening-outcome').textContent(), { timeout: 10_000 }).toContain('Krävs inte – undantag godtaget av DSO');
    const decided = await page.getByTestId('exemption-decision').textContent();
    expect(decided).toContain('Undantaget godtas');
    expect(decided).toContain('Utfall enligt reglerna: Krävs');
    expect(await page.getByTestId('approval-timeline').textContent()).toContain('Anteckningarna förs av en enskild psykolog');
    await expectAccessible(page);
    await page.close();
  });

  it('the beslutsfattare then fastställer it and its sealed record is listed', async () => {
    const page = await loginInUi(browser, server.url, demo('beslutsfattare.skola'), demoPassword);
    await page.goto(`${server.url}/bedomningar/${screeningId}`);
    await page.getByTestId('sign-off-panel').getByRole('button', { name: 'Fastställ', exact: true }).click();
    const form = page.locator('form.sign-off-form');
    await form.getByRole('checkbox', { name: 'Jag har läst och bekräftar texten ovan' }).check();
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('faststalld');
    await page.getByTestId('protocol-link').first().waitFor();
    await expectAccessible(page);
    await page.close();
  });
});

describe('a fastställd classification with sensitive personal data asks for a screening', () => {
  it('shows the prompt on the asset page, and a screening started from it ends the prompt', async () => {
    const objektledare = await new HttpClient(server.url).login(demo('objektledare.skola'), demoPassword);
    const { items } = await objektledare.request<{ items: { id: string; name: string }[] }>('GET', `/api/assets?q=${encodeURIComponent('Elevhälsans journalsystem')}`);
    const assetId = items[0]!.id;
    const { assessments } = await objektledare.request<{ assessments: { id: string; kind: string }[] }>('GET', `/api/assets/${assetId}/assessments`);
    const classification = assessments.find((entry) => entry.kind === 'classification')!;
    await objektledare.request('POST', `/api/assessments/${classification.id}/submit`);
    const decider = await new HttpClient(server.url).login(demo('beslutsfattare.skola'), demoPassword);
    await decider.request('POST', `/api/assessments/${classification.id}/decide`, { statement: 'Klassningen fastställs.' });

    const page = await loginInUi(browser, server.url, demo('objektledare.skola'), demoPassword);
    await page.goto(`${server.url}/tillgangar/${assetId}`);
    const prompt = page.getByTestId('screening-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('känsliga personuppgifter');
    await expectAccessible(page);
    await prompt.getByRole('button', { name: 'Starta förhandsbedömning (DPIA)' }).click();
    await page.getByRole('heading', { level: 1, name: /Förhandsbedömning/ }).waitFor();
    await page.goto(`${server.url}/tillgangar/${assetId}`);
    await page.getByRole('heading', { name: 'Bedömningar' }).waitFor();
    expect(await page.getByTestId('screening-prompt').count()).toBe(0);
    await page.close();
  });
});
