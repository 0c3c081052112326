import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { startTsaServer, type TsaServer } from '../support/tsa-server';
import { launchChromium } from './support/chromium';
import { adminPassword, HttpClient, seedKommun, userPassword } from './support/http-setup';
import { expectAccessible, loginInUi } from './support/ui';

/**
 * Issue 18.2 in the browser: with the time-stamping authority down the decision is sealed without
 * a timestamp and the protocol says "tidsstämpel saknas"; when the authority answers again the
 * beslutsfattare's retry adds it and the list shows its time and authority. The authority is
 * openssl ts behind HTTP on a free port; the app is in-process so the test can switch it off.
 */
let tsa: TsaServer;
let testApp: TestApp;
let server: ServerType;
let url: string;
let browser: Browser;

beforeAll(async () => {
  tsa = await startTsaServer();
  testApp = await createTestApp({ SIGILL_ADMIN_PASSWORD: adminPassword, SIGILL_TSA_URL: tsa.url, SIGILL_TSA_TIMEOUT_SECONDS: '5' });
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: testApp.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await testApp?.close();
  await tsa?.close();
});

describe('a protocol sealed while the time-stamping authority is down', () => {
  it('shows "tidsstämpel saknas", and the time and authority once the retry has added it', async () => {
    const kommun = await seedKommun(url);
    await kommun.admin.request('POST', `/api/organisations/${kommun.forvaltningId}/members`, { email: 'beslut@kommun.test', name: 'Beslutsfattare', password: userPassword, role: 'beslutsfattare' });
    const decider = await new HttpClient(url).login('beslut@kommun.test', userPassword);
    const author = kommun.objektledare.client;
    const asset = await author.request<{ id: string }>('POST', '/api/assets', { organisationId: kommun.forvaltningId, name: 'Ekonomisystemet', type: 'system' });
    const { id } = await author.request<{ id: string }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' });
    const answers = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
    await author.request('PUT', `/api/assessments/${id}/answers`, { baseRevision: 0, answers });
    await author.request('POST', `/api/assessments/${id}/submit`);
    tsa.down = true;
    const decided = await decider.request<{ protocolStatus: string }>('POST', `/api/assessments/${id}/decide`, { statement: 'Klassningen fastställs.' });
    expect(decided.protocolStatus).toBe('sealed');

    const page = await loginInUi(browser, url, 'beslut@kommun.test', userPassword);
    await page.goto(`${url}/bedomningar/${id}`);
    await page.getByTestId('protocol-timestamp-missing').getByText('tidsstämpel saknas').waitFor();
    await expectAccessible(page);
    // Still down: the retry says so and the state stays.
    await page.getByRole('button', { name: 'Tidsstämpla nu' }).click();
    await page.getByRole('alert').getByText('Tidsstämpeltjänsten svarar fortfarande inte').waitFor();
    tsa.down = false;
    await page.getByRole('button', { name: 'Tidsstämpla nu' }).click();
    const stamped = page.getByTestId('protocol-timestamp');
    await stamped.waitFor({ timeout: 30_000 });
    expect(await stamped.textContent()).toMatch(/^tidsstämplad .+ av C=SE, O=Test-TSA, CN=Test-TSA tidsstämpel$/);
    expect(await page.getByTestId('protocol-timestamp-missing').count()).toBe(0);
    await expectAccessible(page);
    await page.close();
  }, 120_000);
});
