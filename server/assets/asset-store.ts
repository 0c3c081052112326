import type { ExpressionBuilder, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { AssetsTable, Database } from '../db/schema';
import { newId, nowIso } from '../ids';
import { bytewise } from '../db/dialect';
import { searchKeyContains } from '../text/folded-search';
import { assetKeys } from '../text/row-keys';
import type { AssetFacts } from './asset-answers';
import { dataProtectionColumns, dpiaStateOf, screeningStateOf, toDataProtection } from '../reports/dpia-overview-store';
import type { Asset, AssetInput, AssetListQuery, AssetPatch, InventoryAsset } from './asset-schemas';
import { refreshPlanTallies } from '../plans/plan-tally-store';
import { keepLastYearEnd } from '../reports/plan-year-end-store';

/** A review counts as due this many days before its date, so there is time to book the workshop. */
export const reviewWarningDays = 30;

export function reviewDueCutoff(now = new Date()): string {
  return new Date(now.getTime() + reviewWarningDays * 86_400_000).toISOString();
}

type AssetRow = Selectable<AssetsTable> & { organisation_name: string };

function parseJsonArray(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.map(String) : [];
}

export function toAsset(row: AssetRow, now = new Date()): Asset {
  const due = row.classification_status === 'faststalld' && row.next_review_at !== null && row.next_review_at <= reviewDueCutoff(now);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    name: row.name,
    type: row.type as Asset['type'],
    description: row.description,
    informationsagare: row.informationsagare,
    objektagare: row.objektagare,
    objektledareUserId: row.objektledare_user_id,
    suppliers: parseJsonArray(row.suppliers),
    hosting: row.hosting as Asset['hosting'],
    tags: parseJsonArray(row.tags),
    externalId: row.external_id,
    classificationStatus: due ? 'omprovning_forfaller' : row.classification_status,
    profile: row.profile ? (JSON.parse(row.profile) as Asset['profile']) : null,
    nextReviewAt: row.next_review_at,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type AssetListTables = Database & { assets: AssetsTable };

function selectAssets(db: Kysely<Database>) {
  return db.selectFrom('assets').innerJoin('organisations', 'organisations.id', 'assets.organisation_id').selectAll('assets').select('organisations.name as organisation_name');
}

export async function findAsset(db: Kysely<Database>, id: string): Promise<Asset | undefined> {
  const row = await selectAssets(db).where('assets.id', '=', id).executeTakeFirst();
  return row ? toAsset(row) : undefined;
}

/** What the record says of the object page of a classification, with the objektledare's name. */
export async function findAssetFacts(db: Kysely<Database>, id: string): Promise<AssetFacts | undefined> {
  const row = await selectAssets(db).leftJoin('users', 'users.id', 'assets.objektledare_user_id').select('users.name as objektledare_name').where('assets.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const asset = toAsset(row);
  return {
    name: asset.name,
    type: asset.type,
    description: asset.description,
    informationsagare: asset.informationsagare,
    objektagare: asset.objektagare,
    objektledareName: row.objektledare_name,
    organisationName: asset.organisationName,
    suppliers: asset.suppliers,
    hosting: asset.hosting,
  };
}

export async function insertAsset(db: Kysely<Database>, input: AssetInput): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('assets')
    .values({
      id,
      organisation_id: input.organisationId,
      name: input.name,
      type: input.type,
      description: input.description,
      informationsagare: input.informationsagare,
      objektagare: input.objektagare,
      objektledare_user_id: input.objektledareUserId,
      suppliers: JSON.stringify(input.suppliers),
      hosting: input.hosting,
      tags: JSON.stringify(input.tags),
      external_id: input.externalId,
      created_at: now,
      updated_at: now,
      ...assetKeys(input),
    })
    .execute();
  return id;
}

/** Whether another asset of the organisation already carries the external id (read inside the writing transaction). */
export async function externalIdTaken(db: Kysely<Database>, organisationId: string, externalId: string | null | undefined, exceptAssetId?: string): Promise<boolean> {
  if (!externalId) return false;
  let query = db.selectFrom('assets').select('id').where('organisation_id', '=', organisationId).where('external_id', '=', externalId);
  if (exceptAssetId) query = query.where('id', '!=', exceptAssetId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The patch applied to the stored asset; a change to any searched field recomputes the keys from the whole result. */
export async function updateAsset(db: Kysely<Database>, id: string, patch: AssetPatch): Promise<void> {
  const set: Updateable<AssetsTable> = { updated_at: nowIso() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.type !== undefined) set.type = patch.type;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.informationsagare !== undefined) set.informationsagare = patch.informationsagare;
  if (patch.objektagare !== undefined) set.objektagare = patch.objektagare;
  if (patch.objektledareUserId !== undefined) set.objektledare_user_id = patch.objektledareUserId;
  if (patch.suppliers !== undefined) set.suppliers = JSON.stringify(patch.suppliers);
  if (patch.hosting !== undefined) set.hosting = patch.hosting;
  if (patch.tags !== undefined) set.tags = JSON.stringify(patch.tags);
  if (patch.externalId !== undefined) set.external_id = patch.externalId;
  const searched = [patch.name, patch.description, patch.suppliers, patch.tags, patch.externalId].some((value) => value !== undefined);
  if (searched) {
    const current = await db.selectFrom('assets').select(['name', 'description', 'suppliers', 'tags', 'external_id']).where('id', '=', id).executeTakeFirst();
    if (current) {
      Object.assign(
        set,
        assetKeys({
          name: patch.name ?? current.name,
          description: patch.description ?? current.description,
          tags: patch.tags ?? parseJsonArray(current.tags),
          suppliers: patch.suppliers ?? parseJsonArray(current.suppliers),
          externalId: patch.externalId !== undefined ? patch.externalId : current.external_id,
        }),
      );
    }
  }
  await db.updateTable('assets').set(set).where('id', '=', id).execute();
}

/** Archives the asset (it leaves the inventory) or brings it back. */
export async function setAssetArchived(trx: Transaction<Database>, id: string, archived: boolean): Promise<void> {
  const { organisation_id } = await trx.selectFrom('assets').select('organisation_id').where('id', '=', id).executeTakeFirstOrThrow();
  await keepLastYearEnd(trx, organisation_id);
  const now = nowIso();
  await trx.updateTable('assets').set({ archived_at: archived ? now : null, updated_at: now }).where('id', '=', id).execute();
  // The dashboard counts no archived asset's plan: its tallies leave (or rejoin) the organisation's.
  await refreshPlanTallies(trx, id);
}

export async function deleteAsset(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('assets').where('id', '=', id).execute();
}

/** The organisation an asset belongs to, for a permission check on something filed under it. */
export async function organisationOfAsset(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('assets').select('organisation_id').where('id', '=', id).executeTakeFirst())?.organisation_id;
}

/** One page of the inventory within the given organisations, with the total for paging. */
export async function listAssets(db: Kysely<Database>, organisationIds: readonly string[], query: AssetListQuery): Promise<{ items: InventoryAsset[]; total: number }> {
  if (organisationIds.length === 0) return { items: [], total: 0 };
  const cutoff = reviewDueCutoff();
  let base = selectAssets(db).where('assets.organisation_id', 'in', organisationIds);
  if (query.includeArchived !== 'true') base = base.where('assets.archived_at', 'is', null);
  if (query.type) base = base.where('assets.type', '=', query.type);
  if (query.q) base = base.where(searchKeyContains('assets.search_key', query.q));
  const reviewDue = (eb: ExpressionBuilder<AssetListTables, 'assets'>) => eb.and([eb('assets.classification_status', '=', 'faststalld'), eb('assets.next_review_at', '<=', cutoff)]);
  if (query.reviewDue === 'true' || query.status === 'omprovning_forfaller') base = base.where(reviewDue);
  // not(…) is null for a fastställd asset without a review date, as the raw SQL was: it shows under neither status.
  if (query.status === 'faststalld') base = base.where('assets.classification_status', '=', 'faststalld').where((eb) => eb.not(reviewDue(eb)));
  if (query.status === 'ej_klassad' || query.status === 'pagar') base = base.where('assets.classification_status', '=', query.status);
  if (query.screening) base = base.where(screeningStateOf(db), '=', query.screening);
  if (query.dpia) base = base.where(dpiaStateOf(), '=', query.dpia);

  const { total } = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(dataProtectionColumns(db))
    .orderBy(bytewise(db, 'assets.sort_key'))
    .orderBy('assets.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map((row) => ({ ...toAsset(row), dataProtection: toDataProtection(row) })), total: Number(total) };
}

export async function countAssessments(db: Kysely<Database>, assetId: string): Promise<number> {
  const { count } = await db.selectFrom('assessments').select((eb) => eb.fn.countAll<number>().as('count')).where('asset_id', '=', assetId).executeTakeFirstOrThrow();
  return Number(count);
}
