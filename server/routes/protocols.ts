import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { createRouter } from '../app-context';
import { assessmentWithPermission } from '../assessments/assessment-access';
import { assetWithPermission } from '../assets/asset-access';
import { AppError } from '../errors';
import { type ProtocolInfo, protocolFile, protocolsOfAssessment, protocolsOfAsset } from '../protocols/protocol-store';
import { addMissingTimestamp } from '../protocols/timestamp-retry';
import { verifyUpload } from '../protocols/verify-upload';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';
import { protocolInfoSchema } from './sign-off-schemas';
import { verificationSchema } from './verify-schemas';

export const maxPdfBytes = 20 * 1024 * 1024;
const pdfContent = { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } };

/**
 * The stored bytes as they are, every time: a sealed file must never be re-encoded on the way out.
 * A later document timestamp appends a revision, so the file (and its ETag) changes once then.
 */
async function sendProtocol(c: Context<AppEnv>, info: ProtocolInfo, cacheControl: string): Promise<Response> {
  const etag = `"${info.timestamp?.sha256 ?? info.sha256}"`;
  const headers = { 'cache-control': cacheControl, etag, 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${info.fileName}"`, 'x-content-sha256': info.contentSha256 };
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const pdf = await protocolFile(c.get('deps').database.db, info.id);
  if (!pdf) throw new AppError('not_found', 'No such protocol');
  return new Response(new Uint8Array(pdf), { status: 200, headers: { ...headers, 'content-length': String(pdf.byteLength) } });
}

function assertHasProtocol(assessment: { status: string; kind: string }): void {
  if (assessment.status !== 'faststalld') throw new AppError('conflict', 'Only a fastställd assessment has a protocol', { status: assessment.status });
}

export const protocolRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/protocol.pdf',
      tags: ['protocols'],
      summary: 'The newest sealed protocol of a fastställd classification or DPIA',
      description: 'A read never writes: when sealing failed after the decision the answer is 409 protocol_pending, and POST …/protocol seals it.',
      request: { params: z.object({ id: idParam('id') }) },
      responses: { 200: { description: 'The sealed PDF, byte-identical on every download', content: pdfContent }, 304: { description: 'Unchanged (If-None-Match)' }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { assessment } = await assessmentWithPermission(c, c.req.valid('param').id, 'protocol.read');
      assertHasProtocol(assessment);
      const info = (await protocolsOfAssessment(c.get('deps').database.db, assessment.id)).at(-1);
      if (!info) throw new AppError('protocol_pending', 'The decision holds but its protocol is not sealed yet; it is sealed with POST /api/assessments/{id}/protocol');
      // The newest version may change (a re-issue), so revalidate; the ETag makes that cheap.
      return sendProtocol(c, info, 'private, no-cache');
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/protocol',
      tags: ['protocols'],
      summary: 'Seal the protocol of a fastställd assessment whose sealing failed (a retry); answers the newest protocol',
      description: [
        'The protocol records the decision’s own time; 201 when it was sealed now, 200 when it already existed.',
        'A protocol sealed while the time-stamping authority was down is offered to it again here (a document timestamp); timestamp stays null while it still does not answer.',
      ].join(' '),
      request: { params: z.object({ id: idParam('id') }) },
      responses: { 200: { description: 'Already sealed', content: json(protocolInfoSchema) }, 201: { description: 'Sealed now', content: json(protocolInfoSchema) }, ...errorResponses(400, 401, 403, 404, 409, 503) },
    }),
    async (c) => {
      const { assessment, principal } = await assessmentWithPermission(c, c.req.valid('param').id, 'protocol.seal');
      assertHasProtocol(assessment);
      const deps = c.get('deps');
      const existed = (await protocolsOfAssessment(deps.database.db, assessment.id)).length > 0;
      const info = await deps.protocols.ensure(deps, assessment.id, principal.userId).catch((error: unknown) => {
        deps.logger.error('sealing the protocol failed again', { assessmentId: assessment.id, error: error instanceof Error ? error.message : String(error) });
        throw new AppError('seal_unavailable', 'Sealing failed; the protocol stays pending. Check the seal settings and try again');
      });
      if (!existed) return c.json(info, 201);
      return c.json(await addMissingTimestamp(deps, info), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/protocols/{version}/protocol.pdf',
      tags: ['protocols'],
      summary: 'One version of an assessment’s sealed protocol',
      request: { params: z.object({ id: idParam('id'), version: z.coerce.number().int().min(1).max(10_000) }) },
      responses: { 200: { description: 'The sealed PDF', content: pdfContent }, 304: { description: 'Unchanged (If-None-Match)' }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      const { assessment } = await assessmentWithPermission(c, id, 'protocol.read');
      const info = (await protocolsOfAssessment(c.get('deps').database.db, assessment.id)).find((protocol) => protocol.version === version);
      if (!info) throw new AppError('not_found', 'No such protocol version');
      // Final once it has its proof of time (or none is configured); until then a document timestamp may still be appended.
      const final = info.timestamp !== null || c.get('deps').config.tsa === null;
      return sendProtocol(c, info, final ? 'private, max-age=31536000, immutable' : 'private, no-cache');
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{assetId}/protocols',
      tags: ['protocols'],
      summary: 'Every sealed protocol of an asset, all rounds and versions, oldest first',
      request: { params: z.object({ assetId: idParam('assetId') }) },
      responses: { 200: { description: 'Protocols', content: json(z.object({ protocols: z.array(protocolInfoSchema) })) }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { asset } = await assetWithPermission(c, c.req.valid('param').assetId, 'protocol.read');
      return c.json({ protocols: await protocolsOfAsset(c.get('deps').database.db, asset.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/verify',
      tags: ['protocols'],
      summary: 'Verify a PDF as EU DSS would: every signature and revision, who signed and whether they are trusted here, which stored protocol or review confirmation it is',
      description: `Send the PDF itself as the body with Content-Type application/pdf (at most ${maxPdfBytes} bytes). Open to anyone: holding the file is what it takes.`,
      request: { body: { required: true, content: pdfContent } },
      responses: { 200: { description: 'The verdict', content: json(verificationSchema) }, ...errorResponses(400, 413, 415) },
    }),
    async (c) => {
      const pdf = Buffer.from(await c.req.arrayBuffer());
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('bad_request', 'The body is not a PDF', [{ field: 'body', message: 'must start with %PDF-' }]);
      return c.json(await verifyUpload(c.get('deps'), pdf), 200);
    },
  );
