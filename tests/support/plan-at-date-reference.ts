import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import type { PlanItemState } from '../../server/plans/plan-history';
import { closedPlanStatuses, planStatuses } from '../../server/reports/figure-types';
import type { PlanAtDate } from '../../server/reports/lg-plan-history';

/** planAtDate as it was before the items without history were counted in SQL: every item read and replayed in TypeScript. The reference its replacement must equal. */
export async function replayedPlanAtDate(db: Kysely<Database>, organisationIds: readonly string[], asOf: string): Promise<PlanAtDate> {
  const scope = organisationIds.length > 0 ? organisationIds : ['-'];
  const items = await db
    .selectFrom('plan_items')
    .innerJoin('assets', 'assets.id', 'plan_items.asset_id')
    .select(['plan_items.id', 'plan_items.status', 'plan_items.ansvarig', 'plan_items.planned_date', 'plan_items.risk_valid_until', 'plan_items.applicable', 'plan_items.requirement_version', 'plan_items.created_at'])
    .where('assets.organisation_id', 'in', scope)
    .where((eb) => eb.or([eb('assets.archived_at', 'is', null), eb('assets.archived_at', '>', asOf)]))
    .execute();
  const events = await db
    .selectFrom('plan_item_events')
    .innerJoin('assets', 'assets.id', 'plan_item_events.asset_id')
    .select(['plan_item_events.plan_item_id', 'plan_item_events.changed_at', 'plan_item_events.to_state'])
    .where('assets.organisation_id', 'in', scope)
    .orderBy('plan_item_events.changed_at')
    .orderBy('plan_item_events.id')
    .execute();
  const hasHistory = new Set(events.map((event) => event.plan_item_id));
  const states = new Map<string, PlanItemState>();
  for (const event of events) if (event.changed_at <= asOf) states.set(event.plan_item_id, JSON.parse(event.to_state) as PlanItemState);
  for (const item of items) {
    if (hasHistory.has(item.id) || item.created_at > asOf) continue;
    states.set(item.id, { status: item.status, ansvarig: item.ansvarig, plannedDate: item.planned_date, riskValidUntil: item.risk_valid_until, applicable: item.applicable === 1, requirementVersion: item.requirement_version });
  }
  const known = new Set(items.map((item) => item.id));
  const applicable = [...states].filter(([id, state]) => known.has(id) && state.applicable).map(([, state]) => state);
  const day = asOf.slice(0, 10);
  const open = applicable.filter((state) => !closedPlanStatuses.includes(state.status));
  return {
    asOf,
    total: applicable.length,
    byStatus: planStatuses.map((status) => ({ status, count: applicable.filter((state) => state.status === status).length })),
    open: open.length,
    overdue: open.filter((state) => state.plannedDate !== null && state.plannedDate < day).length,
    riskAcceptances: applicable.filter((state) => state.status === 'risk_accepterad' && (state.riskValidUntil === null || state.riskValidUntil >= day)).length,
  };
}
