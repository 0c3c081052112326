import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { adminPassword, type Kommun, seedKommun } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { goToPage, question } from './support/survey-fill';
import { loginInUi } from './support/ui';

/**
 * The answers lost in the long workshop run (issue 14): a panel's name and an integration's text,
 * typed and shown, gone after a reload with no conflict and only "1 obligatoriska svar saknas".
 * SurveyJS keeps typed text in the input until the input loses focus (textUpdateMode onBlur), so
 * the autosave never heard of it; a reload, a closed tab or the projector laptop switching
 * assessment while the cursor was still in the field dropped it silently, and beforeunload did
 * not even warn because nothing was "unsaved". Targeted reruns tabbed out of each field, which
 * commits it, and so never reproduced it.
 */

let server: RunningServer;
let browser: Browser;
let kommun: Kommun;

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword });
  kommun = await seedKommun(server.url);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The values of the inputs there now, without waiting for any to appear (a lost row has none). */
function inputValues(inputs: Locator): Promise<string[]> {
  return inputs.evaluateAll((elements) => elements.map((element) => (element as HTMLInputElement).value));
}

describe('text typed just before a reload', () => {
  it('keeps an integration’s text and an informationsmängd’s name typed with the cursor still in the field', async () => {
    const asset = await kommun.objektledare.client.request<{ id: string }>('POST', '/api/assets', { organisationId: kommun.forvaltningId, name: 'Långa körningen', type: 'system' });
    const { id } = await kommun.objektledare.client.request<{ id: string }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' });
    const page = await loginInUi(browser, server.url, kommun.objektledare.email, kommun.objektledare.password);
    await page.goto(`${server.url}/bedomningar/${id}`);
    const integrations = question(page, 'integrationer');
    await integrations.scrollIntoViewIfNeeded();
    await integrations.getByRole('button', { name: 'Lägg till integration' }).click();
    await integrations.locator('tbody tr').last().locator('input').first().fill('Lönesystemet');
    await page.reload();
    await question(page, 'integrationer').scrollIntoViewIfNeeded();
    await expect.poll(() => inputValues(question(page, 'integrationer').locator('tbody tr input[type=text], tbody tr input:not([type])')), { timeout: 10_000 }).toContain('Lönesystemet');

    await goToPage(page, 'Informationsmängder och konsekvenser');
    const name = question(page.locator('.sd-paneldynamic__panel-wrapper').first(), 'namn').locator('input');
    await name.fill('Löneuppgifter');
    await page.reload();
    await goToPage(page, 'Informationsmängder och konsekvenser');
    await expect.poll(() => inputValues(question(page.locator('.sd-paneldynamic__panel-wrapper').first(), 'namn').locator('input')), { timeout: 10_000 }).toEqual(['Löneuppgifter']);
    await expect
      .poll(async () => {
        const { answers } = await kommun.objektledare.client.request<{ answers: { integrationer?: { system?: string }[]; informationsmangder?: { namn?: string }[] } }>('GET', `/api/assessments/${id}`);
        return [answers.integrationer?.[0]?.system, answers.informationsmangder?.[0]?.namn];
      }, { timeout: 10_000 })
      .toEqual(['Lönesystemet', 'Löneuppgifter']);
    await page.close();
  });
});
