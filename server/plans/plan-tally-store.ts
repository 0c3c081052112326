import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { parseTallyKey, type Tally, tallyDifference, tallyFromJson, type TalliedItem, tallyOf, tallyToJson } from './plan-tally';

/**
 * The organisations' plan tallies (server/plans/plan-tally.ts), kept in the transaction of every write
 * that can move them: a plan item written (sync with a result, a plan edit, central fulfilment, a
 * catalog move, the demo) or an asset archived or brought back. Each asset's last contribution is
 * stored beside it, so a refresh recounts that asset's items and applies only the difference; a wrong
 * delta cannot drift, because the next refresh starts from a fresh count again.
 */

type Db = Kysely<Database>;
const talliedColumns = ['status', 'priority', 'planned_date', 'risk_valid_until', 'applicable'] as const;

/** Adds `difference` to the organisation's rows; in key order, so two writers lock rows in the same order. */
async function applyDifference(db: Db, organisationId: string, difference: Tally): Promise<void> {
  const rows = [...difference].toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, n]) => ({ organisation_id: organisationId, ...parseTallyKey(key), n }));
  for (let index = 0; index < rows.length; index += 500) {
    await db
      .insertInto('plan_tallies')
      .values(rows.slice(index, index + 500))
      .onConflict((conflict) => conflict.columns(['organisation_id', 'measure', 'day', 'status', 'priority']).doUpdateSet((eb) => ({ n: eb('plan_tallies.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }
}

/** Recounts one asset's contribution and moves the tallies by what changed; call it inside the write's transaction. */
export async function refreshPlanTallies(trx: Transaction<Database>, assetId: string): Promise<void> {
  const asset = await trx.selectFrom('assets').select(['organisation_id', 'archived_at']).where('id', '=', assetId).executeTakeFirst();
  const items = await trx.selectFrom('plan_items').select(talliedColumns).where('asset_id', '=', assetId).execute();
  const stored = await trx.selectFrom('asset_plan_tallies').select(['organisation_id', 'tally']).where('asset_id', '=', assetId).executeTakeFirst();
  const before = stored ? tallyFromJson(stored.tally) : new Map<string, number>();
  const after = asset ? tallyOf(items, asset.archived_at !== null) : new Map<string, number>();
  if (stored && asset && stored.organisation_id !== asset.organisation_id) {
    await applyDifference(trx, stored.organisation_id, tallyDifference(before, new Map()));
    await applyDifference(trx, asset.organisation_id, after);
  } else {
    const difference = tallyDifference(before, after);
    if (difference.size === 0) return;
    await applyDifference(trx, asset?.organisation_id ?? stored!.organisation_id, difference);
  }
  if (!asset || after.size === 0) await trx.deleteFrom('asset_plan_tallies').where('asset_id', '=', assetId).execute();
  else if (stored) await trx.updateTable('asset_plan_tallies').set({ organisation_id: asset.organisation_id, tally: tallyToJson(after) }).where('asset_id', '=', assetId).execute();
  else await trx.insertInto('asset_plan_tallies').values({ asset_id: assetId, organisation_id: asset.organisation_id, tally: tallyToJson(after) }).execute();
}

/**
 * Counts every asset afresh into empty tally tables: the migration's backfill and the bench's bulk set-up.
 * Reads the items a page of assets at a time, so memory stays bounded at millions of items.
 */
export async function rebuildPlanTallies(db: Db, pageSize = 2000): Promise<void> {
  await db.deleteFrom('plan_tallies').execute();
  await db.deleteFrom('asset_plan_tallies').execute();
  const totals = new Map<string, Tally>();
  let after = '';
  for (;;) {
    const assets = await db.selectFrom('assets').select(['id', 'organisation_id', 'archived_at']).where('id', '>', after).orderBy('id').limit(pageSize).execute();
    if (assets.length === 0) break;
    after = assets.at(-1)!.id;
    const items = await db.selectFrom('plan_items').select(['asset_id', ...talliedColumns]).where('asset_id', 'in', assets.map((asset) => asset.id)).execute();
    const byAsset = new Map<string, TalliedItem[]>();
    for (const item of items) {
      const list = byAsset.get(item.asset_id);
      if (list) list.push(item);
      else byAsset.set(item.asset_id, [item]);
    }
    const rows: { asset_id: string; organisation_id: string; tally: string }[] = [];
    for (const asset of assets) {
      const tally = tallyOf(byAsset.get(asset.id) ?? [], asset.archived_at !== null);
      if (tally.size === 0) continue;
      rows.push({ asset_id: asset.id, organisation_id: asset.organisation_id, tally: tallyToJson(tally) });
      const total = totals.get(asset.organisation_id) ?? new Map<string, number>();
      for (const [key, n] of tally) total.set(key, (total.get(key) ?? 0) + n);
      totals.set(asset.organisation_id, total);
    }
    for (let index = 0; index < rows.length; index += 500) await db.insertInto('asset_plan_tallies').values(rows.slice(index, index + 500)).execute();
  }
  for (const [organisationId, total] of totals) await applyDifference(db, organisationId, total);
}
