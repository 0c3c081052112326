import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActionPlan } from '../../scoring/classification/action-plan';
import { classify } from '../../scoring/classification/classify';
import type { ClassificationModel } from '../../scoring/content/classification-model';
import type { QuestionnaireFile } from '../../scoring/content/form-file';
import type { LagrumFile } from '../../scoring/content/lagrum-list';
import type { RequirementCatalog } from '../../scoring/content/requirement-catalog';
import { launchChromium } from './support/chromium';
import { adminPassword, type Kommun, seedKommun } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { choose, fillText, goToPage, question, rate, tick } from './support/survey-fill';
import { expectAccessible, loginInUi, savedState } from './support/ui';

const fixture = JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as {
  answers: { informationsmangder: Record<string, unknown>[]; lagrum: string[] } & Record<string, unknown>;
  expected: { profile: string };
};
const readForm = <T,>(id: string) => JSON.parse(fs.readFileSync(`forms/${id}/v1.json`, 'utf8')) as T;

let server: RunningServer;
let browser: Browser;
let kommun: Kommun;
let page: Page;
let assessmentUrl = '';

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword });
  kommun = await seedKommun(server.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The answers the test types: the fixture's object, its two informationsmängder and its lagrum. */
function typedAnswers(): Record<string, unknown> {
  const { answers } = fixture;
  return {
    objekt_namn: answers['objekt_namn'],
    objekt_typ: answers['objekt_typ'],
    objekt_beskrivning: answers['objekt_beskrivning'],
    informationsmangder: answers.informationsmangder.map((set) => {
      const typed: Record<string, unknown> = {};
      for (const key of ['namn', 'personuppgifter', 'konsekvens_k', 'konsekvens_r', 'konsekvens_t', 'konsekvens_s', 'motivering_r', 'motivering_t', 'motivering_s']) {
        if (set[key] !== undefined) typed[key] = set[key];
      }
      return typed;
    }),
    lagrum: answers.lagrum,
  };
}

describe('an objektledare runs a classification workshop in Chromium', () => {
  it('logs in to an empty inventory that says what to do, in Swedish, accessibly', async () => {
    page = await loginInUi(browser, server.url, kommun.objektledare.email, kommun.objektledare.password);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByText('Inga informationstillgångar är registrerade än').waitFor();
    await expectAccessible(page);
  });

  it('registers an asset with the form and lands on its page', async () => {
    await page.getByRole('link', { name: 'Ny informationstillgång' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera en informationstillgång' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Namn (obligatorisk)').fill('Ekonomisystemet');
    await page.getByLabel('Beskrivning').fill('Redovisning, leverantörsfakturor och utbetalningar.');
    await page.getByLabel('Informationsägare').fill('Ekonomichefen');
    await page.getByLabel('Drift').selectOption('kommunens_it');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ekonomisystemet' }).waitFor();
    expect(await page.locator('.badge.status').first().textContent()).toContain('Ej klassad');
    await expectAccessible(page);
  });

  it('answers two informationsmängder, lagrum and motivations, and sees the expected profile live and saved', async () => {
    await page.getByRole('button', { name: 'Starta klassning' }).click();
    await page.locator('.sd-root-modern').waitFor();
    assessmentUrl = page.url();
    const typed = typedAnswers();
    await fillText(page, 'objekt_namn', String(typed['objekt_namn']));
    await choose(page, 'objekt_typ', String(typed['objekt_typ']));
    await fillText(page, 'objekt_beskrivning', String(typed['objekt_beskrivning']));

    await goToPage(page, 'Informationsmängder och konsekvenser');
    const panels = page.locator('.sd-paneldynamic__panel-wrapper');
    const sets = typed['informationsmangder'] as Record<string, unknown>[];
    for (let index = 0; index < sets.length; index += 1) {
      if ((await panels.count()) <= index) await page.getByRole('button', { name: 'Lägg till informationsmängd' }).click();
      const panel = panels.nth(index);
      const set = sets[index]!;
      await fillText(panel, 'namn', String(set['namn']));
      await tick(panel, 'personuppgifter', set['personuppgifter'] as string[]);
      for (const aspect of ['k', 'r', 't', 's']) {
        for (const [row, column] of Object.entries(set[`konsekvens_${aspect}`] as Record<string, string>)) await rate(panel, `konsekvens_${aspect}`, row, column);
        const motivation = set[`motivering_${aspect}`];
        if (typeof motivation === 'string') await fillText(panel, `motivering_${aspect}`, motivation);
      }
    }
    // The live preview already shows what the answers give, before the server has answered.
    await expect.poll(() => page.getByTestId('profile-text').textContent()).toBe(fixture.expected.profile);
    // The consequence levels chosen with the keyboard are radios that say they are checked.
    expect(await page.locator('[data-testid=consequence-matrix] [role="radio"][aria-checked="true"]').count()).toBe(2 * 4 * 7);
    await expectAccessible(page);

    await goToPage(page, 'Lagrum');
    await tick(page, 'lagrum', typed['lagrum'] as string[]);
    await savedState(page);
    await expect.poll(() => page.getByTestId('result-source').getAttribute('data-source')).toBe('server');
    expect(await page.getByTestId('profile-text').textContent()).toBe(fixture.expected.profile);

    const form = readForm<QuestionnaireFile>('informationsklassning');
    const outcome = classify(readForm<ClassificationModel>('klassningsmodell'), form, typed, readForm<LagrumFile>('lagrum'));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    // New classifications start on the newest questionnaire, scored with kravkatalog version 3.
    const plan = buildActionPlan(JSON.parse(fs.readFileSync('forms/kravkatalog/v3.json', 'utf8')) as RequirementCatalog, outcome.classification);
    expect(await page.getByTestId('requirements-count').textContent()).toContain(`${plan.requirements.length} krav`);
    const lagrum = await page.getByTestId('lagrum-list').textContent();
    expect(lagrum).toContain('Dataskyddsförordningen');
    await expectAccessible(page);

    // The asset's plan table holds exactly the requirements the preview promised.
    await page.getByRole('link', { name: /Tillbaka till Ekonomisystemet/ }).click();
    await page.getByRole('link', { name: 'Öppna handlingsplanen' }).click();
    await page.getByTestId('plan-table').waitFor();
    expect(await page.locator('[data-testid=plan-table] tbody tr').count()).toBe(plan.requirements.length);
    await expectAccessible(page);
  });

  it('edits a plan item inline, filters the plan and exports it as CSV', async () => {
    const first = page.locator('[data-testid=plan-table] tbody tr').first();
    await first.getByRole('combobox', { name: /^Status/ }).selectOption('delvis_uppfyllt');
    await first.getByText('Sparat').waitFor();
    await first.getByRole('textbox', { name: /^Ansvarig/ }).fill('Systemförvaltaren');
    await first.getByRole('textbox', { name: /^Ansvarig/ }).press('Tab');
    await first.getByText('Sparat').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('delvis_uppfyllt');
    expect(await page.locator('[data-testid=plan-table] tbody tr').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera som CSV' }).click();
    const csv = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain('Delvis uppfyllt');
    expect(csv).toContain('Systemförvaltaren');
    await page.reload();
    await page.getByTestId('plan-table').waitFor();
    expect(await page.locator('[data-testid=plan-table] tbody tr').first().getByRole('textbox', { name: /^Ansvarig/ }).inputValue()).toBe('Systemförvaltaren');
  });

  it('shows the profile as text badges in the inventory', async () => {
    await page.getByRole('link', { name: 'Sigill' }).click();
    const row = page.locator('[data-testid=inventory-table] tbody tr', { hasText: 'Ekonomisystemet' });
    await row.waitFor();
    const badges = await row.locator('.badge.level').allTextContents();
    expect(badges.join(' ')).toContain('K1');
    expect(badges.join(' ')).toContain('R3');
    await expectAccessible(page);
  });

  it('merges two browsers’ changes to different questions without a conflict and loses no input', async () => {
    const other = await loginInUi(browser, server.url, kommun.objektledare.email, kommun.objektledare.password);
    await other.goto(assessmentUrl);
    await question(other, 'avgransning').waitFor();
    await page.goto(assessmentUrl);
    await question(page, 'it_kontakt').waitFor();
    // Both start from the same revision; each changes a question of their own.
    await fillText(page, 'it_kontakt', 'Servicedesk');
    await fillText(other, 'avgransning', 'Bara den digitala informationen');
    await savedState(page);
    await savedState(other);
    // Each sees the other's answer without reloading, and nobody is asked to choose.
    await expect.poll(() => question(other, 'it_kontakt').locator('input').inputValue(), { timeout: 10_000 }).toBe('Servicedesk');
    await expect.poll(() => question(page, 'avgransning').locator('textarea').inputValue(), { timeout: 10_000 }).toBe('Bara den digitala informationen');
    expect(await other.getByTestId('conflict-panel').count()).toBe(0);
    await expectAccessible(other);
    const saved = await kommun.objektledare.client.request<{ answers: Record<string, unknown> }>('GET', `/api/assessments/${assessmentUrl.split('/').pop()}`);
    expect(saved.answers).toMatchObject({ it_kontakt: 'Servicedesk', avgransning: 'Bara den digitala informationen' });
    await other.close();
  });

  it('switches app and questionnaire to English and offers a large-text mode', async () => {
    await page.goto(assessmentUrl);
    await page.locator('.sd-root-modern').waitFor();
    await page.getByRole('button', { name: 'Stor text' }).click();
    await expect.poll(() => page.locator('html').getAttribute('class')).toContain('large-text');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    await page.getByRole('button', { name: 'Large text' }).click();
    await page.getByRole('button', { name: 'Svenska' }).click();
  });
});
