import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { exemptionScreeningAnswers } from '../support/dpia-probes';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { expectFiguresAsBefore } from '../support/round-summary-check';
import { screeningAnswersV2 } from '../support/screening-answers';
import { decidedClassification } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstAuthorAnswers, hemtjanstFixture } from '../support/hemtjanst-fixture';

/**
 * Issue 16: the dashboard's DPIA figures and coverage read each asset's round summary (migration
 * 025), which every write of a round keeps. Through the API, every kind of write that moves a
 * round — start, save, submit, return, the DSO's exemption decision and advice, the decision, a
 * new round, a review interval, archiving — leaves the summaries equal to a fresh summary, and the
 * figures equal to the grouped passes over every round they replaced.
 */

const hemtjanst = hemtjanstFixture();
const dpiaAnswers = hemtjanstAuthorAnswers();

let testApp: TestApp;
let org: OrgFixture;
let author: ApiClient;
let dso: ApiClient;
let decider: ApiClient;
let scope: string[];
const instants: string[] = [];

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  author = await org.userWith('objektledare', org.rootId);
  dso = await org.userWith('dso', org.rootId);
  decider = await org.userWith('beslutsfattare', org.rootId);
  scope = [org.rootId, org.socialId, org.skolaId];
});
afterAll(async () => {
  await testApp.close();
});

async function ok<T>(call: Promise<{ status: number; body: T }>): Promise<T> {
  const response = await call;
  expect([200, 201], JSON.stringify(response.body).slice(0, 500)).toContain(response.status);
  return response.body;
}

async function asset(name: string, organisationId = org.socialId): Promise<string> {
  return (await org.admin.post<{ id: string }>('/api/assets', assetInput(organisationId, { name }))).body.id;
}

async function started(assetId: string, kind: 'dpia-screening' | 'dpia' | 'classification', answers: Record<string, unknown>): Promise<string> {
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind })).body;
  await expectFresh();
  await ok(author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers }));
  return id;
}

/** The figures now and at every instant passed so far: a write must not move what was counted for the past. */
async function expectFresh(): Promise<void> {
  await expectFiguresAsBefore(testApp.deps.database.db, scope, instants);
  instants.push(new Date().toISOString());
}

describe('the round summaries', { timeout: 120_000 }, () => {
  it('follow every write of a screening and a DPIA, from the first save to the decision and a new round', async () => {
    const larm = await asset('Hemtjänstens larm');
    await expectFresh();
    const screening = await started(larm, 'dpia-screening', screeningAnswersV2(hemtjanst.screening));
    await expectFresh();
    await ok(author.post(`/api/assessments/${screening}/submit`));
    await ok(decider.post(`/api/assessments/${screening}/decide`, { statement: 'Screeningen fastställs.' }));
    await expectFresh();

    const dpia = await started(larm, 'dpia', dpiaAnswers);
    await expectFresh();
    await ok(author.post(`/api/assessments/${dpia}/submit`));
    await expectFresh();
    await ok(decider.post(`/api/assessments/${dpia}/return`, { reason: 'Komplettera riskerna.' }));
    await expectFresh();
    await ok(author.post(`/api/assessments/${dpia}/submit`));
    await ok(dso.post(`/api/assessments/${dpia}/advise`, { advice: 'tillstyrker', reasons: 'Proportionerlig behandling.', statement: 'Mitt råd.' }));
    await expectFresh();
    await ok(decider.post(`/api/assessments/${dpia}/decide`, { statement: 'Beslut.', decision: 'godkann' }));
    await expectFresh();
    // A review confirmed without changes moves the DPIA's next review.
    const due = (await testApp.deps.database.db.selectFrom('assets').select('dpia_next_review_at').where('id', '=', larm).executeTakeFirstOrThrow()).dpia_next_review_at;
    await ok(decider.post(`/api/assessments/${dpia}/review-confirmations`, { statement: 'Oförändrad' }));
    await expectFresh();
    expect((await testApp.deps.database.db.selectFrom('assets').select('dpia_next_review_at').where('id', '=', larm).executeTakeFirstOrThrow()).dpia_next_review_at).not.toBe(due);
    await ok(author.post(`/api/assets/${larm}/assessments`, { kind: 'dpia' }));
    await expectFresh();

    await ok(org.admin.put(`/api/organisations/${org.rootId}/review-interval`, { months: 7 }));
    await expectFresh();
    await ok(org.admin.post(`/api/assets/${larm}/archive`));
    await expectFresh();
    await ok(org.admin.post(`/api/assets/${larm}/restore`));
    await expectFresh();
    // The new DPIA round speaks for the asset now; the screening's outcome stays.
    const summary = await testApp.deps.database.db.selectFrom('assets').select(['screening_outcome', 'dpia_status']).where('id', '=', larm).executeTakeFirstOrThrow();
    expect(summary.dpia_status).toBe('utkast');
    expect(summary.screening_outcome).not.toBeNull();
  });

  it('follow a claimed exemption through the DSO’s decision, and a classification from its start to a second round', async () => {
    const elev = await asset('Elevhälsans journal', org.skolaId);
    const screening = await started(elev, 'dpia-screening', exemptionScreeningAnswers());
    await ok(author.post(`/api/assessments/${screening}/submit`));
    await expectFresh();
    await ok(dso.post(`/api/assessments/${screening}/exemption-decision`, { decision: 'godtas', reasons: 'Skäl 91 gäller för en enskild psykologs anteckningar.', statement: 'Jag avgör.' }));
    await expectFresh();

    const classified = await decidedClassification(org, org.skolaId);
    await expectFresh();
    await ok(org.admin.post(`/api/assets/${classified.assetId}/assessments`, { kind: 'classification' }));
    await expectFresh();
    await ok(org.admin.put(`/api/organisations/${org.skolaId}/review-interval`, { months: 30 }));
    await expectFresh();
    const { db } = testApp.deps.database;
    const summary = await db.selectFrom('assets').select(['first_started_at', 'first_decided_at', 'screening_outcome']).where('id', 'in', [classified.assetId, elev]).orderBy('first_started_at').execute();
    // The figures compared above are not all zero: one asset classified, one screened.
    expect(summary.some((row) => row.first_decided_at !== null)).toBe(true);
    expect(summary.some((row) => row.screening_outcome !== null)).toBe(true);
  });
});
