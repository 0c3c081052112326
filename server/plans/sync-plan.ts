import type { Selectable, Transaction, Updateable } from 'kysely';
import { leastMet, type RequirementRef, requirementSuccessors } from '../../scoring/classification/catalog-versions';
import type { PlanEntry } from '../assessments/scored-assessment';
import type { Database, PlanItemStatus, PlanItemsTable, Priority } from '../db/schema';
import { newId, nowIso } from '../ids';
import { planItemState, recordPlanEvent } from './plan-history';
import { refreshPlanTallies } from './plan-tally-store';

type Item = Selectable<PlanItemsTable>;

export interface SyncCounts {
  added: number;
  carried: number;
  noLongerApplicable: number;
}

const priorityRank: Record<Priority, number> = { hog: 0, medel: 1, lag: 2 };

export function assessedAgainst(item: Pick<Item, 'assessed_against'>): RequirementRef[] {
  return item.assessed_against ? (JSON.parse(item.assessed_against) as RequirementRef[]) : [];
}

const distinctText = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null && value !== ''))].join('\n\n') || null;

/**
 * What a requirement's item takes over from the items of the requirements it replaces. One
 * predecessor (same id, or a split: one old requirement becoming several) hands over everything.
 * Several (a merge) give the least-met status with that item's motivation and risk decision, the
 * highest priority, the earliest planned date, and every distinct "hur" and comment; the status is
 * marked as judged against all of them, so the merged item asks to be judged again.
 */
export function carriedFields(from: readonly Item[]): Updateable<PlanItemsTable> {
  const chosen = from[leastMet(from.map((item) => item.status))]!;
  const first = <K extends keyof Item>(key: K) => chosen[key] ?? from.map((item) => item[key]).find((value) => value !== null) ?? null;
  const priorities = from.map((item) => item.priority).filter((value): value is Priority => value !== null);
  const dates = from.map((item) => item.planned_date).filter((value): value is string => value !== null).toSorted();
  return {
    status: chosen.status,
    status_motivation: chosen.status_motivation,
    risk_decided_by: chosen.risk_decided_by,
    risk_decided_on: chosen.risk_decided_on,
    risk_valid_until: chosen.risk_valid_until,
    ansvarig: first('ansvarig'),
    priority: priorities.toSorted((a, b) => priorityRank[a] - priorityRank[b])[0] ?? null,
    planned_date: dates[0] ?? null,
    hur: distinctText(from.map((item) => item.hur)),
    evidence_url: first('evidence_url'),
    comment: distinctText(from.map((item) => item.comment)),
    assessed_against: JSON.stringify(from.flatMap(assessedAgainst)),
  };
}

/**
 * For each requirement id of the new result, the applicable items of other requirements it
 * replaces (a split gives one item to several keys, a merge several items to one key), and for
 * each replaced item the ids that take its place.
 */
function predecessors(existing: readonly Item[], entries: readonly PlanEntry[]) {
  const successors = requirementSuccessors({
    requirements: entries.flatMap((entry) => (entry.requirement ? [{ id: entry.sourceKey, version: entry.requirement.version, replaces: entry.requirement.replaces }] : [])),
  });
  const carriers = new Map<string, Item[]>();
  const replacedBy = new Map<string, string[]>();
  for (const item of existing) {
    if (item.applicable !== 1 || item.requirement_version === null) continue;
    const next = successors({ id: item.source_key, version: item.requirement_version }).map((ref) => ref.id).filter((id) => id !== item.source_key);
    if (next.length === 0) continue;
    replacedBy.set(item.id, next);
    for (const key of next) carriers.set(key, [...(carriers.get(key) ?? []), item]);
  }
  // In the order the successor lists what it replaces, so merged texts read in the catalog's order.
  const order = new Map(entries.map((entry) => [entry.sourceKey, (entry.requirement?.replaces ?? []).map((ref) => ref.id)]));
  for (const [key, items] of carriers) {
    const listed = order.get(key) ?? [];
    carriers.set(key, items.toSorted((a, b) => listed.indexOf(a.source_key) - listed.indexOf(b.source_key)));
  }
  return { carriers, replacedBy };
}

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
 * refreshed, and items that no longer apply are marked so, never deleted with their edits. An item
 * whose requirement a newer catalog replaces hands its status, ansvarig, dates, "hur" and evidence
 * to its successors and stays as history, marked with what replaced it. Every change is a history row.
 */
export async function syncPlanItems(
  trx: Transaction<Database>,
  assetId: string,
  source: 'classification' | 'dpia',
  assessmentId: string,
  entries: readonly PlanEntry[],
  actorUserId: string | null = null,
): Promise<SyncCounts> {
  const now = nowIso();
  const existing = await trx.selectFrom('plan_items').selectAll().where('asset_id', '=', assetId).where('source', '=', source).execute();
  const byKey = new Map(existing.map((item) => [item.source_key, item]));
  const { carriers, replacedBy } = predecessors(existing, entries);
  const counts: SyncCounts = { added: 0, carried: 0, noLongerApplicable: 0 };
  // The plan tallies are recounted once at the end, and only when an item was written (most autosaves write none).
  let wrote = false;
  for (const entry of entries) {
    const known = byKey.get(entry.sourceKey);
    const version = entry.requirement?.version ?? null;
    const from = carriers.get(entry.sourceKey) ?? [];
    const values = { title: entry.title, detail: JSON.stringify(entry.detail), assessment_id: assessmentId, applicable: 1, requirement_version: version };
    if (known) {
      // A merge into a requirement that keeps its id: the kept item joins the merged ones' rule.
      const merged = from.length > 0 ? carriedFields([known, ...from]) : {};
      // Most autosaves leave the plan as it was: write only what moved.
      const status = formStatusChanged(known, entry);
      const unchanged = from.length === 0 && !status && (Object.keys(values) as (keyof typeof values)[]).every((key) => known[key] === values[key]);
      if (unchanged) continue;
      wrote = true;
      const moved = status ? { status } : {};
      const after = { ...known, ...values, ...merged, ...moved } as Item;
      // A status the form moved counts as an edit of the item: a plan edit made from the older revision must reload.
      await trx
        .updateTable('plan_items')
        .set((eb) => ({ ...values, ...merged, ...moved, updated_at: now, ...(status ? { revision: eb('revision', '+', 1) } : {}) }))
        .where('id', '=', known.id)
        .execute();
      const change = known.applicable === 0 ? 'applicable_again' : from.length > 0 ? 'carried' : known.requirement_version !== version ? 'requirement_changed' : 'edited';
      if (from.length > 0) counts.carried += 1;
      await recordPlanEvent(trx, { id: known.id, assetId }, change, planItemState(known), planItemState(after), actorUserId, now);
      continue;
    }
    const fresh = { status: entry.status ?? ('ej_bedomd' as const), assessed_against: version === null ? null : JSON.stringify([{ id: entry.sourceKey, version }]) };
    const row = { id: newId(), asset_id: assetId, source, source_key: entry.sourceKey, created_at: now, updated_at: now, ...values, ...fresh, ...(from.length > 0 ? carriedFields(from) : {}) };
    await trx.insertInto('plan_items').values(row).execute();
    wrote = true;
    if (from.length > 0) counts.carried += 1;
    else counts.added += 1;
    await recordPlanEvent(trx, { id: row.id, assetId }, from.length > 0 ? 'carried' : 'created', null, planItemState(row as Item), actorUserId, now);
  }
  const current = new Set(entries.map((entry) => entry.sourceKey));
  for (const item of existing) {
    if (item.applicable !== 1 || current.has(item.source_key)) continue;
    const successors = replacedBy.get(item.id) ?? null;
    await trx.updateTable('plan_items').set({ applicable: 0, replaced_by: successors ? JSON.stringify(successors) : null, updated_at: now }).where('id', '=', item.id).execute();
    counts.noLongerApplicable += 1;
    await recordPlanEvent(trx, { id: item.id, assetId }, 'not_applicable', planItemState(item), planItemState({ ...item, applicable: 0 }), actorUserId, now);
    wrote = true;
  }
  if (wrote) await refreshPlanTallies(trx, assetId);
  return counts;
}
