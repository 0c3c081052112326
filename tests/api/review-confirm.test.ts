import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewConfirmationInfo } from '../../server/reviews/confirmation-store';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdfsig, pdftotext } from '../support/pdf-tools';
import { createTestApp, type TestApp } from '../support/test-app';

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;
let decider: ApiClient;

async function decided(name: string): Promise<{ assetId: string; assessmentId: string }> {
  const assetId = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name }))).body.id;
  const assessmentId = (await org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body.id;
  await org.admin.put(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers: ekonomisystem });
  await org.admin.post(`/api/assessments/${assessmentId}/submit`);
  const response = await decider.post(`/api/assessments/${assessmentId}/decide`, { statement: 'Fastställs' });
  if (response.status !== 200) throw new Error(`decide failed: ${JSON.stringify(response.body)}`);
  return { assetId, assessmentId };
}

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  decider = await org.userWith('beslutsfattare', org.socialId);
});
afterAll(async () => {
  await testApp.close();
});

describe('a review confirmed unchanged', () => {
  it('moves the review date on from today, stores a sealed confirmation and audits it', async () => {
    const { assetId, assessmentId } = await decided('Ekonomisystem');
    // Decided 13 months ago, so the review is overdue.
    const longAgo = new Date(Date.now() - 395 * 86_400_000).toISOString();
    await testApp.deps.database.db.updateTable('assessments').set({ decided_at: longAgo }).where('id', '=', assessmentId).execute();
    await org.admin.put(`/api/organisations/${org.socialId}/review-interval`, { months: 12 });
    expect(new Date((await org.admin.get<{ nextReviewAt: string }>(`/api/assets/${assetId}`)).body.nextReviewAt).getTime()).toBeLessThan(Date.now());

    const response = await decider.post<ReviewConfirmationInfo>(`/api/assessments/${assessmentId}/review-confirmations`, { statement: 'Inget har ändrats: samma leverantör, integrationer och information.' });
    expect(response.status).toBe(201);
    const confirmation = response.body;
    expect(confirmation).toMatchObject({ assessmentId, assetId, role: 'beslutsfattare', statement: expect.stringContaining('Inget har ändrats') });
    const expected = new Date(confirmation.confirmedAt);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(confirmation.nextReviewAt.slice(0, 10)).toBe(expected.toISOString().slice(0, 10));
    expect((await org.admin.get<{ nextReviewAt: string }>(`/api/assets/${assetId}`)).body.nextReviewAt).toBe(confirmation.nextReviewAt);

    const listed = await org.admin.get<ReviewConfirmationInfo[]>(`/api/assessments/${assessmentId}/review-confirmations`);
    expect(listed.body.map((entry) => entry.id)).toEqual([confirmation.id]);

    const download = await org.admin.raw('GET', `/api/review-confirmations/${confirmation.id}/confirmation.pdf`);
    expect(download.status).toBe(200);
    const pdf = new Uint8Array(await download.arrayBuffer());
    expect(pdfsig(pdf)).toMatch(/Signature is Valid/);
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Omprövning utan ändring');
    expect(text).toContain('Inget har ändrats');
    const again = new Uint8Array(await (await org.admin.raw('GET', `/api/review-confirmations/${confirmation.id}/confirmation.pdf`)).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);

    const events = await testApp.deps.database.db.selectFrom('audit_events').select(['action', 'payload']).where('entity_id', '=', assessmentId).where('action', '=', 'assessment.review_confirmed').execute();
    expect(events).toHaveLength(1);
    // The stored document cannot be changed afterwards.
    await expect(testApp.deps.database.db.updateTable('review_confirmations').set({ statement: 'x' }).where('id', '=', confirmation.id).execute()).rejects.toThrow(/immutable/);
  });

  it('is for the beslutsfattare only, and only on a fastställd round in force', async () => {
    const { assetId, assessmentId } = await decided('Ärendesystem');
    const objektledare = await org.userWith('objektledare', org.socialId);
    expect((await objektledare.post(`/api/assessments/${assessmentId}/review-confirmations`, { statement: 'Oförändrad' })).status).toBe(403);
    expect((await decider.post(`/api/assessments/${assessmentId}/review-confirmations`, { statement: '' })).status).toBe(400);
    // A new version started: the old round is no longer confirmed unchanged.
    const next = await org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' });
    expect(next.status).toBe(201);
    const refused = await decider.post<{ error: { code: string } }>(`/api/assessments/${assessmentId}/review-confirmations`, { statement: 'Oförändrad' });
    expect(refused.status).toBe(409);
    expect((await decider.post(`/api/assessments/${next.body.id}/review-confirmations`, { statement: 'Oförändrad' })).status).toBe(409);
  });

  it('gives one confirmation when two race', async () => {
    const { assessmentId } = await decided('Lönesystem');
    const results = await Promise.all([1, 2].map(() => decider.post(`/api/assessments/${assessmentId}/review-confirmations`, { statement: 'Oförändrad' })));
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
  });
});
