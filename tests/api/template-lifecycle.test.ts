import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdftotext } from '../support/pdf-tools';
import { adoption, ekonomisystem, lowered, publishedTemplate, raised } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 8's "done when", in one run: a central classification is published, adopted by two
 * förvaltningar (a raise in one, an approved lowering in the other), revised, both adoptions are
 * flagged, and all of it is visible in the sealed protocols and the ISAM's report.
 */

let testApp: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  await org.admin.patch(`/api/organisations/${org.rootId}`, { isCentral: true });
});
afterAll(async () => {
  await testApp.close();
});

async function decideLocally(organisationId: string, assessmentId: string, answers: Record<string, unknown>, lowering?: { aspect: string; motivation: string }): Promise<void> {
  const objektledare = await org.userWith('objektledare', organisationId);
  const decider = await org.userWith('beslutsfattare', organisationId);
  expect((await objektledare.put(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers })).status).toBe(200);
  if (lowering) {
    await objektledare.put(`/api/assessments/${assessmentId}/lowering-motivations/${lowering.aspect}`, { motivation: lowering.motivation });
  }
  expect((await objektledare.post(`/api/assessments/${assessmentId}/submit`)).status).toBe(200);
  const approval = lowering ? await decider.post(`/api/assessments/${assessmentId}/lowering-approvals`, { aspect: lowering.aspect, statement: 'Sänkningen godkänns' }) : undefined;
  expect(approval?.status ?? 200).toBe(200);
  expect((await decider.post(`/api/assessments/${assessmentId}/decide`, { statement: 'Fastställs' })).status).toBe(200);
}

async function protocolText(client: ApiClient, assessmentId: string): Promise<string> {
  const response = await client.raw('GET', `/api/assessments/${assessmentId}/protocol.pdf`);
  expect(response.status).toBe(200);
  return pdftotext(new Uint8Array(await response.arrayBuffer())).replace(/\s+/g, ' ');
}

describe('a normative classification across the city', { timeout: 60_000 }, () => {
  it('is published, adopted twice with a raise and an approved lowering, revised, flagged, and shows in protocols and report', async () => {
    const template = await publishedTemplate(org, org.rootId, { name: 'Ekonomisystemet Raindance' });
    const social = await adoption(org, org.socialId, template.templateId);
    const skola = await adoption(org, org.skolaId, template.templateId);
    await decideLocally(org.socialId, social.assessmentId, lowered(ekonomisystem(), 'T'), { aspect: 'T', motivation: 'Förvaltningen klarar en veckas avbrott med manuella utbetalningar.' });
    await decideLocally(org.skolaId, skola.assessmentId, raised(ekonomisystem(), 'K', 'niva-2'));

    const socialProtocol = await protocolText(org.admin, social.assessmentId);
    expect(socialProtocol).toContain('Normerande klassning');
    expect(socialProtocol).toContain('Klassningen utgår från mallen ”Ekonomisystemet Raindance”, version 1');
    expect(socialProtocol).toMatch(/T2 T1 Sänkt lokalt Förvaltningen klarar en veckas avbrott med manuella utbetalningar\. Godkänd av beslutsfattare/);
    expect(socialProtocol).toContain('Krav som uppfylls centralt: Säkerhetskopiering (Central IT tar säkerhetskopior');
    const skolaProtocol = await protocolText(org.admin, skola.assessmentId);
    expect(skolaProtocol).toMatch(/K1 K2 Höjd lokalt/);

    const isam = await org.userWith('isam', org.rootId);
    const revised = await isam.post<{ version: number }>(`/api/templates/${template.templateId}/versions`, { assessmentId: template.assessmentId, name: 'Ekonomisystemet Raindance', loweringPolicy: 'with_approval', loweringApprover: 'central', fulfilled: [] });
    expect(revised.body.version).toBe(2);
    for (const local of [social, skola]) {
      const view = (await org.admin.get<{ adoption: { changed: { version: number; diff: { fulfilled: { removed: { requirementId: string }[] }; loweringPolicy: unknown } } | null } }>(`/api/assets/${local.assetId}/adoption`)).body.adoption;
      expect(view.changed?.version).toBe(2);
      expect(view.changed?.diff.fulfilled.removed.map((entry) => entry.requirementId)).toEqual(['tek-sakerhetskopiering']);
    }

    const report = (await isam.get<{ adoptions: { organisationName: string; version: number; changed: boolean; classificationStatus: string; deviations: { aspect: string; deviation: string; approved: boolean }[] }[] }>(`/api/templates/${template.templateId}/report`)).body.adoptions;
    expect(report).toEqual([
      expect.objectContaining({ organisationName: 'Socialförvaltningen', version: 1, changed: true, classificationStatus: 'faststalld', deviations: [expect.objectContaining({ aspect: 'T', deviation: 'lowering', approved: true })] }),
      expect.objectContaining({ organisationName: 'Utbildningsförvaltningen', version: 1, changed: true, classificationStatus: 'faststalld', deviations: [expect.objectContaining({ aspect: 'K', deviation: 'raise' })] }),
    ]);
  });
});
