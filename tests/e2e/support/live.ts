import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type HttpClient, type Kommun, userPassword } from './http-setup';
import { question } from './survey-fill';
import { loginInUi } from './ui';

/** Someone at the workshop: their browser page and their own API client. */
export interface Participant {
  name: string;
  page: Page;
}

/** Another objektledare in the kommun's förvaltning. */
export async function addObjektledare(kommun: Kommun, name: string, email: string): Promise<{ email: string; password: string }> {
  await kommun.admin.request('POST', `/api/organisations/${kommun.forvaltningId}/members`, { email, name, password: userPassword, role: 'objektledare' });
  return { email, password: userPassword };
}

export async function newClassification(client: HttpClient, organisationId: string, name: string): Promise<string> {
  const asset = await client.request<{ id: string }>('POST', '/api/assets', { organisationId, name, type: 'system' });
  return (await client.request<{ id: string }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' })).id;
}

/** Logs in in a browser context of its own and opens the assessment, ready for typing. */
export async function join(browser: Browser, url: string, user: { email: string; password: string }, name: string, assessmentId: string): Promise<Participant> {
  const page = await loginInUi(browser, url, user.email, user.password);
  await page.goto(`${url}/bedomningar/${assessmentId}`);
  await question(page, 'objekt_namn').waitFor();
  await expect.poll(() => page.getByTestId('present-person').filter({ hasText: name }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return { name, page };
}

/** The text of a question's input as this browser shows it now. */
export function inputOf(page: Page, name: string): Promise<string> {
  return question(page, name).locator('input, textarea').first().inputValue();
}

/** The first column's text of each row of a matrixdynamic, in order, as this browser shows it. */
export async function rowTexts(page: Page, list: string): Promise<string[]> {
  const rows = question(page, list).locator('tbody tr');
  const count = await rows.count();
  const texts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const input = rows.nth(index).locator('input[type=text], input:not([type])').first();
    if ((await input.count()) > 0) texts.push(await input.inputValue());
  }
  return texts;
}

/** Waits until a browser has nothing on its way to the server. */
export async function settled(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const state = await page.getByTestId('save-status').getAttribute('data-state');
      // A conflict never settles by waiting: report what it is about.
      if (state === 'conflict') return `conflict: ${await page.getByTestId('conflict-panel').textContent()}`;
      return state;
    }, { timeout: 20_000 })
    .toMatch(/^(saved|idle)$/);
}
