import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { actorIn } from '../approvals/actor';
import { assessmentWithPermission } from '../assessments/assessment-access';
import { organisationOfAsset } from '../assets/asset-store';
import { authorize } from '../auth/access';
import { roles } from '../auth/roles';
import { AppError } from '../errors';
import { confirmReview } from '../reviews/confirm-review';
import { confirmationFile, confirmationsOfAssessment, findConfirmation } from '../reviews/confirmation-store';
import { errorResponses } from './error-responses';
import { documentTimestampSchema } from './sign-off-schemas';
import { idParam, json, requiredText } from './schemas';

const confirmationSchema = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    assetId: z.string(),
    userId: z.string(),
    userName: z.string(),
    role: z.enum(roles),
    statement: z.string().openapi({ description: 'What the beslutsfattare confirmed' }),
    confirmedAt: z.string(),
    nextReviewAt: z.string(),
    fileName: z.string(),
    sha256: z.string().openapi({ description: 'SHA-256 of the sealed confirmation document' }),
    contentSha256: z.string(),
    developmentSeal: z.boolean(),
    timestamp: documentTimestampSchema,
  })
  .openapi('ReviewConfirmation');

const pdfContent = { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } };

export const reviewRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/review-confirmations',
      tags: ['oversight'],
      summary: 'A review found nothing changed: the beslutsfattare confirms the fastställd round in force; the review date moves on and a sealed confirmation is stored',
      description: 'When something has changed, start a new round instead (POST /api/assets/{assetId}/assessments).',
      request: { params: z.object({ id: idParam('id') }), body: { required: true, content: json(z.object({ statement: requiredText(2000).openapi({ description: 'What the beslutsfattare confirms' }) }).strict()) } },
      responses: { 201: { description: 'Confirmed', content: json(confirmationSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'review.confirm');
      const actor = await actorIn(c, principal, 'review.confirm', assessment.organisationId);
      return c.json(await confirmReview(c.get('deps'), assessment, c.req.valid('json').statement, actor), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/review-confirmations',
      tags: ['oversight'],
      summary: 'The reviews that confirmed this round unchanged, oldest first',
      request: { params: z.object({ id: idParam('id') }) },
      responses: { 200: { description: 'Confirmations', content: json(z.array(confirmationSchema)) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { assessment } = await assessmentWithPermission(c, c.req.valid('param').id, 'assessment.read');
      return c.json(await confirmationsOfAssessment(c.get('deps').database.db, assessment.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/review-confirmations/{id}/confirmation.pdf',
      tags: ['oversight'],
      summary: 'The sealed confirmation document, byte-identical on every download (once: a confirmation sealed while the time-stamping authority was down gains a document timestamp later)',
      request: { params: z.object({ id: idParam('id') }) },
      responses: { 200: { description: 'The sealed PDF', content: pdfContent }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { db } = c.get('deps').database;
      const info = await findConfirmation(db, c.req.valid('param').id);
      if (!info) throw new AppError('not_found', 'No such review confirmation');
      const organisationId = await organisationOfAsset(db, info.assetId);
      if (!organisationId) throw new AppError('not_found', 'No such review confirmation');
      await authorize(c, 'protocol.read', organisationId, 'review confirmation');
      const pdf = await confirmationFile(db, info.id);
      if (!pdf) throw new AppError('not_found', 'No such review confirmation');
      // Final once it has its proof of time (or none is configured); until then a document timestamp may still be appended.
      const final = info.timestamp !== null || c.get('deps').config.tsa === null;
      const headers = {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${info.fileName}"`,
        'cache-control': final ? 'private, max-age=31536000, immutable' : 'private, no-cache',
        etag: `"${info.timestamp?.sha256 ?? info.sha256}"`,
      };
      return new Response(new Uint8Array(pdf), { status: 200, headers: { ...headers, 'content-length': String(pdf.byteLength) } });
    },
  );
