import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/** The delegation and diarienummer a decision may name (issue 18): optional, validated, stored with the decision and audited. */

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
let testApp: TestApp;
let org: OrgFixture;
let decider: ApiClient;

async function underReview(): Promise<string> {
  const assetId = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Ekonomisystemet' }))).body.id;
  const id = (await org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body.id;
  await org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem });
  await org.admin.post(`/api/assessments/${id}/submit`);
  return id;
}

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  decider = await org.userWith('beslutsfattare', org.socialId);
});
afterAll(async () => {
  await testApp.close();
});

describe('a decision’s delegation and diarienummer', () => {
  it('refuses an empty or overlong value with 400 naming the field', async () => {
    const id = await underReview();
    const empty = await decider.post<{ error: { details: { field: string }[] } }>(`/api/assessments/${id}/decide`, { statement: 'Fastställs.', delegation: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.map((detail) => detail.field)).toEqual(['json.delegation']);
    const long = await decider.post<{ error: { details: { field: string }[] } }>(`/api/assessments/${id}/decide`, { statement: 'Fastställs.', diarienummer: 'x'.repeat(61) });
    expect(long.status).toBe(400);
    expect(long.body.error.details.map((detail) => detail.field)).toEqual(['json.diarienummer']);
  });

  it('is stored with the decision, shown in the sign-off and written to the audit log; both may be left out', async () => {
    const named = await underReview();
    expect((await decider.post(`/api/assessments/${named}/decide`, { statement: 'Fastställs.', delegation: 'Kommunstyrelsens delegationsordning, punkt 3.2', diarienummer: 'KS 2026/77' })).status).toBe(200);
    const signOff = await org.admin.get<{ approvals: { step: string; delegation: string | null; diarienummer: string | null }[] }>(`/api/assessments/${named}/sign-off`);
    expect(signOff.body.approvals.find((approval) => approval.step === 'decision')).toMatchObject({ delegation: 'Kommunstyrelsens delegationsordning, punkt 3.2', diarienummer: 'KS 2026/77' });
    const events = await testApp.deps.database.db.selectFrom('audit_events').select('payload').where('entity_id', '=', named).where('action', '=', 'assessment.approval_given').execute();
    expect(events.map((event) => JSON.parse(event.payload) as { reference?: unknown })).toContainEqual(expect.objectContaining({ reference: { delegation: 'Kommunstyrelsens delegationsordning, punkt 3.2', diarienummer: 'KS 2026/77' } }));

    const plain = await underReview();
    expect((await decider.post(`/api/assessments/${plain}/decide`, { statement: 'Fastställs.' })).status).toBe(200);
    const plainSignOff = await org.admin.get<{ approvals: { step: string; delegation: string | null; diarienummer: string | null }[] }>(`/api/assessments/${plain}/sign-off`);
    expect(plainSignOff.body.approvals.find((approval) => approval.step === 'decision')).toMatchObject({ delegation: null, diarienummer: null });
  });
});
