import { createRoute, z } from '@hono/zod-openapi';
import { dpiaDecisions } from '../../scoring/enumerations';
import { createRouter } from '../app-context';
import { assessmentWithPermission } from '../assessments/assessment-access';
import { assessmentKindSchema, assessmentSchema, saveAnswersSchema } from '../assessments/assessment-schemas';
import { assessmentsOfAsset } from '../assessments/assessment-store';
import { returnToDraft, submitForReview } from '../assessments/change-status';
import { decide, sealAfterDecision } from '../assessments/sign-off';
import { actorIn } from '../approvals/actor';
import { saveAnswers } from '../assessments/save-answers';
import { startAssessment } from '../assessments/start-assessment';
import { assetWithPermission } from '../assets/asset-access';
import { AppError } from '../errors';
import { errorResponses } from './error-responses';
import { idParam, json, requiredText } from './schemas';

const assetParams = z.object({ assetId: idParam('assetId') });
const assessmentParams = z.object({ id: idParam('id') });
const decidedSchema = assessmentSchema
  .extend({ protocolStatus: z.enum(['sealed', 'pending']).openapi({ description: 'pending: the decision holds but sealing failed; POST /api/assessments/{id}/protocol seals it' }) })
  .openapi('DecidedAssessment');

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
      return c.json(await saveAnswers(c.get('deps'), assessment, body.baseRevision, body.answers, principal.userId, principal.name), 200);
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
      return c.json(await submitForReview(c.get('deps'), assessment, principal.userId), 200);
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
      const actor = await actorIn(c, principal, 'assessment.return', assessment.organisationId);
      return c.json(await returnToDraft(c.get('deps'), assessment, c.req.valid('json').reason, actor), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/decide',
      tags: ['assessments'],
      summary: 'The last approval: fastställ an assessment under review; it is frozen and its sealed protocol produced',
      description: 'A DPIA needs the DSO’s advice first, names its decision, and gives reasons when the decision departs from the advice (400 on body.reasons otherwise). To send a DPIA back, use /return.',
      request: {
        params: assessmentParams,
        body: {
          required: true,
          content: json(
            z
              .object({
                statement: requiredText(2000).openapi({ description: 'What the decision maker confirms' }),
                decision: z.enum(dpiaDecisions).optional().openapi({ description: 'DPIA only: the decision' }),
                reasons: requiredText(4000).optional().openapi({ description: 'DPIA only: why; required when the decision departs from the DSO’s advice' }),
                delegation: requiredText(300).optional().openapi({ description: 'The delegation the decision is taken under, e.g. "Socialnämndens delegationsordning punkt 1.4"' }),
                diarienummer: requiredText(60).optional().openapi({ description: 'The case’s diarienummer, e.g. "SN 2026/123"' }),
              })
              .strict(),
          ),
        },
      },
      responses: { 200: { description: 'Fastställd; protocolStatus says whether its protocol is sealed or pending (sealing failed: retry with POST …/protocol)', content: json(decidedSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.decide');
      const deps = c.get('deps');
      const decided = await decide(deps, assessment, c.req.valid('json'), await actorIn(c, principal, 'assessment.decide', assessment.organisationId));
      const protocolStatus = await sealAfterDecision(deps, decided, principal.userId);
      return c.json({ ...decided, protocolStatus }, 200);
    },
  );
