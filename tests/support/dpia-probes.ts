import fs from 'node:fs';
import { assetInput, type OrgFixture } from './org-fixture';
import { ok, type Probe } from './route-probe';
import { screeningAnswersV2 } from './screening-answers';

/** The elevhälsa fixture's screening: two criteria and a claimed recital 91 exemption, so the DSO has a decision to make. */
export function exemptionScreeningAnswers(): Record<string, unknown> {
  const fixture = JSON.parse(fs.readFileSync('tests/fixtures/dpia/elevhalsa-skolpsykolog.json', 'utf8')) as { screening: { answers: Record<string, unknown>; factorsV2: Record<string, string> } };
  return screeningAnswersV2(fixture.screening);
}

/**
 * The DPIA and screening routes of issue 17.2 for the permission walk in tests/api/permissions.test.ts:
 * each probe gets a fresh screening under review that claims an exemption.
 */
export function dpiaProbes(fixture: () => OrgFixture): Record<string, Probe> {
  const screeningUnderReview = async () => {
    const org = fixture();
    const assetId = (await ok(org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Elevhälsa ${Math.random()}` })))).id;
    const { id } = await ok(org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'dpia-screening' }));
    await ok(org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: exemptionScreeningAnswers() }));
    await ok(org.admin.post(`/api/assessments/${id}/submit`));
    return id;
  };
  return {
    'POST /api/assessments/{id}/exemption-decision': {
      permission: 'assessment.advise',
      prepare: async () => ({
        method: 'POST',
        path: `/api/assessments/${await screeningUnderReview()}/exemption-decision`,
        body: { decision: 'godtas', reasons: 'En enskild psykologs egna anteckningar.', statement: 'Jag avgör undantaget.' },
      }),
    },
  };
}
