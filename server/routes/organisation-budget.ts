import { withTransaction } from '../db/transaction';
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { authorize } from '../auth/access';
import { annualBudgetOf, setAnnualBudget } from '../organisations/budget-store';
import { errorResponses } from './error-responses';
import { idParam } from './schemas';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const params = z.object({ id: idParam('id') });
// Up to 10^12 kronor: far above any Swedish municipality, well inside an exact integer.
const kronor = z.number().int().min(1).max(1_000_000_000_000);
const budgetSchema = z.object({ annualBudgetSek: kronor.nullable() }).openapi('AnnualBudget');

export const organisationBudgetRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/annual-budget',
      tags: ['organisations'],
      summary: 'The organisation’s annual budget in kronor, which the economic thresholds of the classification model are a share of',
      request: { params },
      responses: { 200: { description: 'Budget', content: json(budgetSchema) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorize(c, 'organisation.read', id, 'organisation');
      return c.json({ annualBudgetSek: await annualBudgetOf(c.get('deps').database.db, id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/organisations/{id}/annual-budget',
      tags: ['organisations'],
      summary: 'Set the organisation’s annual budget in kronor (null: not given)',
      request: { params, body: { required: true, content: json(budgetSchema.strict()) } },
      responses: { 200: { description: 'Budget', content: json(budgetSchema) }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { annualBudgetSek } = c.req.valid('json');
      const principal = await authorize(c, 'organisation.budget', id, 'organisation');
      const { db } = c.get('deps').database;
      await withTransaction(db, async (trx) => {
        await setAnnualBudget(trx, id, annualBudgetSek);
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'organisation.annual_budget_set', entityType: 'organisation', entityId: id, payload: { annualBudgetSek } });
      });
      return c.json({ annualBudgetSek }, 200);
    },
  );
