import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { isDatabaseReachable } from '../db/connection';
import { sigillVersion } from '../version';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    db: z.enum(['ok', 'unavailable']),
  })
  .openapi('Health');

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['system'],
    summary: 'Liveness and database reachability',
    responses: {
      200: { description: 'The server and its database answer', content: { 'application/json': { schema: healthSchema } } },
      503: { description: 'The database does not answer', content: { 'application/json': { schema: healthSchema } } },
    },
  }),
  async (c) => {
    const dbOk = await isDatabaseReachable(c.get('deps').database);
    const body = { status: dbOk ? 'ok' : 'degraded', version: sigillVersion, db: dbOk ? 'ok' : 'unavailable' } as const;
    return dbOk ? c.json(body, 200) : c.json(body, 503);
  },
);
