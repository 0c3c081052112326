import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealed, selfSignedSeal, withRedBoxOnFirstPage } from '../support/pdf-forgery';
import { launchChromium } from './support/chromium';
import { adminPassword, HttpClient, type Kommun, seedKommun, userPassword } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible } from './support/ui';

/**
 * Finding 1 of issue 13 in the browser: a genuine protocol with a red box drawn by an incremental
 * update and sealed again by a look-alike of the development seal is not shown as valid (nor
 * green) on /verifiera; a stranger's valid re-seal is an amber warning with an icon and words.
 */

const classificationAnswers = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let server: RunningServer;
let browser: Browser;
let kommun: Kommun;
let genuine: Buffer;

/** The sealed protocol as a reader downloads it, with a session of its own. */
async function download(email: string, path: string): Promise<Buffer> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: userPassword }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword });
  browser = await launchChromium();
  kommun = await seedKommun(server.url);
  const deciderEmail = 'beslutsfattare@kommun.test';
  await kommun.admin.request('POST', `/api/organisations/${kommun.forvaltningId}/members`, { email: deciderEmail, name: 'Bo Beslutsfattare', password: userPassword, role: 'beslutsfattare' });
  const decider = await new HttpClient(server.url).login(deciderEmail, userPassword);
  const client = kommun.objektledare.client;
  const asset = await client.request<{ id: string }>('POST', '/api/assets', {
    organisationId: kommun.forvaltningId, name: 'Ekonomisystemet', type: 'system', description: 'Ekonomi', suppliers: [], hosting: 'kommunens_it', tags: [],
  });
  const assessment = await client.request<{ id: string; revision: number }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' });
  await client.request('PUT', `/api/assessments/${assessment.id}/answers`, { baseRevision: assessment.revision, answers: classificationAnswers });
  await client.request('POST', `/api/assessments/${assessment.id}/submit`);
  await client.request('POST', `/api/assessments/${assessment.id}/ready`, { statement: 'Klar för beslut.' });
  await decider.request('POST', `/api/assessments/${assessment.id}/decide`, { statement: 'Jag fastställer klassningen.' });
  genuine = await download(kommun.objektledare.email, `/api/assessments/${assessment.id}/protocol.pdf`);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function verifyInPage(page: Page, name: string, pdf: Buffer): Promise<string | null> {
  await page.getByLabel('PDF-fil att verifiera').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
  const result = page.getByTestId('verify-result');
  await result.waitFor();
  return result.getAttribute('data-verdict');
}

/** The verdict box's background, as the reader sees it. */
function background(page: Page): Promise<string> {
  return page.getByTestId('verdict').evaluate((element) => getComputedStyle(element).backgroundColor);
}

describe('/verifiera against a forged re-seal', () => {
  it('shows the forgery as modified, not green, and lists both signatures with the stranger untrusted', async () => {
    const lookAlike = selfSignedSeal('/C=SE/O=Kommunen/CN=Kommunen – Sigill utvecklingssigill');
    const forged = await resealed(withRedBoxOnFirstPage(genuine), lookAlike);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/verifiera`);
    await page.getByRole('heading', { level: 1, name: 'Verifiera ett protokoll' }).waitFor();

    expect(await verifyInPage(page, 'protokoll.pdf', genuine)).toBe('valid');
    const green = await background(page);
    await page.getByRole('button', { name: 'Verifiera en annan fil' }).click();

    expect(await verifyInPage(page, 'forfalskat.pdf', forged)).toBe('modified');
    expect(await page.getByTestId('verdict').textContent()).toContain('Ändrad');
    expect(await page.getByTestId('verdict').textContent()).not.toContain('Giltig');
    expect(await background(page)).not.toBe(green);
    expect(await page.getByTestId('problems').textContent()).toContain('Revision 3 ändrar sida 1.');
    const signatures = page.getByTestId('signature');
    expect(await signatures.count()).toBe(2);
    expect(await signatures.nth(0).getAttribute('data-trust')).toBe('this-installation');
    expect(await signatures.nth(1).getAttribute('data-trust')).toBe('unknown');
    expect(await signatures.nth(1).getByTestId('signature-trust').textContent()).toContain('Nej, okänd utfärdare');
    expect(await page.getByTestId('updates').textContent()).toContain('Revision 4: ');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Verifiera en annan fil' }).click();
    expect(await verifyInPage(page, 'omforseglat.pdf', await resealed(genuine, lookAlike))).toBe('untrusted');
    const verdict = page.getByTestId('verdict');
    expect(await verdict.textContent()).toContain('⚠');
    expect(await verdict.textContent()).toContain('Giltig signatur, okänd utfärdare');
    expect(await background(page)).not.toBe(green);
    await expectAccessible(page);
    await context.close();
  });
});
