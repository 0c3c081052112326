import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { adminPassword, type Kommun, seedKommun, userPassword } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { goToPage, question } from './support/survey-fill';
import { expectAccessible, loginInUi, savedState } from './support/ui';

/**
 * The workshop as a room uses it (issue 14): on a 1280×720 projector with large text and on a
 * 1440×900 screen, nothing scrolls sideways and every consequence level is on screen; the
 * keyboard answers a matrix with arrows, Space and Tab; a granskare gets no edit control.
 */

const fixture = JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> };
const referenceDir = 'tests/e2e/reference';

let server: RunningServer;
let browser: Browser;
let kommun: Kommun;
let assetId = '';
let assessmentId = '';
const granskare = { email: 'granskare@kommun.test', password: userPassword };

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword });
  kommun = await seedKommun(server.url);
  await kommun.admin.request('POST', `/api/organisations/${kommun.forvaltningId}/members`, { email: granskare.email, name: 'Greta Granskare', password: userPassword, role: 'granskare' });
  const client = kommun.objektledare.client;
  const asset = await client.request<{ id: string }>('POST', '/api/assets', {
    organisationId: kommun.forvaltningId,
    name: 'Ekonomisystemet',
    type: 'system',
    suppliers: ['Leverantören AB'],
    hosting: 'kommunens_it',
  });
  assetId = asset.id;
  const started = await client.request<{ id: string; revision: number }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' });
  assessmentId = started.id;
  const answers = {
    ...fixture.answers,
    integrationer: [{ system: 'Lönesystemet Personec', riktning: 'ut', beskrivning: 'Utbetalningar och konteringar varje natt' }],
  };
  await client.request('PUT', `/api/assessments/${assessmentId}/answers`, { baseRevision: started.revision, answers });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Overflow {
  sideways: string[];
  offScreenLevels: number;
  levels: number;
}

/** Every matrix and table container, and the page itself, fits its width; every level lies within the viewport. */
function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const sideways: string[] = [];
    // A text field in a dynamic table counts too: a value cut off there is as unreadable as one scrolled away.
    const containers = document.querySelectorAll<HTMLElement>('[data-testid=consequence-matrix], .sd-table-wrapper, .sd-table, .table-fit, table, .sd-matrixdynamic input');
    for (const element of containers) {
      if (element.scrollWidth <= element.clientWidth + 1) continue;
      // Name what sticks out, so a failure says where to look.
      const right = element.getBoundingClientRect().right;
      const outside = [...element.querySelectorAll('*')].filter((inner) => inner.getBoundingClientRect().right > right + 1).slice(0, 2);
      const names = outside.map((inner) => `${inner.tagName.toLowerCase()}.${inner.className}`).join(', ');
      sideways.push(`${element.tagName.toLowerCase()}.${element.className} ${element.scrollWidth}>${element.clientWidth} (${names})`);
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) sideways.push(`page ${root.scrollWidth}>${root.clientWidth}`);
    const levels = [...document.querySelectorAll<HTMLElement>('[data-testid=consequence-matrix] [role=radio]')];
    const offScreenLevels = levels.filter((level) => {
      const box = level.getBoundingClientRect();
      return box.left < 0 || box.right > window.innerWidth || box.width < 40;
    }).length;
    return { sideways, offScreenLevels, levels: levels.length };
  });
}

const viewports = [
  { name: '1280x720-large-text', width: 1280, height: 720, largeText: true },
  { name: '1440x900', width: 1440, height: 900, largeText: false },
];

describe.each(viewports)('the workshop and the plan at $name', (viewport) => {
  let page: Page;

  beforeAll(async () => {
    page = await loginInUi(browser, server.url, kommun.objektledare.email, kommun.objektledare.password);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const largeText = page.getByRole('button', { name: 'Stor text' });
    if ((await largeText.getAttribute('aria-pressed')) !== String(viewport.largeText)) await largeText.click();
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows the object page with its tables fitting the width', async () => {
    await page.goto(`${server.url}/bedomningar/${assessmentId}`);
    await question(page, 'leverantorer').waitFor();
    await question(page, 'integrationer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${referenceDir}/workshop-object-${viewport.name}.png` });
    expect(await overflow(page)).toMatchObject({ sideways: [] });
    // The last table's dropdown is not covered by the sticky bar: its top edge is below the bar.
    const bar = await page.locator('.workshop-bar').boundingBox();
    const dropdown = await question(page, 'integrationer').locator('.sd-dropdown, select, input').first().boundingBox();
    expect(dropdown!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
    await expectAccessible(page);
  });

  it('shows all five levels of every consequence matrix, none scrolling sideways', async () => {
    await goToPage(page, 'Informationsmängder och konsekvenser');
    const matrices = page.locator('[data-name^="konsekvens_"]');
    await matrices.first().waitFor();
    // SurveyJS renders questions below the fold lazily: bring each into view before measuring.
    const count = await matrices.count();
    expect(count).toBe(2 * 4);
    for (let index = 0; index < count; index += 1) {
      await matrices.nth(index).scrollIntoViewIfNeeded();
      const found = await overflow(page);
      expect(found.sideways).toEqual([]);
      expect(found.offScreenLevels).toBe(0);
    }
    expect((await overflow(page)).levels).toBe(count * 7 * 5);
    await matrices.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${referenceDir}/workshop-matrix-${viewport.name}.png` });
    await expectAccessible(page);
  });

  it('shows the chosen level with a mark, not only a colour', async () => {
    const chosen = page.locator('[data-name="konsekvens_k"] [role=radio][aria-checked=true]').first();
    expect(await chosen.locator('.consequence-mark').textContent()).toBe('✓');
    const notChosen = page.locator('[data-name="konsekvens_k"] [role=radio][aria-checked=false]').first();
    expect(await notChosen.locator('.consequence-mark').textContent()).toBe('');
    const borders = await Promise.all([chosen, notChosen].map((cell) => cell.evaluate((element) => getComputedStyle(element).borderTopWidth)));
    expect(parseFloat(borders[0]!)).toBeGreaterThan(parseFloat(borders[1]!));
  });

  it('shows the plan with no table scrolling sideways', async () => {
    await page.goto(`${server.url}/tillgangar/${assetId}/handlingsplan`);
    await page.getByTestId('plan-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${referenceDir}/plan-${viewport.name}.png` });
    expect(await overflow(page)).toMatchObject({ sideways: [] });
    await expectAccessible(page);
  });
});

/** Levels by column index: 0–3 are niva-0…niva-3, 4 is "Ej relevant" (none of these needs a motivation). */
const columns = ['niva-0', 'niva-1', 'niva-2', 'niva-3', 'ej-relevant'];
const areas = ['verksamhet', 'ekonomi', 'enskild-individ', 'liv-och-halsa', 'fortroende', 'lag-och-avtal', 'annan-part'];
const keyboardAnswers: Record<string, number[]> = {
  k: [0, 0, 1, 1, 0, 0, 4],
  r: [1, 1, 1, 0, 0, 1, 1],
  t: [0, 0, 0, 0, 1, 1, 1],
  s: [1, 1, 0, 0, 0, 0, 4],
};

const tabsInto: Record<string, number> = { k: 1, r: 2, t: 3, s: 2 };

describe('the keyboard in a workshop', () => {
  it('answers a whole informationsmängd with arrows, Space and Tab, at most 12 presses per aspect', async () => {
    const client = kommun.objektledare.client;
    const asset = await client.request<{ id: string }>('POST', '/api/assets', { organisationId: kommun.forvaltningId, name: 'Lönesystemet', type: 'system' });
    const started = await client.request<{ id: string; revision: number }>('POST', `/api/assets/${asset.id}/assessments`, { kind: 'classification' });
    await client.request('PUT', `/api/assessments/${started.id}/answers`, { baseRevision: started.revision, answers: { informationsmangder: [{ namn: 'Löneunderlag' }] } });
    const page = await loginInUi(browser, server.url, kommun.objektledare.email, kommun.objektledare.password);
    await page.goto(`${server.url}/bedomningar/${started.id}`);
    await page.locator('.sd-root-modern').waitFor();
    await goToPage(page, 'Informationsmängder och konsekvenser');
    // After a page change the focus is on the new page's heading, not on the button that was pressed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sd-page__title') ?? false)).toBe(true);

    // Start on the last choice of the OSL question, the control just before the K matrix.
    await question(page, 'offentlighetsprovad').locator('input').last().focus();
    const presses: Record<string, number> = {};
    for (const aspect of Object.keys(keyboardAnswers)) {
      let count = 0;
      const press = async (key: string) => {
        count += 1;
        await page.keyboard.press(key);
      };
      // Into the matrix: one Tab from the control before it, past the motivation of the matrix before,
      // and before T also past the question of when an outage hurts most.
      for (let tab = 0; tab < tabsInto[aspect]!; tab += 1) await press('Tab');
      const focusedIn = await page.evaluate(() => document.activeElement?.closest('[data-name]')?.getAttribute('data-name'));
      expect(focusedIn).toBe(`konsekvens_${aspect}`);
      let column = 0;
      for (const target of keyboardAnswers[aspect]!) {
        // The shorter way round: the levels wrap.
        const right = (target - column + columns.length) % columns.length;
        const steps = right <= columns.length - right ? Array(right).fill('ArrowRight') : Array(columns.length - right).fill('ArrowLeft');
        for (const key of steps) await press(key as string);
        await press('Space');
        column = target;
      }
      presses[aspect] = count;
    }
    expect(Math.max(...Object.values(presses))).toBeLessThanOrEqual(12);
    await savedState(page);
    const saved = await client.request<{ answers: { informationsmangder: Record<string, Record<string, string>>[] } }>('GET', `/api/assessments/${started.id}`);
    for (const [aspect, levels] of Object.entries(keyboardAnswers)) {
      expect(saved.answers.informationsmangder[0]![`konsekvens_${aspect}`]).toEqual(Object.fromEntries(areas.map((area, index) => [area, columns[levels[index]!]])));
    }
    await page.close();
  });
});

describe('read-only is read-only', () => {
  it('shows a granskare a draft with no edit control, and says so in Swedish', async () => {
    const page = await loginInUi(browser, server.url, granskare.email, granskare.password);
    await page.goto(`${server.url}/bedomningar/${assessmentId}`);
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('read-only').textContent()).toBe('Du kan läsa bedömningen men inte ändra den.');
    for (const title of ['Klassningsobjektet', 'Informationsmängder och konsekvenser']) {
      await goToPage(page, title);
      await page.locator('.sd-page__title').first().waitFor();
      const editable = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.workshop-form input, .workshop-form textarea, .workshop-form select, .workshop-form [role=radio]')]
          .filter((element) => {
            if (element.getAttribute('role') === 'radio') return element.getAttribute('aria-disabled') !== 'true';
            const field = element as HTMLInputElement;
            return !field.disabled && !field.readOnly;
          })
          .map((element) => element.outerHTML.slice(0, 120)),
      );
      expect(editable).toEqual([]);
      expect(await page.getByRole('button', { name: /Lägg till/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Ta bort/ }).count()).toBe(0);
    }
    expect(await page.getByTestId('save-status').count()).toBe(0);
    await expectAccessible(page);
    await page.close();
  });

  it('answers /tillgangar/ny and …/redigera with "Du har inte behörighet" to a granskare, with no form', async () => {
    const page = await loginInUi(browser, server.url, granskare.email, granskare.password);
    expect(await page.getByRole('link', { name: 'Ny informationstillgång' }).count()).toBe(0);
    for (const path of ['/tillgangar/ny', `/tillgangar/${assetId}/redigera`]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Du har inte behörighet' }).waitFor();
      expect(await page.locator('form, input, textarea, select').count()).toBe(0);
      await expectAccessible(page);
    }
    await page.goto(`${server.url}/tillgangar/${assetId}`);
    await page.getByRole('heading', { level: 1, name: 'Ekonomisystemet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Redigera' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Starta/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Fortsätt klassningen' }).count()).toBe(0);
    await page.close();
  });
});

describe('the asset page with a classification open', () => {
  it('offers "Fortsätt klassningen" as its main action and no new round', async () => {
    const page = await loginInUi(browser, server.url, kommun.objektledare.email, kommun.objektledare.password);
    await page.goto(`${server.url}/tillgangar/${assetId}`);
    const next = page.getByRole('link', { name: 'Fortsätt klassningen' });
    await next.waitFor();
    expect(await next.getAttribute('class')).toContain('primary');
    expect(await page.getByRole('button', { name: /Starta ny klassningsomgång|Starta klassning/ }).count()).toBe(0);
    await next.click();
    await page.waitForURL(`**/bedomningar/${assessmentId}`);
    await page.close();
  });
});
