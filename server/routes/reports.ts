import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { createRouter } from '../app-context';
import { lgReportData } from '../reports/lg-report-data';
import { lgReportWorkbook } from '../reports/lg-report-xlsx';
import { reportScope } from '../reports/report-scope';
import { errorResponses } from './error-responses';
import { idParam } from './schemas';

const params = z.object({ id: idParam('id') });
const query = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ param: { name: 'year', in: 'query' }, description: 'the year reported on; this year by default' }) }).strict();
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function reportData(c: Context<AppEnv>, organisationId: string, year: number | undefined) {
  const { organisationIds } = await reportScope(c, 'report.read', organisationId);
  const deps = c.get('deps');
  return lgReportData(deps.database.db, await deps.organisations.current(), organisationId, organisationIds, year ?? new Date().getUTCFullYear());
}

function fileName(organisationName: string, year: number, extension: string): string {
  const slug = organisationName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'organisation';
  return `ledningens-genomgang-${year}-${slug}.${extension}`;
}

export const reportRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/reports/ledningens-genomgang.pdf',
      tags: ['oversight'],
      summary: 'Ledningens genomgång for a year as PDF: coverage, reviews, action plans, risk acceptances, DPIAs and the assets not yet classified',
      request: { params, query },
      responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const data = await reportData(c, c.req.valid('param').id, c.req.valid('query').year);
      // Rendered in the worker pool: a report of thousands of rows must not stall other requests.
      const pdf = await c.get('deps').protocols.renderPool().run({ report: data });
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${fileName(data.organisationName, data.year, 'pdf')}"` });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/reports/ledningens-genomgang.xlsx',
      tags: ['oversight'],
      summary: 'The same report as an XLSX workbook, one sheet per section',
      request: { params, query },
      responses: { 200: { description: 'XLSX', content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const data = await reportData(c, c.req.valid('param').id, c.req.valid('query').year);
      const xlsx = await lgReportWorkbook(data);
      return c.body(new Uint8Array(xlsx), 200, { 'Content-Type': xlsxType, 'Content-Disposition': `attachment; filename="${fileName(data.organisationName, data.year, 'xlsx')}"` });
    },
  );
