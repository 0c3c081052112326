import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { actorIn } from '../approvals/actor';
import { assessmentWithPermission } from '../assessments/assessment-access';
import { assetWithPermission } from '../assets/asset-access';
import { AppError } from '../errors';
import { idPattern } from '../ids';
import { adoptTemplate } from '../templates/adopt-template';
import { adoptionView } from '../templates/adoption-view';
import { approveLowering, setLoweringMotivation } from '../templates/lowering';
import { reviewTemplateRevision } from '../templates/review-revision';
import { assessmentSchema } from '../assessments/assessment-schemas';
import { adoptionViewSchema } from '../templates/template-schemas';
import { findTemplate, latestVersion } from '../templates/template-store';
import { errorResponses } from './error-responses';
import { idParam, json, requiredText, trimmedText } from './schemas';

const assetParams = z.object({ assetId: idParam('assetId') });
const assessmentParams = z.object({ id: idParam('id') });
const aspect = z.string().regex(/^[A-Z]{1,3}$/, 'an aspect code such as K');

export const adoptionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/assets/{assetId}/adopt',
      tags: ['templates'],
      summary: 'Adopt a template: start the local asset’s classification from the template’s newest version',
      description: 'The answers and profile start from the template’s; its levels are the floor; requirements the central owner fulfils arrive fulfilled centrally.',
      request: { params: assetParams, body: { required: true, content: json(z.object({ templateId: z.string().regex(idPattern, 'not a Sigill id') }).strict()) } },
      responses: { 201: { description: 'The new classification', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { asset, principal } = await assetWithPermission(c, c.req.valid('param').assetId, 'template.adopt');
      const deps = c.get('deps');
      const template = await findTemplate(deps.database.db, c.req.valid('json').templateId);
      // A template serves the organisations below its central owner; any other is as good as absent.
      if (!template || !(await deps.organisations.current()).selfAndAncestors(asset.organisationId).includes(template.organisationId)) throw new AppError('not_found', 'No such template for this organisation');
      const version = (await latestVersion(deps.database.db, template.id))!;
      return c.json(await adoptTemplate(deps, asset, version, principal.userId), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{assetId}/adoption',
      tags: ['templates'],
      summary: 'The template the asset rests on: version, "mallen har ändrats" with the diff, template vs local level per aspect, lowering approvals',
      request: { params: assetParams },
      responses: { 200: { description: 'The adoption, or null', content: json(z.object({ adoption: adoptionViewSchema.nullable() })) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { asset } = await assetWithPermission(c, c.req.valid('param').assetId, 'template.read');
      return c.json({ adoption: await adoptionView(c.get('deps'), asset.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assets/{assetId}/adoption/review',
      tags: ['templates'],
      summary: 'The local owner has reviewed the template’s changes: the adoption moves to the newer version',
      request: { params: assetParams, body: { required: true, content: json(z.object({ statement: requiredText(2000) }).strict()) } },
      responses: { 200: { description: 'Reviewed', content: json(z.object({ adoption: adoptionViewSchema.nullable() })) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { asset, principal } = await assetWithPermission(c, c.req.valid('param').assetId, 'template.adopt');
      await reviewTemplateRevision(c.get('deps'), asset, c.req.valid('json').statement, principal.userId);
      return c.json({ adoption: await adoptionView(c.get('deps'), asset.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/assessments/{id}/lowering-motivations/{aspect}',
      tags: ['templates'],
      summary: 'Why an aspect is lowered below the template (utkast only); null clears it',
      request: { params: assessmentParams.extend({ aspect: aspect.openapi({ param: { name: 'aspect', in: 'path' } }) }), body: { required: true, content: json(z.object({ motivation: trimmedText(4000).nullable() }).strict()) } },
      responses: { 200: { description: 'Recorded', content: json(z.object({ adoption: adoptionViewSchema.nullable() })) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id, aspect: code } = c.req.valid('param');
      const { assessment, principal } = await assessmentWithPermission(c, id, 'assessment.edit');
      await setLoweringMotivation(c.get('deps'), assessment, code, c.req.valid('json').motivation || null, principal.userId);
      return c.json({ adoption: await adoptionView(c.get('deps'), assessment.assetId) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/lowering-approvals',
      tags: ['templates'],
      summary: 'Approve a motivated lowering below the template, as the informationsägare the template names',
      description: 'Approves the aspect at its current local level; a later change of that level needs a new approval. Without it the classification cannot be fastställd.',
      request: { params: assessmentParams, body: { required: true, content: json(z.object({ aspect, statement: requiredText(2000) }).strict()) } },
      responses: { 200: { description: 'Approved', content: json(z.object({ adoption: adoptionViewSchema.nullable() })) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'template.approve_lowering');
      const actor = await actorIn(c, principal, 'template.approve_lowering', assessment.organisationId);
      await approveLowering(c.get('deps'), assessment, c.req.valid('json'), actor, principal);
      return c.json({ adoption: await adoptionView(c.get('deps'), assessment.assetId) }, 200);
    },
  );
