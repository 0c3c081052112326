import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { HttpClient } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

/** Issue 13: the sign-off panel offers and explains what scoring's decision rules allow; an admin controls separation of duties. */

const demoPassword = 'sigill-demo-2026';
const adminPassword = 'e2e-admin-password';
const demo = (user: string) => `${user}@exempelkommun.se`;
const signOffKeys = ['dso-rad', 'dso-motivering', 'beslut', 'beslutsdatum', 'beslut-motivering'];
const dpiaAnswers = (fixture: string) => {
  const answers = { ...(JSON.parse(fs.readFileSync(`tests/fixtures/dpia/${fixture}.json`, 'utf8')) as { assessment: { answers: Record<string, unknown> } }).assessment.answers };
  for (const key of signOffKeys) delete answers[key];
  return answers;
};

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ SIGILL_DEMO: '1', SIGILL_ADMIN_PASSWORD: adminPassword });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A DPIA on a demo asset, sent for review by its objektledare and advised on by the DSO, through the API. */
async function advisedDpia(assetName: string, fixture: string): Promise<string> {
  const author = await new HttpClient(server.url).login(demo('objektledare.social'), demoPassword);
  const { items } = await author.request<{ items: { id: string; name: string }[] }>('GET', `/api/assets?q=${encodeURIComponent(assetName)}`);
  const started = await author.request<{ id: string; revision: number }>('POST', `/api/assets/${items.find((item) => item.name === assetName)!.id}/assessments`, { kind: 'dpia' });
  await author.request('PUT', `/api/assessments/${started.id}/answers`, { baseRevision: started.revision, answers: dpiaAnswers(fixture) });
  await author.request('POST', `/api/assessments/${started.id}/submit`);
  const dso = await new HttpClient(server.url).login(demo('dso'), demoPassword);
  await dso.request('POST', `/api/assessments/${started.id}/advise`, { advice: 'tillstyrker-med-villkor', reasons: 'Godtagbart om villkoren i handlingsplanen uppfylls.', statement: 'Mitt råd enligt artikel 35.2.' });
  return started.id;
}

async function openDecision(assessmentId: string): Promise<Page> {
  const page = await loginInUi(browser, server.url, demo('beslutsfattare.social'), demoPassword);
  await page.goto(`${server.url}/bedomningar/${assessmentId}`);
  await page.getByTestId('sign-off-panel').getByRole('button', { name: 'Fatta beslut' }).click();
  return page;
}

describe('the DPIA decision form', () => {
  it('offers no approval while a principle is Att korrigera, and names the principle', async () => {
    const page = await openDecision(await advisedDpia('E-tjänst ekonomiskt bistånd', 'ekonomiskt-bistand-forkontroll'));
    const form = page.locator('form.sign-off-form');
    const block = form.getByTestId('principles-block');
    await block.waitFor();
    expect(await block.textContent()).toContain('Information – får de registrerade klar information');
    expect(await form.getByRole('radio').count()).toBe(1);
    expect(await form.getByLabel('Behandlingen stoppas', { exact: true }).count()).toBe(1);
    expect(await form.getByLabel('Behandlingen godkänns', { exact: true }).count()).toBe(0);
    await expectAccessible(page);
    await page.close();
  }, 60_000);

  it('explains the motivation rule and warns before sending reasons that only restate the decision', async () => {
    const page = await openDecision(await advisedDpia('Planeringssystem hemtjänst', 'hemtjanst-gps'));
    const form = page.locator('form.sign-off-form');
    await form.getByLabel('Behandlingen godkänns', { exact: true }).check();
    expect(await form.textContent()).toContain('minst 8 ord, varav minst 4 egna');
    const reasons = form.getByLabel('Motivering (obligatorisk eftersom beslutet avviker från rådet)');
    await form.getByRole('checkbox', { name: 'Jag har läst och bekräftar texten ovan' }).check();
    for (const [text, warning] of [['Behandlingen godkänns.', 'Motiveringen är för kort'], ['Behandlingen godkänns trots rådet, beslutet är att behandlingen godkänns.', 'Motiveringen upprepar bara beslutet eller rådet']]) {
      await reasons.fill(text!);
      await form.getByRole('button', { name: 'Bekräfta' }).click();
      await form.getByText(warning!).waitFor();
      expect(await reasons.getAttribute('aria-invalid')).toBe('true');
    }
    await expectAccessible(page);
    expect(await page.getByTestId('assessment-status').getAttribute('data-status')).toBe('for_granskning');
    await reasons.fill('Villkoret om nattlig positionering behövs inte: larmen går bara dagtid enligt schemat.');
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('faststalld');
    await page.close();
  }, 60_000);
});

describe('separation of duties on the report page', () => {
  it('is shown to the ISAM and can be turned off for the kommun by an admin only', async () => {
    const isam = await loginInUi(browser, server.url, demo('isam'), demoPassword);
    // The report page is about the organisation where one holds the role: the kommun, and so everything below it.
    await isam.goto(`${server.url}/ledningens-genomgang`);
    await isam.getByTestId('duties-current').waitFor();
    expect(await isam.getByTestId('duties-current').textContent()).toContain('åtskilda roller krävs');
    expect(await isam.getByRole('checkbox', { name: /Kräv åtskilda roller/ }).count()).toBe(0);
    await isam.close();

    const admin = await loginInUi(browser, server.url, 'admin@sigill.local', adminPassword);
    await admin.goto(`${server.url}/ledningens-genomgang`);
    const toggle = admin.getByRole('checkbox', { name: /Kräv åtskilda roller/ });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await admin.getByRole('button', { name: 'Spara inställningen' }).click();
    await admin.getByText('Sparat. Samma person får nu förbereda och fatta beslutet.').waitFor();
    expect(await admin.getByTestId('duties-current').textContent()).toContain('samma person får förbereda');
    await expectAccessible(admin);
    const api = await new HttpClient(server.url).login('admin@sigill.local', adminPassword);
    const { organisations } = await api.request<{ organisations: { name: string; separationOfDuties: boolean }[] }>('GET', '/api/organisations');
    expect(organisations.find((entry) => entry.name === 'Exempelkommun')!.separationOfDuties).toBe(false);
    await admin.close();
  }, 60_000);
});
