import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { type AppEnv, createRouter } from '../app-context';
import { assetWithPermission } from '../assets/asset-access';
import { assetInputSchema, assetListQuerySchema, assetPatchSchema, assetSchema, inventoryAssetSchema } from '../assets/asset-schemas';
import { countAssessments, deleteAsset, externalIdTaken, findAsset, insertAsset, listAssets, setAssetArchived, updateAsset } from '../assets/asset-store';
import { appendAuditEvent } from '../audit/audit-log';
import { allowedOrganisations, authorize } from '../auth/access';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { holdsRoleIn } from '../users/user-store';
import { errorResponses } from './error-responses';
import { idParam, json } from './schemas';
import { withTransaction } from '../db/transaction';

const assetIdParams = z.object({ id: idParam('id') });

/** Only someone holding the objektledare role in the asset's organisation, or above it, can be its objektledare. */
async function assertObjektledare(c: Context<AppEnv>, organisationId: string, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const scope = (await c.get('deps').organisations.current()).selfAndAncestors(organisationId);
  if (!(await holdsRoleIn(c.get('deps').database.db, userId, 'objektledare', scope))) {
    throw new AppError('validation_failed', 'The objektledare must hold the objektledare role in the asset’s organisation or above it', [
      { field: 'body.objektledareUserId', message: 'not an objektledare of this organisation' },
    ]);
  }
}

/** A friendly 409 naming the field; the unique index behind it answers 409 too should a writer race past. */
async function assertExternalIdFree(trx: Kysely<Database>, organisationId: string, externalId: string | null | undefined, exceptAssetId?: string): Promise<void> {
  if (await externalIdTaken(trx, organisationId, externalId, exceptAssetId)) {
    throw new AppError('conflict', 'Another asset of the organisation has that external id', [{ field: 'body.externalId', message: 'already in use' }]);
  }
}

async function changeArchiveState(c: Context<AppEnv>, id: string, archive: boolean) {
  const { asset, principal } = await assetWithPermission(c, id, 'asset.archive');
  const { db } = c.get('deps').database;
  await withTransaction(db, async (trx) => {
    await setAssetArchived(trx, id, archive);
    await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: asset.organisationId, assetId: id, action: archive ? 'asset.archived' : 'asset.restored', entityType: 'asset', entityId: id, payload: {} });
  });
  return (await findAsset(db, id))!;
}

export const assetRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['assets'],
      summary: 'The inventory of information assets you may read, searchable and paged',
      request: { query: assetListQuerySchema },
      responses: {
        200: { description: 'A page of assets', content: json(z.object({ items: z.array(inventoryAssetSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })) },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      let organisations = await allowedOrganisations(c, 'asset.read');
      if (query.organisationId) {
        const tree = await c.get('deps').organisations.current();
        const wanted = new Set(tree.selfAndDescendants(query.organisationId));
        organisations = organisations.filter((id) => wanted.has(id));
      }
      const { items, total } = await listAssets(c.get('deps').database.db, organisations, query);
      return c.json({ items, total, page: query.page, pageSize: query.pageSize }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['assets'],
      summary: 'Register an information asset',
      request: { body: { required: true, content: json(assetInputSchema) } },
      responses: { 201: { description: 'Created', content: json(assetSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const principal = await authorize(c, 'asset.write', input.organisationId, 'organisation');
      const { db } = c.get('deps').database;
      await assertObjektledare(c, input.organisationId, input.objektledareUserId);
      const id = await withTransaction(db, async (trx) => {
        await assertExternalIdFree(trx, input.organisationId, input.externalId);
        const assetId = await insertAsset(trx, input);
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: input.organisationId, assetId, action: 'asset.created', entityType: 'asset', entityId: assetId, payload: input });
        return assetId;
      });
      return c.json((await findAsset(db, id))!, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['assets'],
      summary: 'One asset',
      request: { params: assetIdParams },
      responses: { 200: { description: 'The asset', content: json(assetSchema) }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { asset } = await assetWithPermission(c, c.req.valid('param').id, 'asset.read');
      return c.json(asset, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['assets'],
      summary: 'Change an asset’s details',
      request: { params: assetIdParams, body: { required: true, content: json(assetPatchSchema) } },
      responses: { 200: { description: 'Updated', content: json(assetSchema) }, ...errorResponses(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const { asset, principal } = await assetWithPermission(c, id, 'asset.write');
      const { db } = c.get('deps').database;
      if (asset.archivedAt) throw new AppError('conflict', 'The asset is archived; restore it first');
      await assertObjektledare(c, asset.organisationId, patch.objektledareUserId);
      await withTransaction(db, async (trx) => {
        await assertExternalIdFree(trx, asset.organisationId, patch.externalId, id);
        await updateAsset(trx, id, patch);
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: asset.organisationId, assetId: id, action: 'asset.updated', entityType: 'asset', entityId: id, payload: patch });
      });
      return c.json((await findAsset(db, id))!, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['assets'],
      summary: 'Delete an asset that has no assessments (one that has is archived instead)',
      request: { params: assetIdParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { asset, principal } = await assetWithPermission(c, id, 'asset.archive');
      const { db } = c.get('deps').database;
      await withTransaction(db, async (trx) => {
        if ((await countAssessments(trx, id)) > 0) {
          throw new AppError('conflict', 'The asset has assessments: archive it instead (POST /api/assets/{id}/archive)');
        }
        await appendAuditEvent(trx, { actorUserId: principal.userId, organisationId: asset.organisationId, assetId: id, action: 'asset.deleted', entityType: 'asset', entityId: id, payload: { name: asset.name } });
        await deleteAsset(trx, id);
      });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/archive',
      tags: ['assets'],
      summary: 'Archive an asset: it leaves the inventory, its assessments and plan stay readable',
      request: { params: assetIdParams },
      responses: { 200: { description: 'Archived', content: json(assetSchema) }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await changeArchiveState(c, c.req.valid('param').id, true), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/restore',
      tags: ['assets'],
      summary: 'Bring an archived asset back into the inventory',
      request: { params: assetIdParams },
      responses: { 200: { description: 'Restored', content: json(assetSchema) }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await changeArchiveState(c, c.req.valid('param').id, false), 200),
  );
