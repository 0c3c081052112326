import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { exemptionScreeningAnswers } from '../support/dpia-probes';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdfsig, pdftotext } from '../support/pdf-tools';
import { screeningAnswersV2 } from '../support/screening-answers';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstFixture } from '../support/hemtjanst-fixture';

interface Screening {
  id: string;
  status: string;
  summary: string | null;
  result: { outcome: string; outcomeLabel: string; dsoDecisionNeeded: boolean; explanation: string[]; exemptionDecision?: { decision: string; reasons: string; ruleOutcome: string } };
}
interface Todo {
  approvals: { assessmentId: string; step: string; kind: string }[];
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

async function submittedScreening(answers: Record<string, unknown>): Promise<Screening> {
  const assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Elevhälsans journal' }))).body.id;
  const started = (await objektledare.post<Screening>(`/api/assets/${assetId}/assessments`, { kind: 'dpia-screening' })).body;
  expect((await objektledare.put(`/api/assessments/${started.id}/answers`, { baseRevision: 0, answers })).status).toBe(200);
  const submitted = await objektledare.post<Screening>(`/api/assessments/${started.id}/submit`);
  expect(submitted.status).toBe(200);
  return submitted.body;
}

const reasons = 'Anteckningarna förs av en enskild psykolog om egna klienter; skäl 91 gäller.';

describe('a screening that claims an exemption', { timeout: 30_000 }, () => {
  it('waits in the DSO’s Att göra, cannot be fastställd before the DSO decides, and when accepted says so in the sealed record', async () => {
    const screening = await submittedScreening(exemptionScreeningAnswers());
    expect(screening.result).toMatchObject({ outcome: 'kravs', dsoDecisionNeeded: true });
    expect((await dso.get<Todo>('/api/todo')).body.approvals).toContainEqual(expect.objectContaining({ assessmentId: screening.id, step: 'exemption_decision', kind: 'dpia-screening' }));
    // Before: the decision went straight to the beslutsfattare, the exemption never decided.
    const early = await decider.post(`/api/assessments/${screening.id}/decide`, { statement: 'Fastställs.' });
    expect(early.status).toBe(409);
    expect((await decider.post(`/api/assessments/${screening.id}/exemption-decision`, { decision: 'godtas', reasons, statement: 'x' })).status).toBe(403);
    const noReasons = await dso.post<{ error: { details: { field: string }[] } }>(`/api/assessments/${screening.id}/exemption-decision`, { decision: 'godtas', statement: 'Jag avgör.' });
    expect(noReasons.status).toBe(400);
    expect(noReasons.body.error.details.map((detail) => detail.field)).toEqual(['json.reasons']);

    const decided = await dso.post<Screening>(`/api/assessments/${screening.id}/exemption-decision`, { decision: 'godtas', reasons, statement: 'Jag avgör undantaget som dataskyddsombud.' });
    expect(decided.status).toBe(200);
    expect(decided.body.result).toMatchObject({ outcome: 'kravs-inte', outcomeLabel: 'Krävs inte – undantag godtaget av DSO', dsoDecisionNeeded: false, exemptionDecision: { decision: 'godtas', reasons, ruleOutcome: 'kravs' } });
    expect(decided.body.summary).toBe('Krävs inte – undantag godtaget av DSO');
    expect((await dso.get<Todo>('/api/todo')).body.approvals.map((approval) => approval.assessmentId)).not.toContain(screening.id);

    const fastställd = await decider.post<{ status: string; protocolStatus: string }>(`/api/assessments/${screening.id}/decide`, { statement: 'Förhandsbedömningen fastställs.' });
    expect(fastställd.body).toMatchObject({ status: 'faststalld', protocolStatus: 'sealed' });
    const response = await objektledare.raw('GET', `/api/assessments/${screening.id}/protocol.pdf`);
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdfsig(pdf)).toContain('Signature is Valid');
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Förhandsbedömning');
    expect(text).toContain('Krävs inte – undantag godtaget av DSO');
    expect(text).toContain('Undantaget godtas');
    expect(text).toContain(reasons);
    expect(text).toContain('Utfall enligt reglerna Krävs');
    // Never an internal id in the record.
    expect(text).not.toMatch(/skal-91|kravs-inte|godtas-inte/);
  });

  it('keeps the rules’ outcome when the DSO rejects the exemption, and forgets the decision when sent back to utkast', async () => {
    const screening = await submittedScreening(exemptionScreeningAnswers());
    const rejected = await dso.post<Screening>(`/api/assessments/${screening.id}/exemption-decision`, { decision: 'godtas-inte', reasons: 'Journalen delas inom elevhälsoteamet.', statement: 'Jag avgör undantaget.' });
    expect(rejected.body.result).toMatchObject({ outcome: 'kravs', outcomeLabel: 'Krävs', dsoDecisionNeeded: false, exemptionDecision: { decision: 'godtas-inte' } });
    expect(rejected.body.result.explanation.at(-1)).toContain('Dataskyddsombudet godtar inte undantaget');
    const returned = await objektledare.post<Screening>(`/api/assessments/${screening.id}/return`, { reason: 'Komplettera beskrivningen.' });
    expect(returned.body.result).toMatchObject({ outcome: 'kravs', dsoDecisionNeeded: true });
    expect(returned.body.result.exemptionDecision).toBeUndefined();
  });

  it('refuses a decision where no exemption is claimed; such a screening is fastställd directly', async () => {
    const hemtjanst = hemtjanstFixture();
    const screening = await submittedScreening(screeningAnswersV2(hemtjanst.screening));
    const refused = await dso.post(`/api/assessments/${screening.id}/exemption-decision`, { decision: 'godtas', reasons, statement: 'Jag avgör.' });
    expect(refused.status).toBe(409);
    expect((await decider.post<{ status: string }>(`/api/assessments/${screening.id}/decide`, { statement: 'Fastställs.' })).body.status).toBe('faststalld');
  });
});
