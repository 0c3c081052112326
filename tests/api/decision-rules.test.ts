import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 13 finding 4: the server enforces the DPIA decision rules of scoring/dpia/decision-rules.ts. */

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> | { field: string; message: string }[] };
}

const signOffKeys = ['dso-rad', 'dso-motivering', 'beslut', 'beslutsdatum', 'beslut-motivering'];
function answersOf(fixture: string, change: (answers: Record<string, unknown>) => void = () => {}): Record<string, unknown> {
  const answers = { ...(JSON.parse(fs.readFileSync(`tests/fixtures/dpia/${fixture}.json`, 'utf8')) as { assessment: { answers: Record<string, unknown> } }).assessment.answers };
  for (const key of signOffKeys) delete answers[key];
  change(answers);
  return answers;
}

let testApp: TestApp;
let org: OrgFixture;
let objektledare: ApiClient;
let dso: ApiClient;
let decider: ApiClient;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  objektledare = await org.userWith('objektledare', org.socialId);
  dso = await org.userWith('dso', org.socialId);
  decider = await org.userWith('beslutsfattare', org.socialId);
});
afterEach(async () => {
  await testApp.close();
});

/** A DPIA sent for review and advised on by the DSO. */
async function advised(answers: Record<string, unknown>, advice: string): Promise<string> {
  const assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `E-tjänst ${Math.random()}` }))).body.id;
  const { id } = (await objektledare.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' })).body;
  expect((await objektledare.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers })).status).toBe(200);
  expect((await objektledare.post(`/api/assessments/${id}/submit`)).status).toBe(200);
  const given = await dso.post(`/api/assessments/${id}/advise`, { advice, reasons: 'Informationen till sökande ska kompletteras först.', statement: 'Mitt råd enligt artikel 35.2.' });
  expect(given.status).toBe(200);
  return id;
}

describe('a DPIA decision', () => {
  it('cannot approve while a principle is Att korrigera: 409 naming the principle by its label', async () => {
    const id = await advised(answersOf('ekonomiskt-bistand-forkontroll'), 'tillstyrker-med-villkor');
    for (const decision of ['godkann-med-villkor', 'godkann']) {
      const refused = await decider.post<ErrorBody>(`/api/assessments/${id}/decide`, { statement: 'Beslut.', decision, reasons: 'Nämnden bedömer att förkontrollen får användas medan informationen till sökande skrivs om.' });
      expect(refused.status, decision).toBe(409);
      expect(refused.body.error, decision).toMatchObject({ code: 'principles_to_correct', details: { principles: ['Information – får de registrerade klar information enligt artikel 13 och 14?'] } });
      expect(refused.body.error.message).toContain('Information – får de registrerade klar information enligt artikel 13 och 14?');
    }
    expect((await decider.get<{ status: string }>(`/api/assessments/${id}`)).body.status).toBe('for_granskning');
    // Stopping the processing is still a decision the nämnd can take.
    expect((await decider.post(`/api/assessments/${id}/decide`, { statement: 'Beslut.', decision: 'stoppas', reasons: 'Sökande informeras inte om förkontrollen, och den kan därför inte användas i sin nuvarande form.' })).status).toBe(200);
  });

  it('departing from the advice needs a motivation of substance, not one that restates the decision', async () => {
    const id = await advised(answersOf('hemtjanst-gps'), 'tillstyrker-med-villkor');
    for (const reasons of ['Behandlingen godkänns.', 'Behandlingen godkänns trots rådet, beslutet är att behandlingen godkänns utan villkor.', 'ok ok ok ok ok ok ok ok ok']) {
      const refused = await decider.post<ErrorBody>(`/api/assessments/${id}/decide`, { statement: 'Beslut.', decision: 'godkann', reasons });
      expect(refused.status, reasons).toBe(400);
      expect(refused.body.error.details, reasons).toEqual([{ field: 'body.reasons', message: expect.stringMatching(/words/) }]);
    }
    const decided = await decider.post<{ status: string }>(`/api/assessments/${id}/decide`, { statement: 'Beslut.', decision: 'godkann', reasons: 'Villkoret om nattlig positionering löses redan av schemat: larmen går bara dagtid.' });
    expect(decided.status).toBe(200);
  });
});
