import fs from 'node:fs';
import type { ApiResponse } from './api-client';
import { assetInput, type OrgFixture } from './org-fixture';

/** The ekonomisystem workshop (K1 R3 T2 S2) and variants of it that raise or lower one aspect. */
export function ekonomisystem(): Record<string, unknown> {
  return (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
}

/** Every consequence of the aspect capped at Måttlig (1): the aspect drops below the template's level. */
export function lowered(answers: Record<string, unknown>, aspect: 'K' | 'R' | 'T' | 'S'): Record<string, unknown> {
  const key = `konsekvens_${aspect.toLowerCase()}`;
  const sets = (answers.informationsmangder as Record<string, unknown>[]).map((set) => ({
    ...set,
    [key]: Object.fromEntries(Object.entries(set[key] as Record<string, string>).map(([area, value]) => [area, value === 'niva-2' || value === 'niva-3' ? 'niva-1' : value])),
  }));
  return { ...answers, informationsmangder: sets };
}

/** A recorded raise of the object's level for aggregation. */
export function raised(answers: Record<string, unknown>, aspect: 'K' | 'R' | 'T' | 'S', to: 'niva-1' | 'niva-2' | 'niva-3'): Record<string, unknown> {
  const code = aspect.toLowerCase();
  return { ...answers, [`hojning_${code}`]: to, [`hojning_${code}_skal`]: ['aggregering'], [`hojning_${code}_motivering`]: 'Sammanställningen ger en mer känslig helhet.' };
}

async function ok<T>(response: Promise<ApiResponse<T>>): Promise<T> {
  const settled = await response;
  if (settled.status >= 300) throw new Error(`setup failed: ${settled.status} ${JSON.stringify(settled.body)}`);
  return settled.body;
}

/** A fastställd classification of a new asset in the organisation, made through the API. */
export async function decidedClassification(org: OrgFixture, organisationId: string, answers = ekonomisystem()): Promise<{ assetId: string; assessmentId: string; requirements: string[] }> {
  const assetId = (await ok(org.admin.post<{ id: string }>('/api/assets', assetInput(organisationId, { name: `Ekonomisystemet ${Math.random().toString(36).slice(2, 8)}` })))).id;
  const { id } = await ok(org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' }));
  await ok(org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers }));
  await ok(org.admin.post(`/api/assessments/${id}/submit`));
  const decider = await org.userWith('beslutsfattare', organisationId);
  const decided = await ok(decider.post<{ result: { actionPlan: { requirements: { id: string }[] } } }>(`/api/assessments/${id}/decide`, { statement: 'Fastställs' }));
  return { assetId, assessmentId: id, requirements: decided.result.actionPlan.requirements.map((requirement) => requirement.id) };
}

export interface PublishedTemplate {
  templateId: string;
  versionId: string;
  assetId: string;
  assessmentId: string;
}

/** Publishes a decided classification of the (central) organisation as a template, as the admin. */
export async function publishedTemplate(org: OrgFixture, organisationId: string, body: Record<string, unknown> = {}): Promise<PublishedTemplate> {
  const source = await decidedClassification(org, organisationId);
  const version = await ok(
    org.admin.post<{ id: string; templateId: string }>('/api/templates', {
      assessmentId: source.assessmentId,
      name: 'Ekonomisystemet Raindance',
      description: 'Stadsgemensamt ekonomisystem',
      loweringPolicy: 'with_approval',
      loweringApprover: 'local',
      fulfilled: [{ requirementId: 'tek-sakerhetskopiering', hur: 'Central IT tar säkerhetskopior varje natt och provar återläsning kvartalsvis' }],
      ...body,
    }),
  );
  return { templateId: version.templateId, versionId: version.id, assetId: source.assetId, assessmentId: source.assessmentId };
}

/** A new asset in the organisation that adopts the template; returns the asset and its new classification. */
export async function adoption(org: OrgFixture, organisationId: string, templateId: string): Promise<{ assetId: string; assessmentId: string }> {
  const assetId = (await ok(org.admin.post<{ id: string }>('/api/assets', assetInput(organisationId, { name: `Lokalt ekonomisystem ${Math.random().toString(36).slice(2, 8)}` })))).id;
  const assessment = await ok(org.admin.post<{ id: string }>(`/api/assets/${assetId}/adopt`, { templateId }));
  return { assetId, assessmentId: assessment.id };
}
