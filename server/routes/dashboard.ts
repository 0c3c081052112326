import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { authorize } from '../auth/access';
import { dashboardFigures } from '../reports/dashboard-figures';
import { dashboardSchema } from '../reports/dashboard-schemas';
import { reportScope } from '../reports/report-scope';
import { refreshReviewDatesOfAssets } from '../reviews/refresh-review-dates';
import { decidedAssetsIn, reviewIntervalFor, setReviewInterval } from '../reviews/review-interval';
import { errorResponses } from './error-responses';
import { idParam } from './schemas';
import { withTransaction } from '../db/transaction';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const params = z.object({ id: idParam('id') });
const intervalSchema = z.object({ months: z.number().int(), inherited: z.boolean() }).openapi('ReviewInterval');

export const dashboardRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/dashboard',
      tags: ['oversight'],
      summary: 'Coverage, profiles, action plans, DPIAs and the classified share per month, for the organisation and everything below it',
      request: { params },
      responses: { 200: { description: 'Figures', content: json(dashboardSchema) }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { organisationIds } = await reportScope(c, 'report.read', c.req.valid('param').id);
      const deps = c.get('deps');
      return c.json(await dashboardFigures(deps.database.db, await deps.organisations.current(), organisationIds), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/review-interval',
      tags: ['oversight'],
      summary: 'Months between classification reviews that hold for the organisation (its own, inherited, or the default 12)',
      request: { params },
      responses: { 200: { description: 'Interval', content: json(intervalSchema) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorize(c, 'organisation.read', id, 'organisation');
      const interval = await reviewIntervalFor(c.get('deps').database.db, id);
      return c.json({ months: interval.months, inherited: interval.setOn !== id }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/organisations/{id}/review-interval',
      tags: ['oversight'],
      summary: 'Set the months between classification reviews (null: inherit); every review date below it is recomputed',
      request: { params, body: { required: true, content: json(z.object({ months: z.number().int().min(1).max(60).nullable() }).strict()) } },
      responses: { 200: { description: 'Interval', content: json(intervalSchema) }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { months } = c.req.valid('json');
      const principal = await authorize(c, 'review.settings', id, 'organisation');
      const deps = c.get('deps');
      const tree = await deps.organisations.current();
      await withTransaction(deps.database.db, async (trx) => {
        await setReviewInterval(trx, id, months);
        const assets = await decidedAssetsIn(trx, tree.selfAndDescendants(id));
        await refreshReviewDatesOfAssets(trx, assets);
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'organisation.review_interval_set', entityType: 'organisation', entityId: id, payload: { months, assetsRecomputed: assets.length } });
      });
      const interval = await reviewIntervalFor(deps.database.db, id);
      return c.json({ months: interval.months, inherited: interval.setOn !== id }, 200);
    },
  );
