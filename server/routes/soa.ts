import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { iso27002ControlPattern } from '../../scoring/content/requirement-catalog';
import type { AppEnv } from '../app-context';
import { createRouter } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { authorize } from '../auth/access';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { reportScope } from '../reports/report-scope';
import { soaControlSetId, soaData } from '../reports/soa-data';
import { soaJustificationSchema, soaResponseSchema } from '../reports/soa-schemas';
import { saveSoaJustification } from '../reports/soa-store';
import { soaWorkbook } from '../reports/soa-xlsx';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';

const params = z.object({ id: idParam('id') });
const controlParams = params.extend({ controlId: z.string().max(8).regex(iso27002ControlPattern, 'not an ISO/IEC 27002:2022 control number').openapi({ param: { name: 'controlId', in: 'path' }, example: '8.13' }) });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const basePath = '/organisations/{id}/reports/tillampningsforklaring';

async function statement(c: Context<AppEnv>, organisationId: string) {
  const { organisationIds } = await reportScope(c, 'report.read', organisationId);
  return soaData(c.get('deps'), organisationId, organisationIds);
}

function fileName(organisationName: string, extension: string): string {
  const slug = organisationName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'organisation';
  return `tillampningsforklaring-${slug}.${extension}`;
}

export const soaRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: basePath,
      tags: ['oversight'],
      summary: 'The organisation’s tillämpningsförklaring (ISO/IEC 27001 statement of applicability) from its fastställda plans',
      request: { params },
      responses: { 200: { description: 'Every ISO/IEC 27002:2022 control', content: json(soaResponseSchema) }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await statement(c, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: `${basePath}.xlsx`,
      tags: ['oversight'],
      summary: 'The tillämpningsförklaring as an XLSX workbook',
      request: { params },
      responses: { 200: { description: 'XLSX', content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const data = await statement(c, c.req.valid('param').id);
      return c.body(new Uint8Array(await soaWorkbook(data)), 200, { 'Content-Type': xlsxType, 'Content-Disposition': `attachment; filename="${fileName(data.organisationName, 'xlsx')}"` });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: `${basePath}.pdf`,
      tags: ['oversight'],
      summary: 'The tillämpningsförklaring as a PDF',
      request: { params },
      responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const data = await statement(c, c.req.valid('param').id);
      const pdf = await c.get('deps').protocols.renderPool().run({ soa: data });
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${fileName(data.organisationName, 'pdf')}"` });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/organisations/{id}/soa-justifications/{controlId}',
      tags: ['oversight'],
      summary: 'Write (or with an empty text remove) the organisation’s justification of one control in its tillämpningsförklaring',
      request: { params: controlParams, body: { required: true, content: json(soaJustificationSchema) } },
      responses: { 200: { description: 'Saved', content: json(soaJustificationSchema) }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id, controlId } = c.req.valid('param');
      const { justification } = c.req.valid('json');
      const principal = await authorize(c, 'soa.justify', id, 'organisation');
      const deps = c.get('deps');
      const controls = deps.forms.latest(soaControlSetId)?.content as { controls?: { id: string }[] } | undefined;
      if (!controls?.controls?.some((control) => control.id === controlId)) throw new AppError('not_found', `${controlId} is not a control of ISO/IEC 27002:2022`);
      await withTransaction(deps.database.db, async (trx) => {
        await saveSoaJustification(trx, id, controlId, justification, principal.userId);
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'organisation.soa_justified', entityType: 'organisation', entityId: id, payload: { controlId, justification } });
      });
      return c.json({ justification }, 200);
    },
  );
