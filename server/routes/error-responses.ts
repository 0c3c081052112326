import { z } from '@hono/zod-openapi';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.union([z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })), z.record(z.string(), z.unknown())]).optional(),
    }),
  })
  .openapi('Error');

const descriptions: Record<number, string> = {
  400: 'The input is malformed; details name each field',
  401: 'Not logged in',
  403: 'Not allowed',
  404: 'No such resource (or not visible to you)',
  409: 'Conflict with the stored state',
  413: 'Body too large',
  415: 'Unsupported content type',
  503: 'A service the request needs (the seal) is failing; try again later',
};

/** The documented error responses of a route, all in the one error shape. */
export function errorResponses<const S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status] ?? 'Error', content: { 'application/json': { schema: errorSchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof errorSchema } } }>;
}
