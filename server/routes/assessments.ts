import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { assessmentWithPermission } from '../assessments/assessment-access';
import { assessmentKindSchema, assessmentSchema, saveAnswersSchema } from '../assessments/assessment-schemas';
import { assessmentsOfAsset } from '../assessments/assessment-store';
import { changeStatus } from '../assessments/change-status';
import { saveAnswers } from '../assessments/save-answers';
import { startAssessment } from '../assessments/start-assessment';
import { assetWithPermission } from '../assets/asset-access';
import { AppError } from '../errors';
import { errorResponses } from './error-responses';
import { idParam, requiredText } from './schemas';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const assetParams = z.object({ assetId: idParam('assetId') });
const assessmentParams = z.object({ id: idParam('id') });

export const assessmentRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{assetId}/assessments',
      tags: ['assessments'],
      summary: 'Every assessment of an asset, newest round first per kind',
      request: { params: assetParams },
      responses: { 200: { description: 'Assessments', content: json(z.object({ assessments: z.array(assessmentSchema) })) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { asset } = await assetWithPermission(c, c.req.valid('param').assetId, 'assessment.read');
      return c.json({ assessments: await assessmentsOfAsset(c.get('deps').database.db, asset.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assets/{assetId}/assessments',
      tags: ['assessments'],
      summary: 'Start an assessment (or its next round) on the newest version of the kind’s form',
      request: { params: assetParams, body: { required: true, content: json(z.object({ kind: assessmentKindSchema }).strict()) } },
      responses: { 201: { description: 'Started', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { asset, principal } = await assetWithPermission(c, c.req.valid('param').assetId, 'assessment.start');
      if (asset.archivedAt) throw new AppError('conflict', 'The asset is archived; restore it first');
      return c.json(await startAssessment(c.get('deps'), asset, c.req.valid('json').kind, principal.userId), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}',
      tags: ['assessments'],
      summary: 'One assessment with its answers, revision and the server’s result',
      request: { params: assessmentParams },
      responses: { 200: { description: 'The assessment', content: json(assessmentSchema) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { assessment } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.read');
      return c.json(assessment, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/assessments/{id}/answers',
      tags: ['assessments'],
      summary: 'Autosave: store the whole answer set, if it starts from the current revision',
      description: 'A stale baseRevision gets 409 with details.currentRevision and details.changedQuestions; nothing is overwritten.',
      request: { params: assessmentParams, body: { required: true, content: json(saveAnswersSchema) } },
      responses: { 200: { description: 'Saved and scored', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.edit', false);
      const body = c.req.valid('json');
      return c.json(await saveAnswers(c.get('deps'), assessment, body.baseRevision, body.answers, principal.userId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/submit',
      tags: ['assessments'],
      summary: 'Send a complete utkast för granskning',
      request: { params: assessmentParams },
      responses: { 200: { description: 'Sent for review', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.submit');
      return c.json(await changeStatus(c.get('deps'), assessment, { to: 'for_granskning' }, principal.userId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/return',
      tags: ['assessments'],
      summary: 'Send an assessment under review back to utkast, with the reason',
      request: { params: assessmentParams, body: { required: true, content: json(z.object({ reason: requiredText(2000) }).strict()) } },
      responses: { 200: { description: 'Back in utkast', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.return');
      return c.json(await changeStatus(c.get('deps'), assessment, { to: 'utkast', reason: c.req.valid('json').reason }, principal.userId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/decide',
      tags: ['assessments'],
      summary: 'Fastställ an assessment under review; it is frozen from then on',
      request: { params: assessmentParams, body: { required: true, content: json(z.object({ statement: requiredText(2000).openapi({ description: 'What the decision maker confirms' }) }).strict()) } },
      responses: { 200: { description: 'Fastställd', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.decide');
      return c.json(await changeStatus(c.get('deps'), assessment, { to: 'faststalld', statement: c.req.valid('json').statement }, principal.userId), 200);
    },
  );
