import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function addIntegration(participant: Participant, system: string): Promise<void> {
  const list = question(participant.page, 'integrationer');
  await list.scrollIntoViewIfNeeded();
  const before = await list.locator('tbody tr').count();
  await list.getByRole('button', { name: 'Lägg till integration' }).click();
  await expect.poll(() => list.locator('tbody tr').count()).toBeGreaterThan(before);
  // The new row is the last one; rows others add meanwhile go in after rows that already existed.
  const input = list.locator('tbody tr').last().locator('input[type=text], input:not([type])').first();
  await input.fill(system);
}

async function removeIntegration(participant: Participant, system: string): Promise<boolean> {
  const row = question(participant.page, 'integrationer').locator('tbody tr').filter({ has: participant.page.locator(`input[value="${system}"]`) });
  if ((await row.count()) === 0) return false;
  await row.first().getByRole('button', { name: /Ta bort/ }).click();
  return true;
}

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

  it('merges randomly interleaved edits to questions and rows from three browsers into exactly their union', async () => {
    const { id, olga, lena: lenas, omar: omars } = await threeAt('Samtidigt');
    const people = [olga, lenas, omars];
    // Each person has questions of their own; rows are shared and anyone adds and removes.
    const own: Record<string, string[]> = {
      [olga.name]: ['objekt_namn', 'forvaltning', 'informationsagare'],
      [lenas.name]: ['objektagare', 'objektledare', 'it_kontakt'],
      [omars.name]: ['avgransning', 'objekt_beskrivning'],
    };
    const expectedText: Record<string, string> = {};
    const rows = new Map<string, Participant>();
    const random = seeded(14);
    for (let step = 0; step < 36; step += 1) {
      const who = people[Math.floor(random() * people.length)]!;
      const roll = random();
      const mine = [...rows.entries()].filter(([, owner]) => owner === who).map(([system]) => system);
      if (roll < 0.55) {
        const names = own[who.name]!;
        const name = names[Math.floor(random() * names.length)]!;
        const value = `${who.name.split(' ')[0]} steg ${step}`;
        await type(who, name, value);
        expectedText[name] = value;
      } else if (roll < 0.85 || mine.length === 0) {
        const system = `System ${step} av ${who.name.split(' ')[0]}`;
        await addIntegration(who, system);
        rows.set(system, who);
      } else {
        // A row that reached this browser is removed here.
        const system = mine[Math.floor(random() * mine.length)]!;
        await settled(who.page);
        if (await removeIntegration(who, system)) rows.delete(system);
      }
    }
    for (const { page } of people) await settled(page);
    const answers = (await stored(id)).answers;
    for (const [name, value] of Object.entries(expectedText)) expect(answers[name], name).toBe(value);
    const serverRows = ((answers['integrationer'] as { system?: string }[] | undefined) ?? []).map((row) => row.system ?? '');
    expect([...serverRows].sort()).toEqual([...rows.keys()].sort());
    for (const participant of people) {
      // Others' row changes wait while someone types in the list; leaving it shows them.
      await participant.page.getByRole('heading', { level: 1 }).click();
      await expect.poll(() => rowTexts(participant.page, 'integrationer'), { timeout: 15_000 }).toEqual(serverRows);
      for (const [name, value] of Object.entries(expectedText)) expect(await inputOf(participant.page, name), `${participant.name}: ${name}`).toBe(value);
    }
    for (const { page } of people) await page.close();
  });
});
