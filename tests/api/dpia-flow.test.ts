import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { screeningAnswersV2 } from '../support/screening-answers';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstFixture } from '../support/hemtjanst-fixture';

interface Assessment {
  id: string;
  answers: Record<string, unknown>;
  result: { outcome?: string } | null;
}

const hemtjanst = hemtjanstFixture().screening;

let testApp: TestApp;
let org: OrgFixture;
let objektledare: ApiClient;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  objektledare = await org.userWith('objektledare', org.socialId);
});
afterEach(async () => {
  await testApp.close();
});

async function screened(answers: Record<string, unknown>): Promise<string> {
  const assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Planering ${Math.random()}` }))).body.id;
  const screening = (await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'dpia-screening' })).body;
  await objektledare.put(`/api/assessments/${screening.id}/answers`, { baseRevision: 0, answers });
  return assetId;
}

describe('from screening to DPIA', { timeout: 30_000 }, () => {
  it('starts the DPIA with what a screening that said Krävs knew', async () => {
    const assetId = await screened(screeningAnswersV2(hemtjanst));
    const dpia = await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' });
    expect(dpia.status).toBe(201);
    expect(dpia.body.answers).toEqual({ informationstillgang: hemtjanst.answers['informationstillgang'], andamal: hemtjanst.answers['behandling-beskrivning'] });
  });

  it('starts it empty after a screening that said a DPIA is not required', async () => {
    const none = Object.fromEntries(Object.entries(screeningAnswersV2(hemtjanst)).map(([key, value]) => [key, (value === 'ja' || value === 'osaker') && key !== 'personuppgifter' ? 'nej' : value]));
    const assetId = await screened(none);
    const dpia = await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' });
    expect(dpia.body.answers).toEqual({});
  });
});
