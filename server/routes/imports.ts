import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { createRouter } from '../app-context';
import { allowedOrganisations, authorize } from '../auth/access';
import { AppError } from '../errors';
import { applyImport } from '../imports/apply-import';
import { type ImportPlan, planImport } from '../imports/plan-import';
import { readTable } from '../imports/read-table';
import { errorResponses } from './error-responses';
import { idParam, requiredText } from './schemas';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const params = z.object({ id: idParam('id') });
/** The file travels base64-encoded in JSON, so it passes the same body checks as every other request. */
const uploadSchema = z
  .object({
    fileName: requiredText(200).openapi({ example: 'forteckning.xlsx' }),
    content: z.string().min(1).max(1_400_000).regex(/^[A-Za-z0-9+/=\r\n]+$/, 'must be base64').openapi({ description: 'The CSV or XLSX file, base64-encoded' }),
  })
  .strict();
const summarySchema = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() });
const previewSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
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

/** Row limit per file: a whole kommun's förteckning, and still one bounded transaction. */
const maxRows = 10_000;

async function plan(c: Context<AppEnv>, organisationId: string, upload: z.infer<typeof uploadSchema>): Promise<ImportPlan> {
  const deps = c.get('deps');
  const table = await readTable(Buffer.from(upload.content, 'base64'), upload.fileName);
  if (table.rows.length > maxRows) throw new AppError('validation_failed', `At most ${maxRows} rows per file`, [{ field: 'body.content', message: `${table.rows.length} rows` }]);
  const writable = new Set(await allowedOrganisations(c, 'inventory.import'));
  return planImport(deps.database.db, await deps.organisations.current(), table, organisationId, writable);
}

function preview(result: ImportPlan) {
  return { format: result.format, ignoredColumns: result.ignoredColumns, summary: result.summary, rows: result.rows.map(({ input: _input, existingId: _existingId, ...row }) => row) };
}

export const importRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/imports/preview',
      tags: ['imports'],
      summary: 'What importing an inventory file (CSV or XLSX) would do, row by row, with errors per row and field; writes nothing',
      request: { params, body: { required: true, content: json(uploadSchema) } },
      responses: { 200: { description: 'Preview', content: json(previewSchema) }, ...errorResponses(400, 401, 403, 404, 413, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorize(c, 'inventory.import', id, 'organisation');
      return c.json(preview(await plan(c, id, c.req.valid('json'))), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/imports',
      tags: ['imports'],
      summary: 'Import the valid rows of an inventory file in one transaction; rows in error are left out and reported; the same file again changes nothing',
      request: { params, body: { required: true, content: json(uploadSchema) } },
      responses: { 200: { description: 'Imported', content: json(previewSchema.extend({ created: z.array(z.string()), updated: z.array(z.string()) })) }, ...errorResponses(400, 401, 403, 404, 413, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = await authorize(c, 'inventory.import', id, 'organisation');
      const upload = c.req.valid('json');
      const result = await plan(c, id, upload);
      const written = await applyImport(c.get('deps').database.db, result, { actorUserId: principal.userId, organisationId: id, fileName: upload.fileName });
      return c.json({ ...preview(result), ...written }, 200);
    },
  );
