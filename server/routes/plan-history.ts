import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { assetWithPermission } from '../assets/asset-access';
import { AppError } from '../errors';
import { planStatuses } from '../../scoring/enumerations';
import { historyOfItem } from '../plans/plan-history';
import { assetOfPlanItem } from '../plans/plan-store';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';

const state = z.object({
  status: z.enum(planStatuses),
  ansvarig: z.string().nullable(),
  plannedDate: z.string().nullable(),
  riskValidUntil: z.string().nullable(),
  applicable: z.boolean(),
  requirementVersion: z.number().int().nullable(),
});

const eventSchema = z
  .object({
    at: z.string(),
    by: z.string().nullable().openapi({ description: 'Who made the change; null when Sigill did (a new result, a catalog move)' }),
    change: z.enum(['recorded', 'created', 'edited', 'requirement_changed', 'carried', 'not_applicable', 'applicable_again']),
    from: state.nullable(),
    to: state,
  })
  .openapi('PlanItemEvent');

export const planHistoryRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/plan-items/{id}/history',
    tags: ['plans'],
    summary: 'Every change of a plan item: who, when, and its status, ansvarig, dates and applicability before and after',
    request: { params: z.object({ id: idParam('id') }) },
    responses: { 200: { description: 'History, oldest first', content: json(z.object({ events: z.array(eventSchema) })) }, ...errorResponses(400, 401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.get('deps').database;
    const assetId = await assetOfPlanItem(db, id);
    if (!assetId) throw new AppError('not_found', 'No such plan item');
    await assetWithPermission(c, assetId, 'plan.read');
    return c.json({ events: await historyOfItem(db, id) }, 200);
  },
);
