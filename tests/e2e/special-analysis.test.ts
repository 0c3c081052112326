import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetInput } from '../support/org-fixture';
import { levelFourAnswers } from '../support/sakerhet-fixture';
import { launchChromium } from './support/chromium';
import { HttpClient } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

const demoPassword = 'sigill-demo-2026';
const demo = (user: string) => `${user}@exempelkommun.se`;

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

describe('säkerhetsskydd: the särskild analys step in the sign-off panel', () => {
  it('the säkerhetsskyddschef finds the level-4 classification in Att göra and records where the analysis is kept', async () => {
    const client = await new HttpClient(server.url).login(demo('objektledare.social'), demoPassword);
    const me = await client.request<{ memberships: { organisationId: string }[] }>('GET', '/api/auth/me');
    const asset = await client.request<{ id: string }>('POST', '/api/assets', assetInput(me.memberships[0]!.organisationId, { name: 'Ledningssystem för räddningstjänsten' }));
    const started = await client.request<{ id: string; revision: number }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' });
    await client.request('PUT', `/api/assessments/${started.id}/answers`, { baseRevision: started.revision, answers: levelFourAnswers() });
    await client.request('POST', `/api/assessments/${started.id}/submit`);

    const page = await loginInUi(browser, server.url, demo('sakerhetsskyddschef'), demoPassword);
    await page.goto(`${server.url}/att-gora`);
    const todo = page.getByTestId('todo-approvals');
    await expect.poll(() => todo.textContent(), { timeout: 10_000 }).toContain('Särskild analys att registrera');
    await todo.getByRole('link', { name: 'Ledningssystem för räddningstjänsten' }).click();

    const step = page.getByTestId('special-analysis-step');
    await expect.poll(() => step.textContent(), { timeout: 10_000 }).toContain('Väntar på säkerhetsskyddschefen');
    await step.getByRole('button', { name: 'Registrera var analysen förvaras' }).click();
    // Nothing given: the form says so and keeps the focus on the field.
    await step.getByRole('button', { name: 'Registrera', exact: true }).click();
    await step.getByText('Ange var analysen förvaras.').waitFor();
    await expectAccessible(page);
    await page.keyboard.type('SÄK 2026-14');
    await step.getByRole('button', { name: 'Registrera', exact: true }).click();
    await expect.poll(() => page.getByTestId('special-analysis-status').textContent(), { timeout: 10_000 }).toContain('Analysen förvaras: SÄK 2026-14');
    await expectAccessible(page);
    await page.close();
  });
});
