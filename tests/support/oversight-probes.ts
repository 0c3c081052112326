import fs from 'node:fs';
import { assetInput, type OrgFixture } from './org-fixture';
import { ok, type Probe } from './route-probe';

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

/** Oversight routes scoped by what the caller may see (checked by visibility in tests/api/exports.test.ts). */
export const oversightListings = ['GET /api/exports/inventory.xlsx'];

/**
 * The review-confirmation and export routes (issue 9) for the permission walk in
 * tests/api/permissions.test.ts. A confirmation is made fresh per call (it moves the review date);
 * the reads share one confirmed, fastställd classification.
 */
export function oversightProbes(fixture: () => OrgFixture): Record<string, Probe> {
  const decided = async () => {
    const org = fixture();
    const assetId = (await ok(org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Objekt ${Math.random()}` })))).id;
    const { id } = await ok(org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' }));
    await ok(org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem }));
    await ok(org.admin.post(`/api/assessments/${id}/submit`));
    await ok((await org.userWith('beslutsfattare', org.socialId)).post(`/api/assessments/${id}/decide`, { statement: 'Fastställs' }));
    return { assetId, id };
  };
  let shared: Promise<{ assetId: string; id: string; confirmationId: string }> | undefined;
  const confirmed = () => {
    shared ??= decided().then(async (round) => {
      const decider = await fixture().userWith('beslutsfattare', fixture().socialId);
      const confirmation = await ok(decider.post<{ id: string }>(`/api/assessments/${round.id}/review-confirmations`, { statement: 'Oförändrad' }));
      return { ...round, confirmationId: confirmation.id };
    });
    return shared;
  };
  return {
    'POST /api/assessments/{id}/review-confirmations': { permission: 'review.confirm', prepare: async () => ({ method: 'POST', path: `/api/assessments/${(await decided()).id}/review-confirmations`, body: { statement: 'Oförändrad' } }) },
    'GET /api/assessments/{id}/review-confirmations': { permission: 'assessment.read', prepare: async () => ({ method: 'GET', path: `/api/assessments/${(await confirmed()).id}/review-confirmations` }) },
    'GET /api/review-confirmations/{id}/confirmation.pdf': { permission: 'protocol.read', prepare: async () => ({ method: 'GET', path: `/api/review-confirmations/${(await confirmed()).confirmationId}/confirmation.pdf` }) },
    'GET /api/assets/{id}/plan.csv': { permission: 'plan.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${(await confirmed()).assetId}/plan.csv` }) },
    'GET /api/assets/{id}/plan.xlsx': { permission: 'plan.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${(await confirmed()).assetId}/plan.xlsx` }) },
    'GET /api/assets/{id}/upphandlingskrav.xlsx': { permission: 'export.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${(await confirmed()).assetId}/upphandlingskrav.xlsx` }) },
    'GET /api/assets/{id}/upphandlingskrav.pdf': { permission: 'export.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${(await confirmed()).assetId}/upphandlingskrav.pdf` }) },
    'GET /api/assets/{id}/sakerhetsklass.csv': { permission: 'export.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${(await confirmed()).assetId}/sakerhetsklass.csv` }) },
    'GET /api/assets/{id}/sakerhetsklass.xlsx': { permission: 'export.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${(await confirmed()).assetId}/sakerhetsklass.xlsx` }) },
  };
}
