import { describe, expect, it } from 'vitest';
import { loggedIn } from '../support/api-client';
import { assetInput, orgFixture, userPassword } from '../support/org-fixture';
import { screeningAnswersV2 } from '../support/screening-answers';
import { createTestApp } from '../support/test-app';
import { formsWithout, testScratch } from '../support/test-scratch';
import { hemtjanstFixture } from '../support/hemtjanst-fixture';

interface Screening {
  id: string;
  revision: number;
  form: { id: string; version: number };
  result: { criteriaMet: string[]; outcome: string } | null;
}

const hemtjanst = hemtjanstFixture().screening;
const { apps, tempDir } = testScratch();

/** The shipped forms as they were before version 2 of the screening form was published. */
const formsBeforeScreeningV2 = () => formsWithout(tempDir('sigill-forms-screening-v1-'), ['dpia-forhandsbedomning/v2.json']);

describe('publishing version 2 of the screening form', { timeout: 30_000 }, () => {
  it('leaves an open v1 screening on v1, where a long duration alone still meets "stor omfattning", while a new one on v2 weighs the factors', async () => {
    const dataDir = tempDir('sigill-screening-upgrade-');
    const before = await createTestApp({ SIGILL_DATA_DIR: dataDir, SIGILL_FORMS_DIR: formsBeforeScreeningV2() });
    apps.push(before);
    const org = await orgFixture(before);
    const objektledare = await org.userWith('objektledare', org.socialId);
    const email = (await objektledare.get<{ user: { email: string } }>('/api/auth/me')).body.user.email;
    const assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    const started = (await objektledare.post<Screening>(`/api/assets/${assetId}/assessments`, { kind: 'dpia-screening' })).body;
    expect(started.form).toEqual({ id: 'dpia-forhandsbedomning', version: 1 });
    const longButFew = { ...hemtjanst.answers, 'k5-manga-personer': 'nej', 'k5-lang-tid-stort-omrade': 'ja' };
    expect((await objektledare.put<Screening>(`/api/assessments/${started.id}/answers`, { baseRevision: 0, answers: longButFew })).body.result?.criteriaMet).toContain('stor-omfattning');
    await before.close();
    apps.splice(0);

    const after = await createTestApp({ SIGILL_DATA_DIR: dataDir });
    apps.push(after);
    const sameUser = await loggedIn(after, email, userPassword);
    const open = (await sameUser.get<Screening>(`/api/assessments/${started.id}`)).body;
    expect(open.form).toEqual({ id: 'dpia-forhandsbedomning', version: 1 });
    const resaved = await sameUser.put<Screening>(`/api/assessments/${started.id}/answers`, { baseRevision: open.revision, answers: longButFew });
    expect(resaved.body.result?.criteriaMet).toContain('stor-omfattning');

    const secondAsset = (await sameUser.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Trygghetslarm' }))).body.id;
    const fresh = (await sameUser.post<Screening>(`/api/assets/${secondAsset}/assessments`, { kind: 'dpia-screening' })).body;
    expect(fresh.form).toEqual({ id: 'dpia-forhandsbedomning', version: 2 });
    const v2Answers = { ...screeningAnswersV2(hemtjanst), 'k5-varaktighet': 'ja' };
    const onV2 = await sameUser.put<Screening>(`/api/assessments/${fresh.id}/answers`, { baseRevision: 0, answers: v2Answers });
    expect(onV2.status).toBe(200);
    expect(onV2.body.result?.criteriaMet).not.toContain('stor-omfattning');
    // v1's combined question is not part of v2.
    const oldQuestion = await sameUser.put<{ error: { details: { field: string }[] } }>(`/api/assessments/${fresh.id}/answers`, { baseRevision: 1, answers: longButFew });
    expect(oldQuestion.status).toBe(400);
    expect(oldQuestion.body.error.details.map((detail) => detail.field)).toEqual(expect.arrayContaining(['body.answers.k5-lang-tid-stort-omrade']));
  });
});
