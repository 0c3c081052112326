import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { nowIso } from '../ids';
import { planItemState, recordPlanEvent } from '../plans/plan-history';
import { refreshPlanTallies } from '../plans/plan-tally-store';
import { adoptionOfAsset, findVersion } from './template-store';

/**
 * Marks the plan items the adopted template's central owner fulfils as uppfyllt with the central
 * "hur", and releases items a newer version no longer covers back to the local plan (ej bedömd).
 * Runs after every plan sync and when an adoption moves to a new version.
 */
export async function applyCentralFulfilment(trx: Transaction<Database>, assetId: string): Promise<void> {
  const adoption = await adoptionOfAsset(trx, assetId);
  const version = adoption ? await findVersion(trx, adoption.templateVersionId) : undefined;
  const central = new Map((version?.fulfilled ?? []).map((entry) => [entry.requirementId, entry.hur]));
  const items = await trx.selectFrom('plan_items').selectAll().where('asset_id', '=', assetId).where('source', '=', 'classification').execute();
  const now = nowIso();
  let wrote = false;
  for (const item of items) {
    const hur = central.get(item.source_key) ?? null;
    if (hur === item.central_hur && (hur === null || item.status === 'uppfyllt')) continue;
    const set = hur !== null ? { central_hur: hur, status: 'uppfyllt' as const } : { central_hur: null, status: 'ej_bedomd' as const };
    await trx.updateTable('plan_items').set({ ...set, revision: item.revision + 1, updated_at: now }).where('id', '=', item.id).execute();
    await recordPlanEvent(trx, { id: item.id, assetId }, 'edited', planItemState(item), planItemState({ ...item, ...set }), null, now);
    wrote = true;
  }
  if (wrote) await refreshPlanTallies(trx, assetId);
}
