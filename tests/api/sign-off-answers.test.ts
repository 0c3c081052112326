import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstFixture } from '../support/hemtjanst-fixture';

/** Issue 17: on DPIA form v2 the DSO's advice and the decision are the sign-off's; an author cannot write them through the API. */

interface ErrorBody {
  error: { code: string; details: { field: string; message: string }[] };
}

const signOffKeys = ['dso-rad', 'dso-motivering', 'beslut', 'beslutsdatum', 'beslut-motivering'];
const fixture = hemtjanstFixture().assessment.answers;
const authorAnswers = Object.fromEntries(Object.entries(fixture).filter(([key]) => !signOffKeys.includes(key)));

let testApp: TestApp;
let org: OrgFixture;
let author: ApiClient;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  author = await org.userWith('objektledare', org.socialId);
});
afterAll(async () => {
  await testApp.close();
});

async function startedDpia(): Promise<{ id: string; revision: number }> {
  const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `E-tjänst ${Math.random()}` }))).body.id;
  const started = await author.post<{ id: string; form: { version: number } }>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' });
  expect(started.body.form.version).toBe(2);
  const saved = await author.put<{ revision: number }>(`/api/assessments/${started.body.id}/answers`, { baseRevision: 0, answers: authorAnswers });
  expect(saved.status).toBe(200);
  return { id: started.body.id, revision: saved.body.revision };
}

describe('DPIA form v2: the sign-off questions', () => {
  it('refuses an author writing the advice or the decision through the whole-document save, naming each field', async () => {
    const { id, revision } = await startedDpia();
    const refused = await author.put<ErrorBody>(`/api/assessments/${id}/answers`, {
      baseRevision: revision,
      answers: { ...authorAnswers, 'dso-rad': 'tillstyrker', beslut: 'godkann' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('sign_off_answer');
    expect(refused.body.error.details.map((detail) => detail.field)).toEqual(['body.answers.beslut', 'body.answers.dso-rad']);
    const stored = await author.get<{ revision: number; answers: Record<string, unknown> }>(`/api/assessments/${id}`);
    expect(stored.body.revision).toBe(revision);
    expect(stored.body.answers['dso-rad']).toBeUndefined();
  });

  it('refuses the same through the change API, naming the op, and takes the other changes of the form', async () => {
    const { id, revision } = await startedDpia();
    const refused = await author.post<ErrorBody>(`/api/assessments/${id}/changes`, {
      ops: [
        { op: 'set', path: ['andamal'], value: 'Larm och positionering', base: revision },
        { op: 'set', path: ['beslutsdatum'], value: '2026-12-01', base: revision },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('sign_off_answer');
    expect(refused.body.error.details).toEqual([{ field: 'body.ops.1', message: expect.stringContaining('sign-off') }]);
    const accepted = await author.post(`/api/assessments/${id}/changes`, { ops: [{ op: 'set', path: ['andamal'], value: 'Larm och positionering', base: revision }] });
    expect(accepted.status).toBe(200);
  });

  it("keeps taking the author's whole-document save after the DSO's advice is in the answers and the DPIA is returned", async () => {
    const { id } = await startedDpia();
    const dso = await org.userWith('dso', org.socialId);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    expect((await author.post(`/api/assessments/${id}/submit`)).status).toBe(200);
    expect((await dso.post(`/api/assessments/${id}/advise`, { advice: 'tillstyrker', reasons: 'Behandlingen är proportionerlig.', statement: 'Mitt råd enligt artikel 35.2.' })).status).toBe(200);
    expect((await decider.post(`/api/assessments/${id}/return`, { reason: 'Komplettera syftet' })).status).toBe(200);
    const stored = await author.get<{ revision: number; answers: Record<string, unknown> }>(`/api/assessments/${id}`);
    expect(stored.body.answers['dso-rad']).toBe('tillstyrker');
    const resaved = await author.put(`/api/assessments/${id}/answers`, { baseRevision: stored.body.revision, answers: { ...stored.body.answers, 'andamal': 'Kompletterat syfte' } });
    expect(resaved.status).toBe(200);
  });
});
