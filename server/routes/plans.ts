import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../app-context';
import { assetWithPermission } from '../assets/asset-access';
import { appendAuditEvent } from '../audit/audit-log';
import { authorize } from '../auth/access';
import { AppError } from '../errors';
import { findPlanItemRow } from '../plans/plan-item-store';
import { planItemPatchSchema, planItemWithTextsSchema } from '../plans/plan-schemas';
import { withRequirementTexts } from '../plans/plan-requirement-texts';
import { requirementDefaultsOf, setRequirementDefault } from '../plans/requirement-defaults-store';
import { defaultHurFor, planOfAsset, toPlanItem } from '../plans/plan-store';
import { updatePlanItem } from '../plans/update-plan-item';
import { errorResponses } from './error-responses';
import { idParam, json, requiredText, stableIdParam } from './schemas';
import { withTransaction } from '../db/transaction';

export const planRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/assets/{assetId}/plan',
      tags: ['plans'],
      summary: 'The asset’s handlingsplan: every item, applicable ones first',
      request: { params: z.object({ assetId: idParam('assetId') }) },
      responses: { 200: { description: 'Plan items', content: json(z.object({ items: z.array(planItemWithTextsSchema) })) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { asset } = await assetWithPermission(c, c.req.valid('param').assetId, 'plan.read');
      const deps = c.get('deps');
      const items = await planOfAsset(deps.database.db, await deps.organisations.current(), asset);
      return c.json({ items: withRequirementTexts(items, deps.forms) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/plan-items/{id}',
      tags: ['plans'],
      summary: 'Record status, ansvarig, dates, "hur", evidence or a comment on a plan item',
      description: 'baseRevision must be the item’s current revision; a stale one gets 409. Ej tillämpligt needs a motivation; risk accepterad a decision maker, date and validity.',
      request: { params: z.object({ id: idParam('id') }), body: { required: true, content: json(planItemPatchSchema) } },
      responses: { 200: { description: 'Updated', content: json(planItemWithTextsSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const deps = c.get('deps');
      const { db } = deps.database;
      const item = await findPlanItemRow(db, id);
      if (!item) throw new AppError('not_found', 'No such plan item');
      const { asset, principal } = await assetWithPermission(c, item.asset_id, 'plan.edit');
      await updatePlanItem(deps, item, c.req.valid('json'), { userId: principal.userId, organisationId: asset.organisationId });
      const updated = (await findPlanItemRow(db, id))!;
      const shown = toPlanItem(updated, await defaultHurFor(db, await deps.organisations.current(), asset.organisationId));
      return c.json(withRequirementTexts([shown], deps.forms)[0]!, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/requirement-defaults',
      tags: ['plans'],
      summary: 'The organisation’s default "hur" per requirement, inherited by every asset below it',
      request: { params: z.object({ id: idParam('id') }) },
      responses: { 200: { description: 'Defaults', content: json(z.object({ defaults: z.array(z.object({ requirementId: z.string(), hur: z.string() })) })) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await authorize(c, 'plan.read', id, 'organisation');
      return c.json({ defaults: await requirementDefaultsOf(c.get('deps').database.db, id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/organisations/{id}/requirement-defaults/{requirementId}',
      tags: ['plans'],
      summary: 'Set how the organisation meets a requirement for every asset (an asset may still override it)',
      request: { params: z.object({ id: idParam('id'), requirementId: stableIdParam('requirementId') }), body: { required: true, content: json(z.object({ hur: requiredText(4000) }).strict()) } },
      responses: { 204: { description: 'Set' }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id, requirementId } = c.req.valid('param');
      const { hur } = c.req.valid('json');
      const principal = await authorize(c, 'plan.defaults', id, 'organisation');
      await withTransaction(c.get('deps').database.db, async (trx) => {
        await setRequirementDefault(trx, id, requirementId, hur);
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: id, action: 'requirement_default.set', entityType: 'requirement_default', entityId: requirementId, payload: { hur } });
      });
      return c.body(null, 204);
    },
  );
