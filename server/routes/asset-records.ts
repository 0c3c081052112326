import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { assessmentSchema } from '../assessments/assessment-schemas';
import { assessmentsOfAsset } from '../assessments/assessment-store';
import { assetWithPermission } from '../assets/asset-access';
import { assetSchema } from '../assets/asset-schemas';
import { assetHistory } from '../audit/asset-history-store';
import { planItemSchema } from '../plans/plan-schemas';
import { planOfAsset } from '../plans/plan-store';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';

const historyEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    entityType: z.string(),
    entityId: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('HistoryEvent');

export const assetRecordRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/history',
      tags: ['assets'],
      summary: 'The asset’s audit trail, newest first',
      request: { params: z.object({ id: idParam('id') }), query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200).openapi({ param: { name: 'limit', in: 'query' } }) }).strict() },
      responses: { 200: { description: 'Events', content: json(z.object({ events: z.array(historyEventSchema) })) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { asset } = await assetWithPermission(c, c.req.valid('param').id, 'audit.read');
      const events = await assetHistory(c.get('deps').database.db, asset.id, c.req.valid('query').limit);
      return c.json({ events }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/export',
      tags: ['exports'],
      summary: 'The asset with all its assessments, results and plan, as one JSON document',
      request: { params: z.object({ id: idParam('id') }) },
      responses: {
        200: { description: 'Export', content: json(z.object({ exportedAt: z.string(), asset: assetSchema, assessments: z.array(assessmentSchema), plan: z.array(planItemSchema) })) },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { asset } = await assetWithPermission(c, c.req.valid('param').id, 'export.read');
      const deps = c.get('deps');
      const { db } = deps.database;
      c.header('Content-Disposition', `attachment; filename="sigill-${asset.id}.json"`);
      return c.json({ exportedAt: new Date().toISOString(), asset, assessments: await assessmentsOfAsset(db, asset.id), plan: await planOfAsset(db, await deps.organisations.current(), asset) }, 200);
    },
  );
