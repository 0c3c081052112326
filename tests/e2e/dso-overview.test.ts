import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetInput } from '../support/org-fixture';
import { launchChromium } from './support/chromium';
import { HttpClient } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';
import { hemtjanstAuthorAnswers } from '../support/hemtjanst-fixture';

/** Issue 17: the dataskyddsombud's overview of screenings and DPIAs, and the DPIA column and filters of the inventory. */

const demoPassword = 'sigill-demo-2026';
const demo = (user: string) => `${user}@exempelkommun.se`;
const dpiaAnswers = hemtjanstAuthorAnswers();

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

describe("the DSO's overview", () => {
  it('leads from Att göra to the counts, and from a count to the inventory filtered on it, by keyboard', async () => {
    // A DPIA sent for review: it waits for the DSO's advice.
    const client = await new HttpClient(server.url).login(demo('objektledare.social'), demoPassword);
    const me = await client.request<{ memberships: { organisationId: string }[] }>('GET', '/api/auth/me');
    const asset = await client.request<{ id: string }>('POST', '/api/assets', assetInput(me.memberships[0]!.organisationId, { name: 'Trygghetslarm i hemtjänsten' }));
    const dpia = await client.request<{ id: string; revision: number }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'dpia' });
    await client.request('PUT', `/api/assessments/${dpia.id}/answers`, { baseRevision: dpia.revision, answers: dpiaAnswers });
    await client.request('POST', `/api/assessments/${dpia.id}/submit`);

    const page = await loginInUi(browser, server.url, demo('dso'), demoPassword);
    await page.goto(`${server.url}/att-gora`);
    const toOverview = page.getByRole('link', { name: 'Översikt över förhandsbedömningar och konsekvensbedömningar' });
    await toOverview.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dataskydd: förhandsbedömningar och konsekvensbedömningar' }).waitFor();

    const dpias = page.getByTestId('dso-dpias');
    const waitingRow = dpias.getByRole('row', { name: /Väntar på dataskyddsombudets råd/ });
    await expect.poll(() => waitingRow.textContent(), { timeout: 10_000 }).toMatch(/[1-9]\d* – visa i inventariet/);
    const assets = page.getByTestId('dso-assets');
    const listed = assets.getByRole('row', { name: /Trygghetslarm i hemtjänsten/ });
    expect(await listed.textContent()).toContain('Väntar på dataskyddsombudets råd');
    expect(await listed.getByRole('link', { name: 'Väntar på dataskyddsombudets råd' }).getAttribute('href')).toBe(`/bedomningar/${dpia.id}`);
    // No internal id or key is shown.
    expect(await page.locator('main').textContent()).not.toMatch(/vantar-dso-rad|ej-screenad|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectAccessible(page);

    await waitingRow.getByRole('link').focus();
    await page.keyboard.press('Enter');
    const table = page.getByTestId('inventory-table');
    await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain('Trygghetslarm i hemtjänsten');
    expect(await page.getByLabel('Konsekvensbedömning').inputValue()).toBe('vantar-dso-rad');
    const row = table.getByRole('row', { name: /Trygghetslarm i hemtjänsten/ });
    expect(await row.textContent()).toContain('Konsekvensbedömning: Väntar på dataskyddsombudets råd');
    // Every listed asset waits for the DSO's advice: the filter holds.
    for (const text of await table.locator('tbody tr').allTextContents()) expect(text).toContain('Väntar på dataskyddsombudets råd');
    await expectAccessible(page);

    // The other filter narrows further: the new asset has no screening, so it leaves the list when one is asked for.
    await page.getByLabel('Förhandsbedömning').selectOption('kravs');
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 10_000 }).not.toContain('Trygghetslarm i hemtjänsten');
    await page.getByLabel('Förhandsbedömning').selectOption('ej-screenad');
    await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain('Trygghetslarm i hemtjänsten');

    // In English, the same overview in English words.
    await page.getByRole('link', { name: 'Dataskydd', exact: true }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Data protection: screenings and impact assessments' }).waitFor();
    await expect.poll(() => page.getByTestId('dso-dpias').textContent(), { timeout: 10_000 }).toContain("Awaiting the data protection officer's advice");
    await expectAccessible(page);
    await page.close();
  });
});
