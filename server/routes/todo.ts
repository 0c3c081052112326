import { createRoute, z } from '@hono/zod-openapi';
import { assessmentKinds, planStatuses, priorities } from '../../scoring/enumerations';
import { createRouter } from '../app-context';
import { requirePrincipal } from '../auth/access';
import { todoFor } from '../todo/todo-list';
import { errorResponses } from './error-responses';

const kind = z.enum(assessmentKinds);
const todoSchema = z
  .object({
    reviews: z.array(z.object({ assessmentId: z.string(), assetId: z.string(), assetName: z.string(), organisationName: z.string(), kind, nextReviewAt: z.string(), overdue: z.boolean() })),
    planItems: z.array(z.object({ id: z.string(), assetId: z.string(), assetName: z.string(), title: z.string(), status: z.enum(planStatuses), priority: z.enum(priorities).nullable(), plannedDate: z.string().nullable(), overdue: z.boolean() })),
    approvals: z.array(z.object({ assessmentId: z.string(), assetId: z.string(), assetName: z.string(), kind, step: z.enum(['ready', 'dso_advice', 'decision', 'exemption_decision', 'special_analysis']), since: z.string() })),
  })
  .openapi('Todo');

export const todoRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/todo',
    tags: ['oversight'],
    summary: 'Att göra: reviews due, open plan items assigned to you, and sign-off steps waiting for you',
    responses: { 200: { description: 'Your list', content: { 'application/json': { schema: todoSchema } } }, ...errorResponses(401) },
  }),
  async (c) => {
    const principal = requirePrincipal(c);
    const deps = c.get('deps');
    return c.json(await todoFor(deps.database.db, await deps.organisations.current(), principal), 200);
  },
);
