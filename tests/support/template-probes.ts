import type { OrgFixture } from './org-fixture';
import type { Probe } from './route-probe';
import { adoption, ekonomisystem, lowered, publishedTemplate, type PublishedTemplate } from './template-fixture';

/**
 * The template routes for the permission walk (tests/api/permissions.test.ts): the owner
 * organisation is marked central and publishes one template that every probe shares, since
 * publishing needs a decided, sealed classification; adoptions are made fresh per call.
 */
export function templateProbes(fixture: () => OrgFixture): Record<string, Probe> {
  let shared: Promise<PublishedTemplate> | undefined;
  const template = () => {
    const org = fixture();
    shared ??= org.admin.patch(`/api/organisations/${org.socialId}`, { isCentral: true }).then(() => publishedTemplate(org, org.socialId));
    return shared;
  };
  const adopted = async () => adoption(fixture(), fixture().socialId, (await template()).templateId);
  const publishBody = async () => ({ assessmentId: (await template()).assessmentId, name: 'Mall', loweringPolicy: 'with_approval', loweringApprover: 'local' });
  return {
    'POST /api/templates': { permission: 'template.publish', prepare: async () => ({ method: 'POST', path: '/api/templates', body: await publishBody() }) },
    'GET /api/templates/{id}': { permission: 'template.read', prepare: async () => ({ method: 'GET', path: `/api/templates/${(await template()).templateId}` }) },
    'POST /api/templates/{id}/versions': { permission: 'template.publish', prepare: async () => ({ method: 'POST', path: `/api/templates/${(await template()).templateId}/versions`, body: await publishBody() }) },
    'GET /api/templates/{id}/report': { permission: 'template.report', prepare: async () => ({ method: 'GET', path: `/api/templates/${(await template()).templateId}/report` }) },
    'POST /api/assets/{assetId}/adopt': {
      permission: 'template.adopt',
      prepare: async () => {
        const org = fixture();
        const { id } = (await org.admin.post<{ id: string }>('/api/assets', { organisationId: org.socialId, name: `Lokalt ${Math.random()}`, type: 'system' })).body;
        return { method: 'POST', path: `/api/assets/${id}/adopt`, body: { templateId: (await template()).templateId } };
      },
    },
    'GET /api/assets/{assetId}/adoption': { permission: 'template.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${(await adopted()).assetId}/adoption` }) },
    'POST /api/assets/{assetId}/adoption/review': {
      permission: 'template.adopt',
      prepare: async () => {
        const local = await adopted();
        await fixture().admin.post(`/api/templates/${(await template()).templateId}/versions`, await publishBody());
        return { method: 'POST', path: `/api/assets/${local.assetId}/adoption/review`, body: { statement: 'Genomgånget' } };
      },
    },
    'PUT /api/assessments/{id}/lowering-motivations/{aspect}': { permission: 'assessment.edit', prepare: async () => ({ method: 'PUT', path: `/api/assessments/${(await adopted()).assessmentId}/lowering-motivations/T`, body: { motivation: 'Manuella rutiner' } }) },
    'POST /api/assessments/{id}/lowering-approvals': {
      permission: 'template.approve_lowering',
      prepare: async () => {
        const { admin } = fixture();
        const local = await adopted();
        await admin.put(`/api/assessments/${local.assessmentId}/answers`, { baseRevision: 0, answers: lowered(ekonomisystem(), 'T') });
        await admin.put(`/api/assessments/${local.assessmentId}/lowering-motivations/T`, { motivation: 'Manuella rutiner' });
        return { method: 'POST', path: `/api/assessments/${local.assessmentId}/lowering-approvals`, body: { aspect: 'T', statement: 'Godkänns' } };
      },
    },
  };
}
