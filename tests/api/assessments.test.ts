import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { screeningAnswersV2 } from '../support/screening-answers';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstFixture } from '../support/hemtjanst-fixture';

interface Assessment {
  id: string;
  status: string;
  revision: number;
  round: number;
  answers: Record<string, unknown>;
  summary: string | null;
  missing: { field: string }[];
  form: { id: string; version: number };
  result: { classification?: { profile: { text: string } }; actionPlan?: { requirements: { id: string }[] } } | null;
}
interface PlanItem {
  id: string;
  sourceKey: string;
  applicable: boolean;
  status: string;
  revision: number;
  hur: string | null;
  hurSource: string | null;
}
interface ErrorBody {
  error: { code: string; details: Record<string, unknown> & { field?: string }[] };
}

const fixture = (name: string) => JSON.parse(fs.readFileSync(`tests/fixtures/classification/${name}.json`, 'utf8')) as { answers: Record<string, unknown>; expected: { profile: string; includes: string[] } };

let testApp: TestApp;
let org: OrgFixture;
let objektledare: ApiClient;
let assetId: string;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  objektledare = await org.userWith('objektledare', org.socialId);
  assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
});
afterEach(async () => {
  await testApp.close();
});

async function startClassification(): Promise<Assessment> {
  const started = await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'classification' });
  expect(started.status).toBe(201);
  return started.body;
}

describe('a classification with autosave', () => {
  it('starts on the newest form, pinned, at revision 0 with the asset in progress', async () => {
    const assessment = await startClassification();
    expect(assessment).toMatchObject({ status: 'utkast', revision: 0, round: 1, form: { id: 'informationsklassning', version: 4 } });
    expect((await objektledare.get<{ classificationStatus: string }>(`/api/assets/${assetId}`)).body.classificationStatus).toBe('pagar');
    const again = await objektledare.post<ErrorBody>(`/api/assets/${assetId}/assessments`, { kind: 'classification' });
    expect(again.status).toBe(409);
  });

  it('scores each save on the server: profile, plan and asset badges follow the answers', async () => {
    const assessment = await startClassification();
    const { answers, expected } = fixture('ekonomisystem');
    const saved = await objektledare.put<Assessment>(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(1);
    expect(saved.body.summary).toBe(expected.profile);
    expect(saved.body.result?.classification?.profile.text).toBe(expected.profile);
    const plan = (await objektledare.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body.items;
    expect(plan.map((item) => item.sourceKey)).toEqual(expect.arrayContaining(expected.includes));
    expect(plan.every((item) => item.applicable && item.status === 'ej_bedomd')).toBe(true);
    const asset = (await objektledare.get<{ profile: Record<string, number> }>(`/api/assets/${assetId}`)).body;
    expect(`K${asset.profile.K} R${asset.profile.R} T${asset.profile.T} S${asset.profile.S}`).toBe(expected.profile);
  });

  it('refuses a stale save with 409, names what changed since, and keeps the newer answers', async () => {
    const assessment = await startClassification();
    const first = await objektledare.put<Assessment>(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers: { objekt_namn: 'Ekonomisystemet' } });
    expect(first.status).toBe(200);
    const colleague = await org.userWith('isam', org.socialId);
    await colleague.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: 1, answers: { objekt_namn: 'Ekonomisystemet', objekt_typ: 'system' } });
    const stale = await objektledare.put<ErrorBody>(`/api/assessments/${assessment.id}/answers`, { baseRevision: 1, answers: { objekt_namn: 'Raindance' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ currentRevision: 2, changedQuestions: ['objekt_typ'] });
    const stored = (await objektledare.get<Assessment>(`/api/assessments/${assessment.id}`)).body;
    expect(stored.answers).toEqual({ objekt_namn: 'Ekonomisystemet', objekt_typ: 'system' });
  });

  it('names each answer that does not fit the form and stores nothing', async () => {
    const assessment = await startClassification();
    const response = await objektledare.put<ErrorBody>(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers: { objekt_typ: 'rymdskepp', inte_en_fraga: 1 } });
    expect(response.status).toBe(400);
    const fields = (response.body.error.details as unknown as { field: string }[]).map((detail) => detail.field).sort();
    expect(fields).toEqual(['body.answers.inte_en_fraga', 'body.answers.objekt_typ']);
    expect((await objektledare.get<Assessment>(`/api/assessments/${assessment.id}`)).body.revision).toBe(0);
  });

  it('keeps plan edits when an item stops applying, and brings them back when it applies again', async () => {
    const assessment = await startClassification();
    const { answers } = fixture('ekonomisystem');
    await objektledare.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers });
    const before = (await objektledare.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body.items;
    const gdpr = before.find((item) => item.sourceKey === 'gdpr-registerforteckning')!;
    const edited = await objektledare.patch<PlanItem>(`/api/plan-items/${gdpr.id}`, { baseRevision: gdpr.revision, status: 'uppfyllt', hur: 'Registerförteckningen förs i dataskyddsverktyget.' });
    expect(edited.status).toBe(200);
    await objektledare.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: 1, answers: {} });
    const dropped = (await objektledare.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body.items.find((item) => item.id === gdpr.id)!;
    expect(dropped).toMatchObject({ applicable: false, status: 'uppfyllt', hur: 'Registerförteckningen förs i dataskyddsverktyget.' });
    await objektledare.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: 2, answers });
    const back = (await objektledare.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body.items.find((item) => item.id === gdpr.id)!;
    expect(back).toMatchObject({ applicable: true, status: 'uppfyllt' });
  });

  it('goes för granskning only when complete, is fastställd by a beslutsfattare, then frozen', async () => {
    const assessment = await startClassification();
    const early = await objektledare.post<ErrorBody>(`/api/assessments/${assessment.id}/submit`);
    expect(early.status).toBe(409);
    expect((early.body.error.details as unknown as { missing: unknown[] }).missing.length).toBeGreaterThan(0);
    await objektledare.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers: fixture('ekonomisystem').answers });
    expect((await objektledare.post(`/api/assessments/${assessment.id}/submit`)).status).toBe(200);
    expect((await objektledare.post(`/api/assessments/${assessment.id}/decide`, { statement: 'Jag fastställer.' })).status).toBe(403);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    const decided = await decider.post<Assessment>(`/api/assessments/${assessment.id}/decide`, { statement: 'Jag fastställer klassningen.' });
    expect(decided.body.status).toBe('faststalld');
    const frozen = await objektledare.put<ErrorBody>(`/api/assessments/${assessment.id}/answers`, { baseRevision: 1, answers: {} });
    expect(frozen.status).toBe(409);
    const asset = (await objektledare.get<{ classificationStatus: string; nextReviewAt: string }>(`/api/assets/${assetId}`)).body;
    expect(asset.classificationStatus).toBe('faststalld');
    expect(new Date(asset.nextReviewAt).getUTCFullYear()).toBe(new Date().getUTCFullYear() + 1);
    const next = await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'classification' });
    expect(next.body).toMatchObject({ round: 2, status: 'utkast', answers: fixture('ekonomisystem').answers });
  });

  it('sends an assessment back to utkast with the reason recorded', async () => {
    const assessment = await startClassification();
    await objektledare.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers: fixture('ekonomisystem').answers });
    await objektledare.post(`/api/assessments/${assessment.id}/submit`);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    expect((await decider.post(`/api/assessments/${assessment.id}/return`, { reason: '' })).status).toBe(400);
    const returned = await decider.post<Assessment>(`/api/assessments/${assessment.id}/return`, { reason: 'Motivera T-nivån tydligare.' });
    expect(returned.body.status).toBe('utkast');
    const history = (await objektledare.get<{ events: { action: string; payload: { reason?: string } }[] }>(`/api/assets/${assetId}/history`)).body.events;
    expect(history[0]).toMatchObject({ action: 'assessment.status_changed', payload: { reason: 'Motivera T-nivån tydligare.' } });
    expect(await verifyAuditChain(testApp.deps.database.db)).toMatchObject({ ok: true });
  });
});

describe('plan items', () => {
  it('demands a motivation for ej tillämpligt and a decision for risk accepterad, and inherits the organisation’s "hur"', async () => {
    const assessment = await startClassification();
    await objektledare.put(`/api/assessments/${assessment.id}/answers`, { baseRevision: 0, answers: fixture('ekonomisystem').answers });
    const items = (await objektledare.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body.items;
    const item = items.find((entry) => entry.sourceKey === 'tek-sakerhetskopiering')!;
    const noMotivation = await objektledare.patch<ErrorBody>(`/api/plan-items/${item.id}`, { baseRevision: item.revision, status: 'ej_tillampligt' });
    expect(noMotivation.status).toBe(400);
    expect(noMotivation.body.error.details).toEqual([{ field: 'body.statusMotivation', message: expect.any(String) }]);
    const risk = await objektledare.patch<ErrorBody>(`/api/plan-items/${item.id}`, { baseRevision: item.revision, status: 'risk_accepterad', riskDecidedBy: 'Förvaltningschef', riskDecidedOn: '2026-12-01', riskValidUntil: '2026-11-01' });
    expect(risk.body.error.details).toEqual([{ field: 'body.riskValidUntil', message: 'must be after the decision date' }]);

    const isam = await org.userWith('isam', org.rootId);
    expect((await isam.put(`/api/organisations/${org.rootId}/requirement-defaults/tek-sakerhetskopiering`, { hur: 'Kommunens IT tar säkerhetskopior varje natt.' })).status).toBe(204);
    const inherited = (await objektledare.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body.items.find((entry) => entry.id === item.id)!;
    expect(inherited).toMatchObject({ hur: 'Kommunens IT tar säkerhetskopior varje natt.', hurSource: 'organisation' });
    const stale = await objektledare.patch(`/api/plan-items/${item.id}`, { baseRevision: item.revision + 5, comment: 'x' });
    expect(stale.status).toBe(409);
  });
});

describe('DPIA screening', () => {
  it('scores a screening from a municipal fixture', async () => {
    const hemtjanst = hemtjanstFixture();
    const started = await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'dpia-screening' });
    expect(started.body.form).toEqual({ id: 'dpia-forhandsbedomning', version: 2 });
    const saved = await objektledare.put<Assessment & { result: { outcome: string } }>(`/api/assessments/${started.body.id}/answers`, { baseRevision: 0, answers: screeningAnswersV2(hemtjanst.screening) });
    expect(saved.status).toBe(200);
    expect(saved.body.result.outcome).toBe(hemtjanst.screening.expected.outcome);
  });
});
