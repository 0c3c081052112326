import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium } from './support/chromium';
import { adminPassword, type Kommun, seedKommun } from './support/http-setup';
import { addObjektledare, inputOf, join, newClassification, type Participant, rowTexts, settled } from './support/live';
import { type RunningServer, startServer } from './support/server-process';
import { goToPage, question, rate } from './support/survey-fill';
import { expectAccessible } from './support/ui';

let server: RunningServer;
let browser: Browser;
let kommun: Kommun;
let lena: { email: string; password: string };
let omar: { email: string; password: string };

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword });
  kommun = await seedKommun(server.url);
  lena = await addObjektledare(kommun, 'Lena Larsson', 'lena@kommun.test');
  omar = await addObjektledare(kommun, 'Omar Osman', 'omar@kommun.test');
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function threeAt(name: string): Promise<{ id: string; olga: Participant; lena: Participant; omar: Participant }> {
  const id = await newClassification(kommun.objektledare.client, kommun.forvaltningId, name);
  const [olgaAt, lenaAt, omarAt] = await Promise.all([
    join(browser, server.url, kommun.objektledare, 'Olga Objektledare', id),
    join(browser, server.url, lena, 'Lena Larsson', id),
    join(browser, server.url, omar, 'Omar Osman', id),
  ]);
  return { id, olga: olgaAt, lena: lenaAt, omar: omarAt };
}

const stored = (id: string) => kommun.objektledare.client.request<{ answers: Record<string, unknown> }>('GET', `/api/assessments/${id}`);

/** A small deterministic generator (mulberry32), so a failing interleaving can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Types into a text question without leaving it, as someone mid-sentence does. */
async function type(participant: Participant, name: string, value: string): Promise<void> {
  const input = question(participant.page, name).locator('input, textarea').first();
  await input.scrollIntoViewIfNeeded();
  await input.fill(value);
}

/**
 * The input the form focused in the item it just added (SurveyJS moves focus to a new row's or panel's first field).
 * Found by focus, not by counting: a row someone else adds or removes meanwhile changes the count.
 */
async function focusedNewInput(list: Locator, inputSelector: string): Promise<Locator> {
  await expect
    .poll(() => list.evaluate((element, selector) => {
      const active = document.activeElement as HTMLInputElement | null;
      return active !== null && element.contains(active) && active.matches(selector) && active.value === '';
    }, inputSelector), { timeout: 15_000 })
    .toBe(true);
  return list.page().locator(':focus');
}

async function addIntegration(participant: Participant, system: string): Promise<void> {
  const list = question(participant.page, 'integrationer');
  await list.scrollIntoViewIfNeeded();
  await list.getByRole('button', { name: 'Lägg till integration' }).click();
  await (await focusedNewInput(list, 'tbody tr input[type=text], tbody tr input:not([type])')).fill(system);
}

/**
 * Removes the item (table row or panel) whose first text input holds this text: found by the input's value as typed, not
 * its attribute (a typed value never reaches the attribute, so a [value=…] selector finds only rows that came from
 * elsewhere), and its remove button pressed in the same task. The form binds items to positions, so a remote change
 * arriving between finding the item and a separate click would slide another item under the button.
 */
async function removeItem(items: Locator, inputSelector: string, button: string, text: string): Promise<boolean> {
  return items.evaluateAll(
    (elements, [selector, label, wanted]) => {
      const item = elements.find((element) => (element.querySelector(selector!) as HTMLInputElement | null)?.value === wanted);
      const remove = [...(item?.querySelectorAll('button') ?? [])].find((candidate) =>
        `${candidate.getAttribute('aria-label') ?? ''} ${candidate.title} ${candidate.textContent}`.includes(label!));
      remove?.click();
      return remove !== undefined;
    },
    [inputSelector, button, text],
  );
}

function removeIntegration(participant: Participant, system: string): Promise<boolean> {
  return removeItem(question(participant.page, 'integrationer').locator('tbody tr'), 'input[type=text], input:not([type])', 'Ta bort', system);
}

const objectPage = 'Klassningsobjektet';
const setsPage = 'Informationsmängder och konsekvenser';

/** Goes to a page of the questionnaire unless this browser is on it already (the run keeps track of where each one is). */
async function onPage(participant: Participant, at: Map<Participant, string>, title: string): Promise<void> {
  if (at.get(participant) === title) return;
  // Leave the list first: that shows what others changed in it meanwhile, and the form redraws. A tab clicked in the
  // same moment did not change the page (seed 4, twice in three runs; see the notes of issue 14).
  await participant.page.getByRole('heading', { level: 1 }).click();
  await goToPage(participant.page, title);
  await question(participant.page, title === setsPage ? 'informationsmangder' : 'objekt_namn').waitFor();
  at.set(participant, title);
}

function setPanels(page: Participant['page']) {
  return question(page, 'informationsmangder').locator('.sd-paneldynamic__panel-wrapper');
}

/** The informationsmängder's names as this browser shows them, in order (an unnamed one as ''). */
async function setNames(page: Participant['page']): Promise<string[]> {
  return setPanels(page).evaluateAll((panels) => panels.map((panel) => (panel.querySelector('[data-name="namn"] input') as HTMLInputElement | null)?.value ?? ''));
}

async function addInformationSet(participant: Participant, name: string): Promise<void> {
  const list = question(participant.page, 'informationsmangder');
  const add = list.getByRole('button', { name: 'Lägg till informationsmängd' }).last();
  await add.scrollIntoViewIfNeeded();
  await add.click();
  await (await focusedNewInput(list, '.sd-paneldynamic__panel-wrapper [data-name="namn"] input')).fill(name);
}

function removeInformationSet(participant: Participant, name: string): Promise<boolean> {
  return removeItem(setPanels(participant.page), '[data-name="namn"] input', 'Ta bort informationsmängden', name);
}

/** The seed of the random interleaving; set LIVE_WORKSHOP_SEED to replay or explore another one. */
const interleavingSeed = Number(process.env['LIVE_WORKSHOP_SEED'] ?? 2);

describe('a live workshop: three browsers on one classification', () => {
  it('shows who is here and where, a colleague’s typing without reload, the new result, and the projector following the facilitator', async () => {
    const { id, olga, lena: lenas, omar: omars } = await threeAt('Närvaro');
    for (const { page } of [olga, lenas, omars]) await expect.poll(() => page.getByTestId('present-person').count(), { timeout: 15_000 }).toBe(3);
    await type(olga, 'objekt_namn', 'Ekonomisystemet');
    await expect.poll(() => inputOf(lenas.page, 'objekt_namn'), { timeout: 10_000 }).toBe('Ekonomisystemet');
    // Presence names the question Olga is in, by its title.
    await expect.poll(() => lenas.page.getByTestId('present-person').filter({ hasText: 'Olga Objektledare' }).textContent()).toContain('Objektets namn');
    await lenas.page.getByTestId('remote-notes').filter({ hasText: 'Olga Objektledare ändrade' }).waitFor();
    // The result (the missing count the server scores) follows on every screen.
    // (The förvaltning is already filled from the asset record; the informationsägare is not.)
    const missingBefore = await omars.page.getByTestId('missing-count').textContent();
    await type(lenas, 'informationsagare', 'Förvaltningschefen');
    await expect.poll(() => omars.page.getByTestId('missing-count').textContent(), { timeout: 10_000 }).not.toBe(missingBefore);
    // Omar's screen is the projector; Olga leads and moves to the next page.
    await omars.page.getByRole('button', { name: 'Stor text' }).click();
    await olga.page.getByTestId('lead-toggle').click();
    await omars.page.getByTestId('following').filter({ hasText: 'Olga Objektledare' }).waitFor();
    await goToPage(olga.page, 'Informationsmängder och konsekvenser');
    await question(omars.page, 'informationsmangder').waitFor({ timeout: 10_000 });
    await expect.poll(() => question(omars.page, 'objekt_namn').count()).toBe(0);
    // … and to the question she is in, marked on the projector.
    await question(olga.page.locator('.sd-paneldynamic__panel-wrapper').first(), 'namn').locator('input').focus();
    await expect.poll(() => question(omars.page, 'informationsmangder').getAttribute('data-led-question'), { timeout: 10_000 }).toBe('');
    // A level chosen by Olga reaches the result panel on Lena's screen, still on the first page.
    const profileBefore = await lenas.page.getByTestId('profile-text').textContent();
    await rate(olga.page.locator('.sd-paneldynamic__panel-wrapper').first(), 'konsekvens_k', 'verksamhet', 'niva-3');
    await expect.poll(() => olga.page.getByTestId('profile-text').textContent()).not.toBe(profileBefore);
    const olgasProfile = await olga.page.getByTestId('profile-text').textContent();
    await expect.poll(() => lenas.page.getByTestId('profile-text').textContent(), { timeout: 10_000 }).toBe(olgasProfile);
    await expectAccessible(lenas.page);
    await settled(lenas.page);
    expect((await stored(id)).answers).toMatchObject({ objekt_namn: 'Ekonomisystemet', informationsagare: 'Förvaltningschefen' });
    for (const { page } of [olga, lenas, omars]) await page.close();
  });

  it('keeps both answers when two change the same question, and the chosen one wins everywhere', async () => {
    const id = await newClassification(kommun.objektledare.client, kommun.forvaltningId, 'Konflikt');
    const lenas = await join(browser, server.url, lena, 'Lena Larsson', id);
    const omars = await join(browser, server.url, omar, 'Omar Osman', id);
    // Omar's network drops while he types; Lena saves the same question meanwhile.
    await omars.page.context().setOffline(true);
    await type(omars, 'avgransning', 'Omars avgränsning');
    await type(lenas, 'avgransning', 'Lenas avgränsning');
    await settled(lenas.page);
    await omars.page.context().setOffline(false);
    const conflict = omars.page.getByTestId('conflict');
    await conflict.waitFor({ timeout: 20_000 });
    expect(await conflict.getByTestId('conflict-mine').textContent()).toBe('Omars avgränsning');
    expect(await conflict.getByTestId('conflict-theirs').textContent()).toBe('Lenas avgränsning');
    expect(await conflict.textContent()).toContain('Lena Larsson');
    // Nothing is lost on either screen until someone chooses.
    expect(await inputOf(omars.page, 'avgransning')).toBe('Omars avgränsning');
    expect(await inputOf(lenas.page, 'avgransning')).toBe('Lenas avgränsning');
    expect((await stored(id)).answers['avgransning']).toBe('Lenas avgränsning');
    await expectAccessible(omars.page);
    await conflict.getByRole('button', { name: 'Behåll mitt svar' }).click();
    await settled(omars.page);
    await expect.poll(() => inputOf(lenas.page, 'avgransning'), { timeout: 10_000 }).toBe('Omars avgränsning');
    expect((await stored(id)).answers['avgransning']).toBe('Omars avgränsning');
    expect(await omars.page.getByTestId('conflict-panel').count()).toBe(0);
    await lenas.page.close();
    await omars.page.close();
  });

  it('merges randomly interleaved edits to questions, rows and informationsmängder from three browsers into exactly their union', async () => {
    const { id, olga, lena: lenas, omar: omars } = await threeAt('Samtidigt');
    const people = [olga, lenas, omars];
    const at = new Map<Participant, string>(people.map((participant) => [participant, objectPage]));
    // Each person has questions of their own; rows and informationsmängder are shared and anyone adds and removes.
    const own: Record<string, string[]> = {
      [olga.name]: ['objekt_namn', 'forvaltning', 'informationsagare'],
      [lenas.name]: ['objektagare', 'objektledare', 'it_kontakt'],
      [omars.name]: ['avgransning', 'objekt_beskrivning'],
    };
    const expectedText: Record<string, string> = {};
    const rows = new Map<string, Participant>();
    const sets = new Map<string, Participant>();
    // The panel a classification starts with stays (the form keeps at least one); its name is whatever it was given.
    const initialSets = ((await stored(id)).answers['informationsmangder'] as { namn?: string }[] | undefined)?.map((set) => set.namn ?? '') ?? [''];
    const random = seeded(interleavingSeed);
    const steps: string[] = [];
    // A failure names the interleaving (replay it with LIVE_WORKSHOP_SEED) and every change the server stored, by whom.
    onTestFailed(async () => {
      type Change = { revision: number; path: string[]; op: string; newValue: unknown; changedBy: { name: string } };
      const { changes } = await kommun.objektledare.client.request<{ changes: Change[] }>('GET', `/api/assessments/${id}/changes?limit=1000`);
      const lines = changes.map(({ revision, changedBy, op, path, newValue }) => `r${revision} ${changedBy.name} ${op} ${path.join('/')} ${JSON.stringify(newValue)}`);
      console.log([`seed ${interleavingSeed}: ${steps.join('; ')}`, ...lines].join('\n'));
    });
    for (let step = 0; step < 36; step += 1) {
      const who = people[Math.floor(random() * people.length)]!;
      const roll = random();
      const first = who.name.split(' ')[0]!;
      const mineOf = (owned: Map<string, Participant>) => [...owned.entries()].filter(([, owner]) => owner === who).map(([key]) => key);
      const myRows = mineOf(rows);
      const mySets = mineOf(sets);
      if (roll < 0.45) {
        const names = own[who.name]!;
        const name = names[Math.floor(random() * names.length)]!;
        const value = `${first} steg ${step}`;
        await onPage(who, at, objectPage);
        await type(who, name, value);
        expectedText[name] = value;
        steps.push(`${step} ${first} types ${name}`);
      } else if (roll < 0.6 || (roll < 0.7 && myRows.length === 0)) {
        const system = `System ${step} av ${first}`;
        await onPage(who, at, objectPage);
        await addIntegration(who, system);
        rows.set(system, who);
        steps.push(`${step} ${first} adds ${system}`);
      } else if (roll < 0.7) {
        // A row that reached this browser is removed here.
        const system = myRows[Math.floor(random() * myRows.length)]!;
        await onPage(who, at, objectPage);
        await settled(who.page);
        const removed = await removeIntegration(who, system);
        if (removed) rows.delete(system);
        steps.push(`${step} ${first} ${removed ? 'removes' : 'did not find'} ${system}`);
      } else if (roll < 0.87 || mySets.length === 0) {
        const name = `Mängd ${step} av ${first}`;
        await onPage(who, at, setsPage);
        await addInformationSet(who, name);
        sets.set(name, who);
        steps.push(`${step} ${first} adds ${name}`);
      } else {
        const name = mySets[Math.floor(random() * mySets.length)]!;
        await onPage(who, at, setsPage);
        await settled(who.page);
        const removed = await removeInformationSet(who, name);
        if (removed) sets.delete(name);
        steps.push(`${step} ${first} ${removed ? 'removes' : 'did not find'} ${name}`);
      }
    }
    // Say which interleaving this was, so a failure can be replayed with its seed.
    const replay = `seed ${interleavingSeed}: ${steps.join('; ')}`;
    // The interleaving walked every kind of step (another seed must too, or it tests less).
    for (const kind of ['types', 'adds System', 'removes System', 'adds Mängd', 'removes Mängd']) expect(steps.some((line) => line.includes(` ${kind}`)), `${kind} (${replay})`).toBe(true);
    for (const { page } of people) await settled(page);
    const answers = (await stored(id)).answers;
    for (const [name, value] of Object.entries(expectedText)) expect(answers[name], `${name} (${replay})`).toBe(value);
    const serverRows = ((answers['integrationer'] as { system?: string }[] | undefined) ?? []).map((row) => row.system ?? '');
    expect([...serverRows].sort(), replay).toEqual([...rows.keys()].sort());
    const serverSets = ((answers['informationsmangder'] as { namn?: string }[] | undefined) ?? []).map((set) => set.namn ?? '');
    expect([...serverSets].sort(), replay).toEqual([...initialSets, ...sets.keys()].sort());
    for (const participant of people) {
      // Others' row changes wait while someone types in the list; leaving it shows them.
      await onPage(participant, at, objectPage);
      await participant.page.getByRole('heading', { level: 1 }).click();
      await expect.poll(() => rowTexts(participant.page, 'integrationer'), { timeout: 15_000 }).toEqual(serverRows);
      for (const [name, value] of Object.entries(expectedText)) expect(await inputOf(participant.page, name), `${participant.name}: ${name} (${replay})`).toBe(value);
      await onPage(participant, at, setsPage);
      await participant.page.getByRole('heading', { level: 1 }).click();
      await expect.poll(() => setNames(participant.page), { timeout: 15_000 }).toEqual(serverSets);
    }
    for (const { page } of people) await page.close();
    // Three browsers, 36 steps and page changes on a shared two-core machine: bounded, but beyond the default minute.
  }, 240_000);
});
