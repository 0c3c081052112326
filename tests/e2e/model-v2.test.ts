import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { launchChromium } from './support/chromium';
import { type RunningServer, startServer } from './support/server-process';
import { goToPage } from './support/survey-fill';
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

async function pageAs(email: string): Promise<Page> {
  return loginInUi(browser, server.url, email, demoPassword);
}

describe('a workshop on version 2 of the classification model', () => {
  it('shows the economic thresholds in kronor for the owner once the ISAM has entered its budget', async () => {
    const isam = await pageAs(`isam@${demoDomain}`);
    await isam.goto(`${server.url}/ledningens-genomgang`);
    await isam.locator('#budget-organisation').selectOption({ label: 'Socialförvaltningen' });
    await isam.getByLabel('Årsbudget i kronor (tomt: inte angiven)').fill('1 200 000 000');
    await isam.getByRole('button', { name: 'Spara årsbudget' }).click();
    await isam.getByText('Angiven årsbudget: 1 200 000 000 kr.').waitFor();
    await expectAccessible(isam);

    const objektledare = await pageAs(`objektledare.social@${demoDomain}`);
    const assessmentId = await objektledare.evaluate(async () => {
      const csrf = ((await (await fetch('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
      const organisations = ((await (await fetch('/api/organisations')).json()) as { organisations: { id: string; name: string }[] }).organisations;
      const social = organisations.find((organisation) => organisation.name === 'Socialförvaltningen')!;
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
      const asset = await (await fetch('/api/assets', { method: 'POST', headers, body: JSON.stringify({ organisationId: social.id, name: 'Färdtjänst', type: 'system' }) })).json();
      const started = await (await fetch(`/api/assets/${(asset as { id: string }).id}/assessments`, { method: 'POST', headers, body: JSON.stringify({ kind: 'classification' }) })).json();
      return (started as { id: string }).id;
    });
    await objektledare.goto(`${server.url}/bedomningar/${assessmentId}`);
    const thresholds = objektledare.getByTestId('economy-thresholds');
    await thresholds.getByText('Ekonomi räknas mot årsbudgeten för Socialförvaltningen: 1 200 000 000 kr.').waitFor();
    // Swedish number formatting groups digits with no-break spaces.
    expect((await thresholds.locator('li').allTextContents()).map((line) => line.replaceAll('\u00a0', ' '))).toEqual([
      'Nivå 1 från 0,01 % = 120 000 kr',
      'Nivå 2 från 0,1 % = 1 200 000 kr',
      'Nivå 3 från 1 % = 12 000 000 kr',
    ]);
    // The result shows what each level of an aspect would add to the plan.
    const costs = objektledare.locator('.level-costs').first();
    await expect.poll(() => costs.textContent()).toMatch(/^Vad nivån kostar i krav: nivå 0: \d+ krav · nivå 1: \+\d+ · nivå 2: \+\d+ · nivå 3: \+\d+$/);
    await goToPage(objektledare, 'Informationsmängder och konsekvenser');
    const availability = objektledare.locator('[data-name="konsekvens_t"]').first();
    await availability.scrollIntoViewIfNeeded();
    await expect.poll(() => availability.textContent()).toContain('Hur snart gör det verklig skada');
    expect(await availability.textContent()).toContain('3 Allvarlig – skada inom timmar');
    expect(await availability.textContent()).toContain('Typiskt för T3: trygghetslarm');
    await expectAccessible(objektledare);
  }, 90_000);
});
