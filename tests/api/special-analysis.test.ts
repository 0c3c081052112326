import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdftotext } from '../support/pdf-tools';
import { levelFourAnswers } from '../support/sakerhet-fixture';
import { ekonomisystem } from '../support/template-fixture';
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

/** A classification of a new asset, answered and sent for review, as the admin. */
async function submitted(answers: Record<string, unknown>): Promise<string> {
  const asset = await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `System ${Math.random().toString(36).slice(2, 8)}` }));
  const { id } = (await org.admin.post<{ id: string }>(`/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body;
  expect((await org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers })).status).toBe(200);
  expect((await org.admin.post(`/api/assessments/${id}/submit`)).status).toBe(200);
  return id;
}

async function summary(): Promise<Map<unknown, unknown>> {
  const response = await org.admin.raw('GET', `/api/organisations/${org.rootId}/reports/ledningens-genomgang.xlsx?year=${new Date().getUTCFullYear()}`);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.getWorksheet('Sammanfattning')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return new Map(rows.map(([key, value]) => [key, value]));
}

describe('säkerhetsskydd: the särskild analys step', () => {
  it('blocks the decision of a level-4 classification until the säkerhetsskyddschef records where the analysis is kept', async () => {
    const id = await submitted(levelFourAnswers());
    const chief = await org.userWith('sakerhetsskyddschef', org.rootId);
    const decider = await org.userWith('beslutsfattare', org.socialId);

    const waiting = await chief.get<{ specialAnalysis: unknown }>(`/api/assessments/${id}/sign-off`);
    expect(waiting.body.specialAnalysis).toEqual({ recorded: null, earlier: null });
    const todo = await chief.get<{ approvals: { assessmentId: string; step: string }[] }>('/api/todo');
    expect(todo.body.approvals).toContainEqual(expect.objectContaining({ assessmentId: id, step: 'special_analysis' }));
    const before = await summary();
    expect(before.get('Klassningar med nivå 4 (säkerhetsskydd)')).toBe(1);
    expect(before.get('  varav med särskild analys registrerad')).toBe(0);

    const refused = await decider.post<{ error: { code: string } }>(`/api/assessments/${id}/decide`, { statement: 'Fastställs' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('special_analysis_missing');

    const empty = await chief.post<{ error: { details: { field: string }[] } }>(`/api/assessments/${id}/special-analysis`, { reference: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0]!.field).toBe('json.reference');
    expect((await decider.post(`/api/assessments/${id}/special-analysis`, { reference: 'SÄK 2026-14' })).status).toBe(403);

    const recorded = await chief.post<{ reference: string; userName: string }>(`/api/assessments/${id}/special-analysis`, { reference: 'SÄK 2026-14' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.reference).toBe('SÄK 2026-14');
    const shown = await decider.get<{ specialAnalysis: { recorded: { reference: string } | null } }>(`/api/assessments/${id}/sign-off`);
    expect(shown.body.specialAnalysis.recorded?.reference).toBe('SÄK 2026-14');
    const after = await chief.get<{ approvals: { assessmentId: string }[] }>('/api/todo');
    expect(after.body.approvals.map((approval) => approval.assessmentId)).not.toContain(id);

    const decided = await decider.post<{ status: string; result: { actionPlan: { stoppedReason?: string } } }>(`/api/assessments/${id}/decide`, { statement: 'Fastställs' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('faststalld');
    // Requirement generation stays stopped for level 4, as before.
    expect(decided.body.result.actionPlan.stoppedReason).toContain('Inga krav tas fram');
    // The sealed protocol's first page says where the analysis is kept, and nothing more.
    const protocol = await decider.raw('GET', `/api/assessments/${id}/protocol.pdf`);
    expect(protocol.status).toBe(200);
    const protocolText = pdftotext(new Uint8Array(await protocol.arrayBuffer())).replace(/\s+/g, ' ');
    expect(protocolText).toContain('Särskild analys (säkerhetsskydd) Förvaras: SÄK 2026-14. Registrerat av sakerhetsskyddschef');
    const audit = await testApp.deps.database.db.selectFrom('audit_events').select('payload').where('action', '=', 'assessment.special_analysis_recorded').where('entity_id', '=', id).execute();
    expect(audit).toHaveLength(1);

    const counted = await summary();
    expect(counted.get('Klassningar med nivå 4 (säkerhetsskydd)')).toBe(1);
    expect(counted.get('  varav med särskild analys registrerad')).toBe(1);
    const pdf = await org.admin.raw('GET', `/api/organisations/${org.rootId}/reports/ledningens-genomgang.pdf?year=${new Date().getUTCFullYear()}`);
    const text = pdftotext(new Uint8Array(await pdf.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain(`Klassningar med nivå 4 (säkerhetsskydd) ${new Date().getUTCFullYear()} 1, varav 1 med särskild analys registrerad`);
    // Once fastställd, the reference is part of the decided record and cannot be replaced.
    expect((await chief.post(`/api/assessments/${id}/special-analysis`, { reference: 'SÄK 2026-15' })).status).toBe(409);
  });

  it('answers 409 for a classification without a level-4 mark, and needs no analysis to decide it', async () => {
    const id = await submitted(ekonomisystem());
    const chief = await org.userWith('sakerhetsskyddschef', org.rootId);
    const refused = await chief.post<{ error: { code: string } }>(`/api/assessments/${id}/special-analysis`, { reference: 'SÄK 2026-16' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect((await chief.get<{ specialAnalysis: unknown }>(`/api/assessments/${id}/sign-off`)).body.specialAnalysis).toBeNull();
    const decider = await org.userWith('beslutsfattare', org.socialId);
    expect((await decider.post(`/api/assessments/${id}/decide`, { statement: 'Fastställs' })).status).toBe(200);
  });
});
