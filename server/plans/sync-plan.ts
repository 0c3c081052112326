import type { Transaction } from 'kysely';
import type { PlanEntry } from '../assessments/scored-assessment';
import type { Database, PlanItemStatus } from '../db/schema';
import { newId, nowIso } from '../ids';

/** The form's new status for an item when the form's own answer moved since the last sync; a status set in the plan otherwise stands. */
function formStatusChanged(known: { detail: string; status: PlanItemStatus }, entry: PlanEntry): PlanItemStatus | undefined {
  if (!entry.status || known.status === entry.status) return undefined;
  const before = (JSON.parse(known.detail) as Record<string, unknown>).measureStatus;
  // An item from before the form's status was carried: the form fills in only what nobody has assessed in the plan.
  if (before === undefined) return known.status === 'ej_bedomd' ? entry.status : undefined;
  return before === entry.detail.measureStatus ? undefined : entry.status;
}

/**
 * Brings an asset's plan in step with a new result: new entries become items, known ones are
 * refreshed, and items that no longer apply are marked so, never deleted with their edits.
 */
export async function syncPlanItems(
  trx: Transaction<Database>,
  assetId: string,
  source: 'classification' | 'dpia',
  assessmentId: string,
  entries: readonly PlanEntry[],
): Promise<{ added: number; noLongerApplicable: number }> {
  const now = nowIso();
  const existing = await trx
    .selectFrom('plan_items')
    .select(['id', 'source_key', 'applicable', 'title', 'detail', 'assessment_id', 'status'])
    .where('asset_id', '=', assetId)
    .where('source', '=', source)
    .execute();
  const byKey = new Map(existing.map((item) => [item.source_key, item]));
  let added = 0;
  for (const entry of entries) {
    const known = byKey.get(entry.sourceKey);
    const values = { title: entry.title, detail: JSON.stringify(entry.detail), assessment_id: assessmentId, applicable: 1, updated_at: now };
    if (known) {
      // Most autosaves leave the plan as it was: write only what moved.
      const unchanged = known.applicable === 1 && known.title === values.title && known.detail === values.detail && known.assessment_id === assessmentId;
      if (unchanged) continue;
      const status = formStatusChanged(known, entry);
      // A status the form moved counts as an edit of the item: a plan edit made from the older revision must reload.
      if (status) await trx.updateTable('plan_items').set((eb) => ({ ...values, status, revision: eb('revision', '+', 1) })).where('id', '=', known.id).execute();
      else await trx.updateTable('plan_items').set(values).where('id', '=', known.id).execute();
    } else {
      added += 1;
      await trx
        .insertInto('plan_items')
        .values({ id: newId(), asset_id: assetId, source, source_key: entry.sourceKey, status: entry.status ?? 'ej_bedomd', created_at: now, ...values })
        .execute();
    }
  }
  const current = new Set(entries.map((entry) => entry.sourceKey));
  const dropped = existing.filter((item) => item.applicable === 1 && !current.has(item.source_key)).map((item) => item.id);
  if (dropped.length > 0) await trx.updateTable('plan_items').set({ applicable: 0, updated_at: now }).where('id', 'in', dropped).execute();
  return { added, noLongerApplicable: dropped.length };
}
