import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { createRouter } from '../app-context';
import { assessmentWithPermission } from '../assessments/assessment-access';
import { authorize, requirePrincipal } from '../auth/access';
import { AppError } from '../errors';
import { adoptionReport } from '../templates/adoption-report';
import { publishTemplate } from '../templates/publish-template';
import { centralOrganisationOf, templateOrganisationsVisibleTo, templateWithPermission } from '../templates/template-access';
import { adoptionReportSchema, publishTemplateSchema, templateDetailSchema, templateSummarySchema, templateVersionSchema } from '../templates/template-schemas';
import { templateLibrary, versionsOf, type TemplateVersion } from '../templates/template-store';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';

const params = z.object({ id: idParam('id') });

/** A version as the API shows it: the answers stay on the server, an adoption copies them. */
function publicVersion(version: TemplateVersion) {
  const { answers: _answers, ...rest } = version;
  return rest;
}

/** The fastställd central classification to publish from, checked as the publisher's. */
async function publishSource(c: Context<AppEnv>, assessmentId: string) {
  const { assessment, principal } = await assessmentWithPermission(c, assessmentId, 'template.publish');
  const central = centralOrganisationOf(await c.get('deps').organisations.current(), assessment.organisationId);
  if (!central) throw new AppError('conflict', 'Only an organisation marked central (or one below it) publishes templates', { organisationId: assessment.organisationId });
  await authorize(c, 'template.publish', central, 'organisation');
  return { assessment, principal, central };
}

export const templateRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/templates',
      tags: ['templates'],
      summary: 'The template library: normative classifications published above, at or below the caller’s organisations',
      request: { query: z.object({ q: z.string().trim().max(200).optional() }) },
      responses: { 200: { description: 'Templates, newest version each', content: json(z.object({ templates: z.array(templateSummarySchema) })) }, ...errorResponses(400, 401) },
    }),
    async (c) => {
      const principal = requirePrincipal(c);
      const deps = c.get('deps');
      const { db } = deps.database;
      const tree = await deps.organisations.current();
      const visible = [...templateOrganisationsVisibleTo(principal, tree)];
      const library = await templateLibrary(db, visible, c.req.valid('query').q);
      const templates = library.map((entry) => ({
        id: entry.templateId,
        organisationId: entry.organisationId,
        organisationName: tree.get(entry.organisationId)?.name ?? '',
        latest: publicVersion(entry.latest),
        adoptions: entry.adoptions,
      }));
      return c.json({ templates }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/templates',
      tags: ['templates'],
      summary: 'Publish a fastställd classification of a central organisation as a new normative template (version 1)',
      request: { body: { required: true, content: json(publishTemplateSchema) } },
      responses: { 201: { description: 'Published', content: json(templateVersionSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { assessment, principal, central } = await publishSource(c, body.assessmentId);
      const version = await publishTemplate(c.get('deps'), assessment, body, { organisationId: central }, principal.userId);
      return c.json(publicVersion(version), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/templates/{id}',
      tags: ['templates'],
      summary: 'One template with its version history',
      request: { params },
      responses: { 200: { description: 'The template', content: json(templateDetailSchema) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { template } = await templateWithPermission(c, c.req.valid('param').id, 'template.read');
      const deps = c.get('deps');
      const versions = await versionsOf(deps.database.db, template.id);
      const organisationName = (await deps.organisations.current()).get(template.organisationId)?.name ?? '';
      return c.json({ id: template.id, organisationId: template.organisationId, organisationName, sourceAssetId: template.sourceAssetId, versions: versions.map(publicVersion) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/templates/{id}/versions',
      tags: ['templates'],
      summary: 'Publish a new version of a template; every adoption is flagged "mallen har ändrats" until reviewed',
      description: 'The classification must be fastställd and of the template’s own central asset (a later round, or the same one with a new policy or new centrally fulfilled requirements).',
      request: { params, body: { required: true, content: json(publishTemplateSchema) } },
      responses: { 201: { description: 'Published', content: json(templateVersionSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { template } = await templateWithPermission(c, c.req.valid('param').id, 'template.publish');
      const body = c.req.valid('json');
      const { assessment, principal } = await publishSource(c, body.assessmentId);
      if (assessment.assetId !== template.sourceAssetId) throw new AppError('conflict', 'A new version is published from a classification of the template’s own asset', { sourceAssetId: template.sourceAssetId });
      const version = await publishTemplate(c.get('deps'), assessment, body, { templateId: template.id, organisationId: template.organisationId }, principal.userId);
      return c.json(publicVersion(version), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/templates/{id}/report',
      tags: ['templates'],
      summary: 'Adoption report: which organisations adopted the template, on which version, with which deviations',
      request: { params },
      responses: { 200: { description: 'The report', content: json(adoptionReportSchema) }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { template } = await templateWithPermission(c, c.req.valid('param').id, 'template.report');
      return c.json(await adoptionReport(c.get('deps'), template), 200);
    },
  );
