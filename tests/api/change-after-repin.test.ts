import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../server/assessments/apply-changes';
import { assessmentKinds } from '../../server/assessments/assessment-kinds';
import { type Assessment, type AssessmentHead, findAssessment, findAssessmentHead } from '../../server/assessments/assessment-store';
import { saveAnswers } from '../../server/assessments/save-answers';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

interface Stored {
  revision: number;
  form: { id: string; version: number };
  answers: Record<string, unknown>;
  result: Record<string, unknown> | null;
}
interface PlanItem {
  sourceKey: string;
  applicable: boolean;
  requirementVersion: number | null;
}

const ekonomisystem = () => (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;
let omar: ApiClient;
let assetId: string;
let assessmentId: string;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  omar = await org.userWith('objektledare', org.socialId);
  assetId = (await omar.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
  assessmentId = (await omar.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body.id;
});
afterEach(async () => {
  await testApp.close();
});

const stored = async () => (await omar.get<Stored>(`/api/assessments/${assessmentId}`)).body;

function scoredAfresh(assessment: Stored) {
  const form = testApp.deps.forms.get(assessment.form.id, assessment.form.version)!;
  const outcome = assessmentKinds.classification.score(testApp.deps.forms, form, assessment.answers);
  if (!outcome.ok) throw new Error('the stored answers do not score');
  return JSON.parse(JSON.stringify(outcome.scored)) as { result: Record<string, unknown>; plan: { sourceKey: string; requirement: { version: number } }[] };
}

/** The round as one begun before kravkatalog version 2: questionnaire v2, whose plan is catalog v1's (v3 asks the same, scored with catalog v2). */
async function roundOnQuestionnaireV2(): Promise<number> {
  await testApp.deps.database.db.updateTable('assessments').set({ form_version: 2 }).where('id', '=', assessmentId).execute();
  const saved = await omar.put<{ revision: number }>(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers: ekonomisystem() });
  expect(saved.status).toBe(200);
  return saved.body.revision;
}

/** The catalog move an isam makes, which repins the open round to questionnaire v3. */
async function moveCatalog(): Promise<void> {
  const isam = await org.userWith('isam', org.socialId);
  const moved = await isam.post<{ assets: { assetId: string; outcome: string }[] }>(`/api/organisations/${org.socialId}/catalog-move`, { version: 2 });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  expect(moved.body.assets.find((asset) => asset.assetId === assetId)?.outcome).toBe('moves');
  expect((await stored()).form.version).toBe(3);
}

/** The stored result is the score of the stored answers against the stored form, and the plan is that score's. */
async function expectScoredAsPinned(): Promise<void> {
  const after = await stored();
  expect(after.form.version).toBe(3);
  const fresh = scoredAfresh(after);
  expect(after.result).toEqual(fresh.result);
  const items = (await omar.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body.items;
  const applicable = items.filter((item) => item.applicable).map((item) => `${item.sourceKey} v${item.requirementVersion}`);
  expect(applicable.sort()).toEqual(fresh.plan.map((entry) => `${entry.sourceKey} v${entry.requirement.version}`).sort());
}

describe('a save that meets a catalog move', () => {
  it('saving the whole document from a read made before the move is refused as stale, and the move stands', async () => {
    const revision = await roundOnQuestionnaireV2();
    // What the PUT route holds once it has checked the permission; the move below runs before its transaction does.
    const routeRead = (await findAssessment(testApp.deps.database.db, assessmentId)) as Assessment;
    await moveCatalog();
    const me = (await omar.get<{ user: { id: string; name: string } }>('/api/auth/me')).body.user;
    const answers = { ...ekonomisystem(), objekt_beskrivning: 'Sparat under flytten' };
    await expect(saveAnswers(testApp.deps, routeRead, revision, answers, me.id, me.name)).rejects.toMatchObject({ code: 'conflict', details: { currentRevision: revision } });
    await expectScoredAsPinned();
    // Sent again, as the client does after a refusal, it is stored and scored against the moved questionnaire.
    const again = await omar.put(`/api/assessments/${assessmentId}/answers`, { baseRevision: revision, answers });
    expect(again.status).toBe(200);
    expect((await stored()).answers['objekt_beskrivning']).toBe('Sparat under flytten');
    await expectScoredAsPinned();
  });

  it('a change is scored against the questionnaire the round is pinned to when the change is stored, not when the route read it', async () => {
    const revision = await roundOnQuestionnaireV2();
    // What the change route holds once it has checked the permission; the move below runs before its transaction does.
    const routeRead = (await findAssessmentHead(testApp.deps.database.db, assessmentId)) as AssessmentHead;
    expect(routeRead.form.version).toBe(2);
    await moveCatalog();
    const me = (await omar.get<{ user: { id: string; name: string } }>('/api/auth/me')).body.user;
    await applyChanges(testApp.deps, routeRead, [{ op: 'set', path: ['objekt_beskrivning'], value: 'Skrivet under flytten', base: revision }], { userId: me.id, name: me.name }, null);
    expect((await stored()).answers['objekt_beskrivning']).toBe('Skrivet under flytten');
    // The plan stays on the catalog the move brought it to.
    await expectScoredAsPinned();
  });
});
