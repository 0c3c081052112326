import { createRoute, z } from '@hono/zod-openapi';
import { dsoAdvices } from '../../scoring/enumerations';
import { createRouter } from '../app-context';
import { actorIn } from '../approvals/actor';
import { approvalsOf } from '../approvals/approval-store';
import { assessmentWithPermission } from '../assessments/assessment-access';
import { assessmentSchema } from '../assessments/assessment-schemas';
import { markReady } from '../assessments/change-status';
import { giveDsoAdvice } from '../assessments/sign-off';
import { recordSpecialAnalysis, specialAnalysisStep } from '../assessments/special-analysis';
import { decideExemption } from '../assessments/exemption-decision';
import { exemptionDecisions } from '../../scoring/dpia/exemption-decision';
import { protocolsOfAssessment } from '../protocols/protocol-store';
import { errorResponses } from './error-responses';
import { idParam, json, requiredText } from './schemas';
import { approvalSchema, protocolInfoSchema, specialAnalysisSchema, specialAnalysisStepSchema } from './sign-off-schemas';

const assessmentParams = z.object({ id: idParam('id') });

export const signOffRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/sign-off',
      tags: ['sign-off'],
      summary: 'The approvals given (withdrawn ones too, as history) and every sealed protocol version',
      request: { params: assessmentParams },
      responses: {
        200: { description: 'Approvals and protocols', content: json(z.object({ approvals: z.array(approvalSchema), protocols: z.array(protocolInfoSchema), timestamping: z.boolean().openapi({ description: 'This installation timestamps its seals (a TSA is configured): a protocol without one is waiting for it' }), specialAnalysis: specialAnalysisStepSchema }).openapi('SignOff')) },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { assessment } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.read');
      const { db } = c.get('deps').database;
      const specialAnalysis = await specialAnalysisStep(db, assessment);
      return c.json({ approvals: await approvalsOf(db, assessment.id), protocols: await protocolsOfAssessment(db, assessment.id), timestamping: c.get('deps').config.tsa !== null, specialAnalysis }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/ready',
      tags: ['sign-off'],
      summary: 'Classification: the objektledare marks it ready for the decision (optional step)',
      request: { params: assessmentParams, body: { required: true, content: json(z.object({ statement: requiredText(2000) }).strict()) } },
      responses: { 200: { description: 'Marked ready', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.mark_ready');
      return c.json(await markReady(c.get('deps'), assessment, c.req.valid('json').statement, await actorIn(c, principal, 'assessment.mark_ready', assessment.organisationId)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/advise',
      tags: ['sign-off'],
      summary: 'DPIA: the DSO’s advice (art. 35.2) with its reasons; written into the DPIA and required before the decision',
      request: {
        params: assessmentParams,
        body: {
          required: true,
          content: json(
            z
              .object({
                advice: z.enum(dsoAdvices),
                reasons: requiredText(4000).openapi({ description: 'Skäl och eventuella villkor' }),
                statement: requiredText(2000).openapi({ description: 'What the DSO confirms' }),
              })
              .strict(),
          ),
        },
      },
      responses: { 200: { description: 'Advice recorded', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.advise');
      return c.json(await giveDsoAdvice(c.get('deps'), assessment, c.req.valid('json'), await actorIn(c, principal, 'assessment.advise', assessment.organisationId)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/exemption-decision',
      tags: ['sign-off'],
      summary: 'Screening: the DSO decides the claimed exemption (e.g. recital 91); accepted, a DPIA is not required; rejected, the rules’ outcome stands',
      request: {
        params: assessmentParams,
        body: {
          required: true,
          content: json(
            z
              .object({
                decision: z.enum(exemptionDecisions.map((entry) => entry.id) as ['godtas', 'godtas-inte']),
                reasons: requiredText(4000).openapi({ description: 'Why the exemption holds or does not' }),
                statement: requiredText(2000).openapi({ description: 'What the DSO confirms' }),
              })
              .strict(),
          ),
        },
      },
      responses: { 200: { description: 'Decision recorded in the screening’s result and sign-off', content: json(assessmentSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.advise');
      return c.json(await decideExemption(c.get('deps'), assessment, c.req.valid('json'), await actorIn(c, principal, 'assessment.advise', assessment.organisationId)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/special-analysis',
      tags: ['sign-off'],
      summary: 'Classification with a level-4 (säkerhetsskydd) mark: the säkerhetsskyddschef records where the särskild analys is kept; required before the decision',
      request: {
        params: assessmentParams,
        body: {
          required: true,
          content: json(z.object({ reference: requiredText(300).openapi({ description: 'Var analysen förvaras, t.ex. ett diarienummer; inga detaljer om säkerhetsskyddet' }) }).strict()),
        },
      },
      responses: { 200: { description: 'Reference recorded', content: json(specialAnalysisSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.special_analysis');
      const actor = await actorIn(c, principal, 'assessment.special_analysis', assessment.organisationId);
      return c.json(await recordSpecialAnalysis(c.get('deps'), assessment, c.req.valid('json').reference, actor), 200);
    },
  );
