import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { authorize } from '../auth/access';
import { withTransaction } from '../db/transaction';
import { lgStatement, saveLgStatement } from '../reports/lg-statement-store';
import { errorResponses } from './error-responses';
import { idParam, json, trimmedText } from './schemas';

const params = z.object({ id: idParam('id') });
const year = z.coerce.number().int().min(2000).max(2100);
const statementSchema = z
  .object({
    year: z.number().int(),
    conclusions: z.string(),
    proposedActions: z.string(),
    revision: z.number().int().openapi({ description: '0 until first written' }),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('LgStatement');
const path = '/organisations/{id}/reports/ledningens-genomgang/statement';

export const lgStatementRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path,
      tags: ['oversight'],
      summary: 'The ISAM’s conclusions and proposed actions for a year’s Ledningens genomgång',
      request: { params, query: z.object({ year: year.openapi({ param: { name: 'year', in: 'query' } }) }).strict() },
      responses: { 200: { description: 'Statement (empty until written)', content: json(statementSchema) }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorize(c, 'report.read', id, 'organisation');
      return c.json(await lgStatement(c.get('deps').database.db, id, c.req.valid('query').year), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path,
      tags: ['oversight'],
      summary: 'Write the conclusions and proposed actions that the year’s report (PDF and XLSX) carries',
      description: 'baseRevision is the revision read (0 for a first write); a stale one gets 409.',
      request: {
        params,
        body: {
          required: true,
          content: json(z.object({ year: z.number().int().min(2000).max(2100), conclusions: trimmedText(8000), proposedActions: trimmedText(8000), baseRevision: z.number().int().min(0) }).strict()),
        },
      },
      responses: { 200: { description: 'Saved', content: json(statementSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const principal = await authorize(c, 'report.write', id, 'organisation');
      const { db } = c.get('deps').database;
      await withTransaction(db, async (trx) => {
        await saveLgStatement(trx, id, body.year, body, principal.userId);
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'lg_statement.saved', entityType: 'lg_statement', entityId: `${id}:${body.year}`, payload: { year: body.year } });
      });
      return c.json(await lgStatement(db, id, body.year), 200);
    },
  );
