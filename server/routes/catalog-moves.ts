import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { createRouter } from '../app-context';
import { AppError } from '../errors';
import { idPattern } from '../ids';
import { catalogMoveBodySchema, catalogMoveQuerySchema, catalogMoveSchema } from '../plans/catalog-move-schemas';
import { catalogVersions, moveToCatalog, organisationOfAsset } from '../plans/catalog-move';
import { reportScope } from '../reports/report-scope';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';

const params = z.object({ id: idParam('id') });

/** The organisations (or the one asset's organisation) a move covers, checked for the caller's rights. */
async function moveScope(c: Context<AppEnv>, organisationId: string, assetId: string | undefined, field: string) {
  const { principal, organisationIds } = await reportScope(c, 'plan.catalog_move', organisationId);
  if (assetId === undefined) return { principal, scope: { organisationIds } };
  const organisation = idPattern.test(assetId) ? await organisationOfAsset(c.get('deps'), assetId) : undefined;
  if (!organisation || !organisationIds.includes(organisation)) throw new AppError('validation_failed', 'No such asset in this organisation', [{ field, message: 'no such asset in this organisation' }]);
  return { principal, scope: { organisationIds: [organisation], assetId } };
}

function latestVersion(c: Context<AppEnv>): number {
  return catalogVersions(c.get('deps')).versions.at(-1)?.version ?? 1;
}

export const catalogMoveRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/catalog-move',
      tags: ['plans'],
      summary: 'Preview moving the organisation’s (or one asset’s) handlingsplaner to a newer kravkatalog: per asset what is carried, flagged, new and no longer applicable',
      description: 'Runs the move and rolls it back, so the preview is exactly what POST would do. Nothing is stored.',
      request: { params, query: catalogMoveQuerySchema },
      responses: { 200: { description: 'Preview', content: json(catalogMoveSchema) }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { principal, scope } = await moveScope(c, c.req.valid('param').id, query.assetId, 'query.assetId');
      const deps = c.get('deps');
      const move = await moveToCatalog(deps, scope, query.version ?? latestVersion(c), { userId: principal.userId, organisationId: c.req.valid('param').id }, false);
      return c.json({ ...move, available: catalogVersions(deps).versions }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/organisations/{id}/catalog-move',
      tags: ['plans'],
      summary: 'Move the organisation’s (or one asset’s) handlingsplaner to a newer kravkatalog',
      description: 'Statuses, ansvarig, dates, "hur" and evidence follow each requirement to its successors; changed requirements are flagged for reassessment; replaced and dropped items stay as history. Assets with a round awaiting decision are left as they are (outcome "blocked").',
      request: { params, body: { required: true, content: json(catalogMoveBodySchema) } },
      responses: { 200: { description: 'Moved', content: json(catalogMoveSchema) }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { principal, scope } = await moveScope(c, c.req.valid('param').id, body.assetId, 'body.assetId');
      const deps = c.get('deps');
      const move = await moveToCatalog(deps, scope, body.version, { userId: principal.userId, organisationId: c.req.valid('param').id }, true);
      return c.json({ ...move, available: catalogVersions(deps).versions }, 200);
    },
  );
