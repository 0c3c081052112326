import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { dpiaOverview } from '../reports/dpia-overview';
import { dpiaOverviewSchema } from '../reports/dpia-overview-schemas';
import { reportScope } from '../reports/report-scope';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';

export const dpiaOverviewRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/organisations/{id}/reports/dataskydd',
    tags: ['oversight'],
    summary: 'The dataskyddsombud’s overview: screenings by outcome and DPIAs by step, with the assets that have them',
    request: { params: z.object({ id: idParam('id') }) },
    responses: { 200: { description: 'Counts and assets', content: json(dpiaOverviewSchema) }, ...errorResponses(400, 401, 403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { organisationIds } = await reportScope(c, 'dpia.overview', id);
    const deps = c.get('deps');
    return c.json(await dpiaOverview(deps.database.db, await deps.organisations.current(), id, organisationIds), 200);
  },
);
