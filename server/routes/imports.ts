import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { createRouter } from '../app-context';
import { allowedOrganisations, authorize } from '../auth/access';
import { applyImport } from '../imports/apply-import';
import { type ImportPlan, planImport } from '../imports/plan-import';
import { importLimits } from '../imports/import-limits';
import { readTableIsolated } from '../imports/read-table-isolated';
import { readUpload, type Upload } from '../imports/read-upload';
import { errorResponses } from './error-responses';
import { idParam } from './schemas';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const params = z.object({ id: idParam('id') });
/**
 * The file travels as multipart/form-data, streamed and bounded by readUpload. The schema is a plain
 * OpenAPI object on purpose: a zod one would make the router buffer and parse the form itself.
 */
const uploadContent = {
  'multipart/form-data': {
    schema: {
      type: 'object' as const,
      required: ['file'],
      properties: {
        file: { type: 'string' as const, format: 'binary', description: `The CSV or XLSX file, at most ${importLimits.fileBytes} bytes` },
        delimiter: { type: 'string' as const, enum: ['auto', 'semicolon', 'comma', 'tab'], description: 'The CSV delimiter; detected from the file when auto or absent' },
      },
    },
  },
};
const summarySchema = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() });
const previewSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'windows-1252']).openapi({ description: 'How the file was read: a CSV that is not UTF-8 is read as Windows-1252' }),
    ignoredColumns: z.array(z.string()),
    summary: summarySchema,
    rows: z.array(
      z.object({
        line: z.number().int(),
        action: z.enum(['create', 'update', 'unchanged', 'error']),
        name: z.string(),
        externalId: z.string().nullable(),
        organisationName: z.string().nullable(),
        changes: z.array(z.string()),
        errors: z.array(z.object({ field: z.string(), message: z.string() })),
      }),
    ),
  })
  .openapi('ImportPreview');

async function plan(c: Context<AppEnv>, organisationId: string, upload: Upload): Promise<ImportPlan> {
  const deps = c.get('deps');
  // The row limit and every other bound are checked while the file is read, in its own thread.
  const table = await readTableIsolated(upload.bytes, upload.fileName, { delimiter: upload.delimiter });
  const writable = new Set(await allowedOrganisations(c, 'inventory.import'));
  return planImport(deps.database.db, await deps.organisations.current(), table, organisationId, writable);
}

function preview(result: ImportPlan) {
  return { format: result.format, encoding: result.encoding, ignoredColumns: result.ignoredColumns, summary: result.summary, rows: result.rows.map(({ input: _input, existingId: _existingId, ...row }) => row) };
}

export const importRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/imports/preview',
      tags: ['imports'],
      summary: 'What importing an inventory file (CSV or XLSX) would do, row by row, with errors per row and field; writes nothing',
      request: { params, body: { required: true, content: uploadContent } },
      responses: { 200: { description: 'Preview', content: json(previewSchema) }, ...errorResponses(400, 401, 403, 404, 413, 415, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorize(c, 'inventory.import', id, 'organisation');
      return c.json(preview(await plan(c, id, await readUpload(c.req.raw))), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/imports',
      tags: ['imports'],
      summary: 'Import the valid rows of an inventory file in one transaction; rows in error are left out and reported; the same file again changes nothing',
      request: { params, body: { required: true, content: uploadContent } },
      responses: { 200: { description: 'Imported', content: json(previewSchema.extend({ created: z.array(z.string()), updated: z.array(z.string()) })) }, ...errorResponses(400, 401, 403, 404, 413, 415, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = await authorize(c, 'inventory.import', id, 'organisation');
      const upload = await readUpload(c.req.raw);
      const result = await plan(c, id, upload);
      const written = await applyImport(c.get('deps').database.db, result, { actorUserId: principal.userId, organisationId: id, fileName: upload.fileName });
      return c.json({ ...preview(result), ...written }, 200);
    },
  );
