import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { levelFourAnswers } from '../support/sakerhet-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterAll(async () => {
  await testApp.close();
});

type Todo = { approvals: { assessmentId: string; step: string }[] };
type Step = { specialAnalysis: { recorded: { reference: string } | null; earlier: { reference: string } | null } | null };

/** A level-4 classification of a new asset, answered and sent for review by the admin; its id and revision. */
async function submitted(): Promise<{ id: string; revision: number }> {
  const asset = await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Säk ${Math.random().toString(36).slice(2, 8)}` }));
  const { id } = (await org.admin.post<{ id: string }>(`/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body;
  const saved = await org.admin.put<{ revision: number }>(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: levelFourAnswers() });
  expect(saved.status).toBe(200);
  expect((await org.admin.post(`/api/assessments/${id}/submit`)).status).toBe(200);
  return { id, revision: saved.body.revision };
}

/** The level-4 answers with R raised to synnerligen allvarlig too: still level 4, other levels. */
function otherLevelFourAnswers(): Record<string, unknown> {
  const answers = levelFourAnswers();
  const [first, ...rest] = answers.informationsmangder as Record<string, unknown>[];
  return { ...answers, informationsmangder: [{ ...first, synnerligen_allvarlig: ['k', 'r'] }, ...rest] };
}

async function decisionListed(id: string): Promise<boolean> {
  const decider = await org.userWith('beslutsfattare', org.socialId);
  const todo = await decider.get<Todo>('/api/todo');
  return todo.body.approvals.some((approval) => approval.assessmentId === id && approval.step === 'decision');
}

describe('säkerhetsskydd: the särskild analys and the decider, over rounds', () => {
  it("keeps a level-4 decision out of the beslutsfattare's Att göra until the reference is recorded", async () => {
    const { id } = await submitted();
    const chief = await org.userWith('sakerhetsskyddschef', org.rootId);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    expect(await decisionListed(id)).toBe(false);
    expect((await decider.post<{ error: { code: string } }>(`/api/assessments/${id}/decide`, { statement: 'Fastställs' })).body.error.code).toBe('special_analysis_missing');

    expect((await chief.post(`/api/assessments/${id}/special-analysis`, { reference: 'SÄK 2026-20' })).status).toBe(200);
    expect(await decisionListed(id)).toBe(true);
  });

  it('keeps the reference through a return to utkast while the levels stay, and asks for it again when they move', async () => {
    const { id, revision } = await submitted();
    const chief = await org.userWith('sakerhetsskyddschef', org.rootId);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    expect((await chief.post(`/api/assessments/${id}/special-analysis`, { reference: 'SÄK 2026-21' })).status).toBe(200);

    // Returned and sent again with the same levels: the reference still holds.
    expect((await decider.post(`/api/assessments/${id}/return`, { reason: 'Komplettera beskrivningen' })).status).toBe(200);
    expect((await org.admin.post(`/api/assessments/${id}/submit`)).status).toBe(200);
    expect((await decider.get<Step>(`/api/assessments/${id}/sign-off`)).body.specialAnalysis?.recorded?.reference).toBe('SÄK 2026-21');
    expect(await decisionListed(id)).toBe(true);

    // Returned again and the levels move (R4 too): the reference was given for the levels then.
    expect((await decider.post(`/api/assessments/${id}/return`, { reason: 'Riktigheten ska bedömas om' })).status).toBe(200);
    expect((await org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: revision, answers: otherLevelFourAnswers() })).status).toBe(200);
    expect((await org.admin.post(`/api/assessments/${id}/submit`)).status).toBe(200);
    const step = (await decider.get<Step>(`/api/assessments/${id}/sign-off`)).body.specialAnalysis;
    expect(step).toEqual({ recorded: null, earlier: expect.objectContaining({ reference: 'SÄK 2026-21' }) });
    expect(await decisionListed(id)).toBe(false);
    const chiefTodo = await chief.get<Todo>('/api/todo');
    expect(chiefTodo.body.approvals).toContainEqual(expect.objectContaining({ assessmentId: id, step: 'special_analysis' }));
    const refused = await decider.post<{ error: { code: string } }>(`/api/assessments/${id}/decide`, { statement: 'Fastställs' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('special_analysis_missing');
    // The first reference stays recorded as history.
    const rows = await testApp.deps.database.db.selectFrom('special_analyses').select('reference').where('assessment_id', '=', id).execute();
    expect(rows.map((row) => row.reference)).toEqual(['SÄK 2026-21']);

    expect((await chief.post(`/api/assessments/${id}/special-analysis`, { reference: 'SÄK 2026-21 rev 1' })).status).toBe(200);
    expect(await decisionListed(id)).toBe(true);
    const decided = await decider.post<{ status: string }>(`/api/assessments/${id}/decide`, { statement: 'Fastställs' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('faststalld');
  });
});
