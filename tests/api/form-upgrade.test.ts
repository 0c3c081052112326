import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loggedIn } from '../support/api-client';
import { assetInput, orgFixture, userPassword } from '../support/org-fixture';
import { createTestApp } from '../support/test-app';
import { formsWithout, testScratch } from '../support/test-scratch';

interface Assessment {
  id: string;
  revision: number;
  summary: string | null;
  form: { id: string; version: number };
  result: { classification?: { flags: Record<string, unknown> } } | null;
}

const v1Fixture = JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown>; expected: { profile: string } };
const { apps, tempDir } = testScratch();

/**
 * The shipped forms as they were before version 2 of the model and questionnaire was published (questionnaire versions 3 and 4
 * ask the same as version 2 and are scored with kravkatalog versions 2 and 3, which need model version 2 too).
 */
const formsBeforeV2 = () =>
  formsWithout(tempDir('sigill-forms-v1-'), [
    'klassningsmodell/v2.json',
    'informationsklassning/v2.json',
    'informationsklassning/v3.json',
    'informationsklassning/v4.json',
    'kravkatalog/v2.json',
    'kravkatalog/v3.json',
  ]);

describe('publishing version 2 of the classification model and questionnaire', () => {
  it('leaves an open version-1 assessment on version 1, scoring as before, while new assessments start on the newest version', async () => {
    const dataDir = tempDir('sigill-upgrade-');
    const before = await createTestApp({ SIGILL_DATA_DIR: dataDir, SIGILL_FORMS_DIR: formsBeforeV2() });
    apps.push(before);
    const org = await orgFixture(before);
    const objektledare = await org.userWith('objektledare', org.socialId);
    const email = (await objektledare.get<{ user: { email: string } }>('/api/auth/me')).body.user.email;
    const assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    const started = await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'classification' });
    expect(started.body.form).toEqual({ id: 'informationsklassning', version: 1 });
    const saved = await objektledare.put<Assessment>(`/api/assessments/${started.body.id}/answers`, { baseRevision: 0, answers: v1Fixture.answers });
    expect(saved.body.summary).toBe(v1Fixture.expected.profile);
    await before.close();
    apps.splice(0);

    const after = await createTestApp({ SIGILL_DATA_DIR: dataDir });
    apps.push(after);
    const sameUser = await loggedIn(after, email, userPassword);
    const open = await sameUser.get<Assessment>(`/api/assessments/${started.body.id}`);
    expect(open.body.form).toEqual({ id: 'informationsklassning', version: 1 });
    const resaved = await sameUser.put<Assessment>(`/api/assessments/${started.body.id}/answers`, { baseRevision: open.body.revision, answers: v1Fixture.answers });
    expect(resaved.status).toBe(200);
    expect(resaved.body.summary).toBe(v1Fixture.expected.profile);
    expect(resaved.body.result?.classification?.flags.anmalningsplikt).toBeUndefined();

    const secondAsset = (await sameUser.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Lönesystemet' }))).body.id;
    const fresh = await sameUser.post<Assessment>(`/api/assets/${secondAsset}/assessments`, { kind: 'classification' });
    // The newest questionnaire: version 4 asks what version 2 asks, with kravkatalog version 3 (version 2's requirements with guidance).
    expect(fresh.body.form).toEqual({ id: 'informationsklassning', version: 4 });
    const onV2 = await sameUser.put<Assessment>(`/api/assessments/${fresh.body.id}/answers`, { baseRevision: 0, answers: v1Fixture.answers });
    expect(onV2.status).toBe(200);
    // Version 2 asks about reporting duties, so its result carries the flag, answered or not.
    expect(onV2.body.result?.classification?.flags.anmalningsplikt).toEqual({ value: false, reason: 'Ingen anmälningsplikt vid en incident är markerad.' });
  });
});
