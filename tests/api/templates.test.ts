import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { adoption, decidedClassification, ekonomisystem, lowered, publishedTemplate, raised } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { findAssessment } from '../../server/assessments/assessment-store';
import { gatherProtocolData } from '../../server/protocols/gather-protocol-data';

interface Aspect {
  aspect: string;
  templateLevel: number | null;
  localLevel: number | null;
  deviation: string;
  motivation: string | null;
  approved: boolean;
  status: string;
}
interface AdoptionView {
  version: { version: number; fulfilled: { requirementId: string; hur: string }[] };
  changed: { version: number; diff: { levels: unknown[]; fulfilled: { added: { requirementId: string }[]; removed: { requirementId: string }[] } } } | null;
  floor: { assessmentId: string; report: { aspects: Aspect[] } } | null;
  approvals: { aspect: string; localLevel: number; userName: string }[];
}
interface PlanItem {
  id: string;
  sourceKey: string;
  status: string;
  hur: string | null;
  hurSource: string | null;
  fulfilledCentrally: boolean;
  revision: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

let testApp: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterAll(async () => {
  await testApp.close();
});

const aspectOf = (view: AdoptionView, code: string) => view.floor!.report.aspects.find((aspect) => aspect.aspect === code)!;
const adoptionOf = async (client: ApiClient, assetId: string) => (await client.get<{ adoption: AdoptionView }>(`/api/assets/${assetId}/adoption`)).body.adoption;

async function saveAndSubmit(client: ApiClient, assessmentId: string, answers: Record<string, unknown>) {
  const current = (await client.get<{ revision: number }>(`/api/assessments/${assessmentId}`)).body;
  return client.put<ErrorBody>(`/api/assessments/${assessmentId}/answers`, { baseRevision: current.revision, answers });
}

describe('publishing a normative classification', { timeout: 30_000 }, () => {
  it('is refused outside a central organisation', async () => {
    const source = await decidedClassification(org, org.skolaId);
    const refused = await org.admin.post<ErrorBody>('/api/templates', { assessmentId: source.assessmentId, name: 'Mall', loweringPolicy: 'never' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/central/);
  });

  it('publishes, lists, searches and keeps the version history', async () => {
    await org.admin.patch(`/api/organisations/${org.rootId}`, { isCentral: true });
    const template = await publishedTemplate(org, org.rootId);
    const reader = await org.userWith('granskare', org.socialId);
    const listed = (await reader.get<{ templates: { id: string; latest: { version: number; profileText: string } }[] }>('/api/templates?q=raindance')).body.templates;
    expect(listed.map((entry) => [entry.id, entry.latest.version, entry.latest.profileText])).toContainEqual([template.templateId, 1, 'K1 R3 T2 S2']);
    expect((await reader.get<{ templates: unknown[] }>('/api/templates?q=finns-inte')).body.templates).toEqual([]);
    const badRequirement = await org.admin.post<ErrorBody>(`/api/templates/${template.templateId}/versions`, { assessmentId: template.assessmentId, name: 'X', loweringPolicy: 'never', fulfilled: [{ requirementId: 'tek-redundans', hur: 'x' }] });
    expect(badRequirement.status).toBe(400);
    const withoutApprover = await org.admin.post<ErrorBody>(`/api/templates/${template.templateId}/versions`, { assessmentId: template.assessmentId, name: 'X', loweringPolicy: 'with_approval' });
    expect(withoutApprover.body.error.details).toEqual([{ field: 'body.loweringApprover', message: 'required when lowering is allowed with approval' }]);
  });
});

describe('the floor rule', { timeout: 30_000 }, () => {
  it('refuses a lowering the template forbids, naming the aspect', async () => {
    const template = await publishedTemplate(org, org.rootId, { name: 'Lönesystemet', loweringPolicy: 'never', loweringApprover: undefined });
    const local = await adoption(org, org.socialId, template.templateId);
    const objektledare = await org.userWith('objektledare', org.socialId);
    const refused = await saveAndSubmit(objektledare, local.assessmentId, lowered(ekonomisystem(), 'T'));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/does not allow lowering T/);
    expect(refused.body.error.details).toEqual([{ field: 'profile.T', message: 'T1 is below the template’s T2' }]);
    // A raise is free.
    expect((await saveAndSubmit(objektledare, local.assessmentId, raised(ekonomisystem(), 'K', 'niva-2'))).status).toBe(200);
    expect(aspectOf(await adoptionOf(objektledare, local.assetId), 'K')).toMatchObject({ templateLevel: 1, localLevel: 2, deviation: 'raise', status: 'ok' });
  });

  it('lets a lowering through only with a motivation and the approval the template demands, and records it', async () => {
    const template = await publishedTemplate(org, org.rootId, { name: 'Ekonomisystemet (sänkbart)', loweringPolicy: 'with_approval', loweringApprover: 'local' });
    const local = await adoption(org, org.socialId, template.templateId);
    const objektledare = await org.userWith('objektledare', org.socialId);
    expect((await saveAndSubmit(objektledare, local.assessmentId, lowered(ekonomisystem(), 'T'))).status).toBe(200);
    expect(aspectOf(await adoptionOf(objektledare, local.assetId), 'T')).toMatchObject({ templateLevel: 2, localLevel: 1, deviation: 'lowering', status: 'needs_motivation' });

    const unmotivated = await objektledare.post<ErrorBody>(`/api/assessments/${local.assessmentId}/submit`);
    expect(unmotivated.status).toBe(409);
    expect(unmotivated.body.error.message).toMatch(/Lowering T .* needs a motivation/);
    expect((await objektledare.put(`/api/assessments/${local.assessmentId}/lowering-motivations/T`, { motivation: 'Förvaltningen har manuella rutiner för utbetalningar under en vecka.' })).status).toBe(200);
    expect((await objektledare.post(`/api/assessments/${local.assessmentId}/submit`)).status).toBe(200);

    const decider = await org.userWith('beslutsfattare', org.socialId);
    const unapproved = await decider.post<ErrorBody>(`/api/assessments/${local.assessmentId}/decide`, { statement: 'Fastställs' });
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.error.message).toMatch(/Lowering T .* needs the approval of the local informationsägare/);

    // Someone else's informationsägare may not approve it.
    const otherDecider = await org.userWith('beslutsfattare', org.skolaId);
    expect((await otherDecider.post(`/api/assessments/${local.assessmentId}/lowering-approvals`, { aspect: 'T', statement: 'Godkänns' })).status).toBe(404);
    expect((await decider.post(`/api/assessments/${local.assessmentId}/lowering-approvals`, { aspect: 'K', statement: 'Godkänns' })).status).toBe(409);
    const approved = await decider.post<{ adoption: AdoptionView }>(`/api/assessments/${local.assessmentId}/lowering-approvals`, { aspect: 'T', statement: 'Sänkningen godkänns efter riskbedömning' });
    expect(approved.status).toBe(200);
    expect(aspectOf(approved.body.adoption, 'T')).toMatchObject({ approved: true, status: 'ok' });
    expect(approved.body.adoption.approvals).toMatchObject([{ aspect: 'T', localLevel: 1 }]);

    expect((await decider.post(`/api/assessments/${local.assessmentId}/decide`, { statement: 'Fastställs' })).status).toBe(200);
    const history = (await org.admin.get<{ events: { action: string; payload: Record<string, unknown> }[] }>(`/api/assets/${local.assetId}/history`)).body;
    expect(JSON.stringify(history)).toContain('"step":"lowering"');

    const data = await gatherProtocolData(testApp.deps, (await findAssessment(testApp.deps.database.db, local.assessmentId))!, { id: 'p', version: 1 }, { development: true, subject: 'test' } as never);
    expect(data.template).toMatchObject({ name: 'Ekonomisystemet (sänkbart)', version: 1 });
    expect(data.template!.aspects.find((aspect) => aspect.aspect === 'T')).toMatchObject({ templateLevel: 2, localLevel: 1, deviation: 'lowering', motivation: expect.stringContaining('manuella rutiner') as string, approvedBy: expect.stringContaining('beslutsfattare') as string });
  });

  it('asks the central informationsägare when the template says so', async () => {
    const template = await publishedTemplate(org, org.rootId, { name: 'Centralt godkännande', loweringApprover: 'central' });
    const local = await adoption(org, org.socialId, template.templateId);
    const objektledare = await org.userWith('objektledare', org.socialId);
    await saveAndSubmit(objektledare, local.assessmentId, lowered(ekonomisystem(), 'T'));
    await objektledare.put(`/api/assessments/${local.assessmentId}/lowering-motivations/T`, { motivation: 'Lokal reservrutin.' });
    const localDecider = await org.userWith('beslutsfattare', org.socialId);
    const refused = await localDecider.post<ErrorBody>(`/api/assessments/${local.assessmentId}/lowering-approvals`, { aspect: 'T', statement: 'Godkänns' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/central informationsägare/);
    const centralDecider = await org.userWith('beslutsfattare', org.rootId);
    expect((await centralDecider.post(`/api/assessments/${local.assessmentId}/lowering-approvals`, { aspect: 'T', statement: 'Godkänns centralt' })).status).toBe(200);
  });
});

describe('centrally fulfilled requirements', { timeout: 30_000 }, () => {
  it('arrive uppfyllt with the central "hur" and cannot be edited locally', async () => {
    const template = await publishedTemplate(org, org.rootId, { name: 'Centralt uppfyllda krav' });
    const local = await adoption(org, org.skolaId, template.templateId);
    const objektledare = await org.userWith('objektledare', org.skolaId);
    const items = (await objektledare.get<{ items: PlanItem[] }>(`/api/assets/${local.assetId}/plan`)).body.items;
    const backup = items.find((item) => item.sourceKey === 'tek-sakerhetskopiering')!;
    expect(backup).toMatchObject({ status: 'uppfyllt', fulfilledCentrally: true, hurSource: 'central', hur: expect.stringContaining('Central IT') as string });
    expect(items.filter((item) => item.fulfilledCentrally)).toHaveLength(1);
    const refused = await objektledare.patch<ErrorBody>(`/api/plan-items/${backup.id}`, { baseRevision: backup.revision, status: 'ej_uppfyllt', hur: 'Vi gör egen backup' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/fulfilled centrally.*status, hur/);
    expect((await objektledare.patch(`/api/plan-items/${backup.id}`, { baseRevision: backup.revision, comment: 'Se central IT:s rutin' })).status).toBe(200);
    const localItem = items.find((item) => !item.fulfilledCentrally)!;
    expect((await objektledare.patch(`/api/plan-items/${localItem.id}`, { baseRevision: localItem.revision, status: 'delvis_uppfyllt' })).status).toBe(200);
  });
});

describe('revisions and the adoption report', { timeout: 30_000 }, () => {
  it('flags every adoption with the diff, clears the flag on review and reports versions and deviations', async () => {
    const template = await publishedTemplate(org, org.rootId, { name: 'Stadsgemensamt ekonomisystem' });
    const social = await adoption(org, org.socialId, template.templateId);
    const skola = await adoption(org, org.skolaId, template.templateId);
    await saveAndSubmit(org.admin, skola.assessmentId, raised(ekonomisystem(), 'K', 'niva-2'));
    await saveAndSubmit(org.admin, social.assessmentId, lowered(ekonomisystem(), 'T'));
    await org.admin.put(`/api/assessments/${social.assessmentId}/lowering-motivations/T`, { motivation: 'Manuella rutiner' });

    const second = await org.admin.post<{ version: number }>(`/api/templates/${template.templateId}/versions`, {
      assessmentId: template.assessmentId,
      name: 'Stadsgemensamt ekonomisystem',
      loweringPolicy: 'with_approval',
      loweringApprover: 'local',
      fulfilled: [{ requirementId: 'tek-loggranskning', hur: 'Central SOC granskar loggarna' }],
    });
    expect(second.body.version).toBe(2);
    const history = (await org.admin.get<{ versions: { version: number }[] }>(`/api/templates/${template.templateId}`)).body.versions.map((version) => version.version);
    expect(history).toEqual([2, 1]);

    for (const local of [social, skola]) {
      const view = await adoptionOf(org.admin, local.assetId);
      expect(view.changed?.version).toBe(2);
      expect(view.changed?.diff.fulfilled.added.map((entry) => entry.requirementId)).toEqual(['tek-loggranskning']);
      expect(view.changed?.diff.fulfilled.removed.map((entry) => entry.requirementId)).toEqual(['tek-sakerhetskopiering']);
    }

    const report = (await org.admin.get<{ adoptions: { organisationName: string; version: number; changed: boolean; deviations: { aspect: string; deviation: string }[] }[] }>(`/api/templates/${template.templateId}/report`)).body.adoptions;
    expect(report.map((entry) => [entry.organisationName, entry.version, entry.changed, entry.deviations.map((deviation) => `${deviation.aspect}:${deviation.deviation}`)])).toEqual([
      ['Socialförvaltningen', 1, true, ['T:lowering']],
      ['Utbildningsförvaltningen', 1, true, ['K:raise']],
    ]);

    const reviewed = await org.admin.post<{ adoption: AdoptionView }>(`/api/assets/${social.assetId}/adoption/review`, { statement: 'Ändringarna är genomgångna' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.adoption.changed).toBeNull();
    expect(reviewed.body.adoption.version.version).toBe(2);
    const plan = (await org.admin.get<{ items: PlanItem[] }>(`/api/assets/${social.assetId}/plan`)).body.items;
    expect(plan.filter((item) => item.fulfilledCentrally).map((item) => item.sourceKey)).toEqual(['tek-loggranskning']);
    expect(plan.find((item) => item.sourceKey === 'tek-sakerhetskopiering')).toMatchObject({ status: 'ej_bedomd', fulfilledCentrally: false });
    expect((await org.admin.post(`/api/assets/${social.assetId}/adoption/review`, { statement: 'Igen' })).status).toBe(409);
    const after = (await org.admin.get<{ adoptions: { organisationName: string; version: number; changed: boolean }[] }>(`/api/templates/${template.templateId}/report`)).body.adoptions;
    expect(after.map((entry) => [entry.organisationName, entry.version, entry.changed])).toEqual([
      ['Socialförvaltningen', 2, false],
      ['Utbildningsförvaltningen', 1, true],
    ]);
  });

  it('adopts once per asset, and only templates published above the asset', async () => {
    const template = await publishedTemplate(org, org.rootId, { name: 'En gång' });
    const local = await adoption(org, org.socialId, template.templateId);
    expect((await org.admin.post(`/api/assets/${local.assetId}/adopt`, { templateId: template.templateId })).status).toBe(409);
    await org.admin.patch(`/api/organisations/${org.socialId}`, { isCentral: true });
    const socialTemplate = await publishedTemplate(org, org.socialId, { name: 'Socialens mall' });
    await org.admin.patch(`/api/organisations/${org.socialId}`, { isCentral: false });
    const skolaAsset = await decidedClassification(org, org.skolaId);
    expect((await org.admin.post(`/api/assets/${skolaAsset.assetId}/adopt`, { templateId: socialTemplate.templateId })).status).toBe(404);
    const skolaReader = await org.userWith('granskare', org.skolaId);
    expect((await skolaReader.get(`/api/templates/${socialTemplate.templateId}`)).status).toBe(404);
  });
});
