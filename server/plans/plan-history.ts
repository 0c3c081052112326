import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, PlanItemEventsTable, PlanItemsTable, PlanItemStatus } from '../db/schema';
import { newId, nowIso } from '../ids';

/** What the history keeps of a plan item at each change: what a yearly report counts. */
export interface PlanItemState {
  status: PlanItemStatus;
  ansvarig: string | null;
  plannedDate: string | null;
  riskValidUntil: string | null;
  applicable: boolean;
  requirementVersion: number | null;
}

type StateColumns = Pick<Selectable<PlanItemsTable>, 'status' | 'ansvarig' | 'planned_date' | 'risk_valid_until' | 'applicable' | 'requirement_version'>;

export function planItemState(row: StateColumns): PlanItemState {
  return {
    status: row.status,
    ansvarig: row.ansvarig,
    plannedDate: row.planned_date,
    riskValidUntil: row.risk_valid_until,
    applicable: row.applicable === 1,
    requirementVersion: row.requirement_version,
  };
}

const sameState = (a: PlanItemState, b: PlanItemState) => (Object.keys(a) as (keyof PlanItemState)[]).every((key) => a[key] === b[key]);

/**
 * Appends one history row for an item, unless nothing the history keeps moved. `changedBy` is the
 * person, or null when Sigill itself made the change (a new result, a catalog move).
 */
export async function recordPlanEvent(
  trx: Transaction<Database>,
  item: { id: string; assetId: string },
  change: PlanItemEventsTable['change'],
  from: PlanItemState | null,
  to: PlanItemState,
  changedBy: string | null,
  at = nowIso(),
): Promise<void> {
  if (from !== null && sameState(from, to)) return;
  await trx
    .insertInto('plan_item_events')
    .values({ id: newId(), plan_item_id: item.id, asset_id: item.assetId, changed_at: at, changed_by: changedBy, change, from_state: from ? JSON.stringify(from) : null, to_state: JSON.stringify(to) })
    .execute();
}

export interface PlanItemEvent {
  at: string;
  /** The person's name, or null when Sigill made the change. */
  by: string | null;
  change: PlanItemEventsTable['change'];
  from: PlanItemState | null;
  to: PlanItemState;
}

/** An item's history, oldest first. */
export async function historyOfItem(db: Kysely<Database>, itemId: string): Promise<PlanItemEvent[]> {
  const rows = await db
    .selectFrom('plan_item_events')
    .leftJoin('users', 'users.id', 'plan_item_events.changed_by')
    .select(['plan_item_events.changed_at', 'plan_item_events.change', 'plan_item_events.from_state', 'plan_item_events.to_state', 'users.name'])
    .where('plan_item_events.plan_item_id', '=', itemId)
    .orderBy('plan_item_events.changed_at')
    .orderBy('plan_item_events.id')
    .execute();
  return rows.map((row) => ({
    at: row.changed_at,
    by: row.name,
    change: row.change,
    from: row.from_state ? (JSON.parse(row.from_state) as PlanItemState) : null,
    to: JSON.parse(row.to_state) as PlanItemState,
  }));
}
