import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../server/assessments/apply-changes';
import { assessmentKinds } from '../../server/assessments/assessment-kinds';
import { type AssessmentHead, findAssessmentHead } from '../../server/assessments/assessment-store';
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

describe('a change that meets a catalog move', () => {
  it('is scored against the questionnaire the round is pinned to when the change is stored, not when the route read it', async () => {
    // A round begun before kravkatalog version 2: questionnaire v2, whose plan is catalog v1's (v3 asks the same, scored with catalog v2).
    await testApp.deps.database.db.updateTable('assessments').set({ form_version: 2 }).where('id', '=', assessmentId).execute();
    const saved = await omar.put<{ revision: number }>(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers: ekonomisystem() });
    expect(saved.status).toBe(200);
    // What the change route holds once it has checked the permission; the move below runs before its transaction does.
    const routeRead = (await findAssessmentHead(testApp.deps.database.db, assessmentId)) as AssessmentHead;
    expect(routeRead.form.version).toBe(2);
    const isam = await org.userWith('isam', org.socialId);
    const moved = await isam.post<{ assets: { assetId: string; outcome: string }[] }>(`/api/organisations/${org.socialId}/catalog-move`, { version: 2 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.assets.find((asset) => asset.assetId === assetId)?.outcome).toBe('moves');
    expect((await stored()).form.version).toBe(3);

    const me = (await omar.get<{ user: { id: string; name: string } }>('/api/auth/me')).body.user;
    await applyChanges(testApp.deps, routeRead, [{ op: 'set', path: ['objekt_beskrivning'], value: 'Skrivet under flytten', base: saved.body.revision }], { userId: me.id, name: me.name }, null);

    const after = await stored();
    expect(after.answers['objekt_beskrivning']).toBe('Skrivet under flytten');
    expect(after.form.version).toBe(3);
    const fresh = scoredAfresh(after);
    expect(after.result).toEqual(fresh.result);
    // The plan stays on the catalog the move brought it to.
    const items = (await omar.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body.items;
    const applicable = items.filter((item) => item.applicable).map((item) => `${item.sourceKey} v${item.requirementVersion}`);
    expect(applicable.sort()).toEqual(fresh.plan.map((entry) => `${entry.sourceKey} v${entry.requirement.version}`).sort());
  });
});
