import { assetInput, type OrgFixture } from './org-fixture';
import { ok, type Probe } from './route-probe';
import { levelFourAnswers } from './sakerhet-fixture';

/**
 * The säkerhetsskydd route for the permission walk (tests/api/permissions.test.ts): a fresh
 * level-4 classification under review per call, so each recorded reference has its own.
 */
export function sakerhetProbes(fixture: () => OrgFixture): Record<string, Probe> {
  const levelFourUnderReview = async () => {
    const { admin, socialId } = fixture();
    const asset = await ok(admin.post<{ id: string }>('/api/assets', assetInput(socialId, { name: `Säkerhetsskydd ${Math.random()}` })));
    const { id } = await ok(admin.post<{ id: string }>(`/api/assets/${asset.id}/assessments`, { kind: 'classification' }));
    await ok(admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: levelFourAnswers() }));
    await ok(admin.post(`/api/assessments/${id}/submit`));
    return id;
  };
  return {
    'POST /api/assessments/{id}/special-analysis': {
      permission: 'assessment.special_analysis',
      prepare: async () => ({ method: 'POST', path: `/api/assessments/${await levelFourUnderReview()}/special-analysis`, body: { reference: 'SÄK 2026-1' } }),
    },
  };
}
