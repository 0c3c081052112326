import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database, PlanItemStatus } from '../db/schema';
import type { PlanItemState } from '../plans/plan-history';
import { planFigures } from './dashboard-queries';
import { closedPlanStatuses, planStatuses } from './figure-types';

/** The handlingsplaner as they stood at one instant, rebuilt from the plan items' history. */
export interface PlanAtDate {
  asOf: string;
  total: number;
  byStatus: { status: PlanItemStatus; count: number }[];
  open: number;
  /** Open, with a planned date before the instant. */
  overdue: number;
  /** Risk accepterad and still valid at the instant. */
  riskAcceptances: number;
}

/** Plans counted apart (per organisation, per year end) add up: every figure is a count of items. */
export function sumPlans(asOf: string, plans: readonly Omit<PlanAtDate, 'asOf'>[]): PlanAtDate {
  const total = (pick: (plan: Omit<PlanAtDate, 'asOf'>) => number) => plans.reduce((sum, plan) => sum + pick(plan), 0);
  return {
    asOf,
    total: total((plan) => plan.total),
    byStatus: planStatuses.map((status) => ({ status, count: total((plan) => plan.byStatus.find((row) => row.status === status)?.count ?? 0) })),
    open: total((plan) => plan.open),
    overdue: total((plan) => plan.overdue),
    riskAcceptances: total((plan) => plan.riskAcceptances),
  };
}

/**
 * Each plan item's state at `asOf`: the last history row at or before it. An item with no history
 * row at all (written by a path that keeps none, such as generated data) counts as it is now, once
 * it existed; an item whose history starts later did not exist yet. The items without history are
 * counted by the database (a region has millions); the history rows of the scope are read and
 * replayed in TypeScript, so that part reads the same on every engine. Counted per organisation,
 * so a year end can be kept per organisation (plan-year-end-store.ts).
 */
export async function planAtDateByOrganisation(db: Kysely<Database>, organisationIds: readonly string[], asOf: string): Promise<Map<string, PlanAtDate>> {
  const scope = organisationIds.length > 0 ? organisationIds : ['-'];
  const day = asOf.slice(0, 10);
  const existedThen = (eb: ExpressionBuilder<Database, 'assets'>) => eb.and([eb('assets.organisation_id', 'in', scope), eb.or([eb('assets.archived_at', 'is', null), eb('assets.archived_at', '>', asOf)])]);
  const withoutHistory = await db
    .selectFrom('plan_items')
    .innerJoin('assets', 'assets.id', 'plan_items.asset_id')
    .select((eb) => [
      'assets.organisation_id',
      'plan_items.status',
      eb.fn.countAll<number | string>().as('count'),
      countWhere(eb, eb.and([eb('plan_items.status', 'not in', closedPlanStatuses), eb('plan_items.planned_date', '<', day)])).as('overdue'),
      countWhere(eb, eb.and([eb('plan_items.status', '=', 'risk_accepterad'), eb.or([eb('plan_items.risk_valid_until', 'is', null), eb('plan_items.risk_valid_until', '>=', day)])])).as('accepted'),
    ])
    .where(existedThen)
    .where('plan_items.applicable', '=', 1)
    .where('plan_items.created_at', '<=', asOf)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('plan_item_events').select('plan_item_events.id').whereRef('plan_item_events.plan_item_id', '=', 'plan_items.id'))))
    .groupBy(['assets.organisation_id', 'plan_items.status'])
    .execute();
  const events = await db
    .selectFrom('plan_item_events')
    .innerJoin('assets', 'assets.id', 'plan_item_events.asset_id')
    .select(['assets.organisation_id', 'plan_item_events.plan_item_id', 'plan_item_events.to_state'])
    .where(existedThen)
    .where('plan_item_events.changed_at', '<=', asOf)
    .orderBy('plan_item_events.changed_at')
    .orderBy('plan_item_events.id')
    .execute();
  const states = new Map<string, { organisationId: string; state: PlanItemState }>();
  for (const event of events) states.set(event.plan_item_id, { organisationId: event.organisation_id, state: JSON.parse(event.to_state) as PlanItemState });
  const replayedBy = new Map<string, PlanItemState[]>();
  for (const { organisationId, state } of states.values()) {
    if (!state.applicable) continue;
    const own = replayedBy.get(organisationId);
    if (own) own.push(state);
    else replayedBy.set(organisationId, [state]);
  }
  const plans = new Map<string, PlanAtDate>();
  for (const organisationId of organisationIds) {
    const replayed = replayedBy.get(organisationId) ?? [];
    const open = replayed.filter((state) => !closedPlanStatuses.includes(state.status));
    const counted = withoutHistory.filter((row) => row.organisation_id === organisationId).map((row) => ({ status: row.status, count: Number(row.count), overdue: Number(row.overdue), accepted: Number(row.accepted) }));
    const countedWith = (status: PlanItemStatus) => counted.find((row) => row.status === status)?.count ?? 0;
    const total = (pick: (row: (typeof counted)[number]) => number) => counted.reduce((sum, row) => sum + pick(row), 0);
    plans.set(organisationId, {
      asOf,
      total: replayed.length + total((row) => row.count),
      byStatus: planStatuses.map((status) => ({ status, count: replayed.filter((state) => state.status === status).length + countedWith(status) })),
      open: open.length + total((row) => (closedPlanStatuses.includes(row.status) ? 0 : row.count)),
      overdue: open.filter((state) => state.plannedDate !== null && state.plannedDate < day).length + total((row) => row.overdue),
      riskAcceptances: replayed.filter((state) => state.status === 'risk_accepterad' && (state.riskValidUntil === null || state.riskValidUntil >= day)).length + total((row) => row.accepted),
    });
  }
  return plans;
}

/** The plans of the organisations at `asOf`, from the history (see planAtDateByOrganisation). */
export async function planAtDate(db: Kysely<Database>, organisationIds: readonly string[], asOf: string): Promise<PlanAtDate> {
  return sumPlans(asOf, [...(await planAtDateByOrganisation(db, organisationIds, asOf)).values()]);
}

/**
 * The plans as they stand now, from the plan tallies: what planAtDate counts at this instant, since the
 * newest history row of every item is its current state, in a few rows per organisation.
 */
export async function planToday(db: Kysely<Database>, organisationIds: readonly string[], now: Date): Promise<PlanAtDate> {
  const today = now.toISOString().slice(0, 10);
  const plan = await planFigures(db, organisationIds.length > 0 ? organisationIds : ['-'], today, today);
  return { asOf: now.toISOString(), total: plan.total, byStatus: plan.byStatus, open: plan.open, overdue: plan.overdue, riskAcceptances: plan.riskAcceptances.active };
}

/** How many rows meet the condition: sum(case …), portable (PostgreSQL refuses a sum over a boolean). */
function countWhere<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, condition: Expression<SqlBool>) {
  return eb.fn.sum<number | string>(eb.case().when(condition).then(1).else(0).end());
}
