import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { expect } from 'vitest';
import type { Database, PlanItemStatus, Priority } from '../../server/db/schema';
import { type Tally, type TalliedItem, tallyFromJson, tallyKey, tallyOf } from '../../server/plans/plan-tally';
import { closedPlanStatuses, type PlanFigures, planStatuses } from '../../server/reports/figure-types';

/**
 * The checks of the plan tallies (migration 021): the stored counts against a fresh count of every
 * item, and the dashboard's plan figures against the query the dashboard ran before the tallies
 * (one pass over every plan item, kept here verbatim as the reference).
 */

type Db = Kysely<Database>;
const isClosed = (status: PlanItemStatus) => closedPlanStatuses.includes(status);

function countWhere<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, condition: Expression<SqlBool>) {
  return eb.fn.sum<number | string>(eb.case().when(condition).then(1).else(0).end());
}

/** The dashboard's plan figures as counted before migration 021. */
export async function countedPlanFigures(db: Db, organisationIds: readonly string[], today: string, soon: string): Promise<PlanFigures> {
  const counted = await db
    .selectFrom('plan_items as p')
    .innerJoin('assets as a', 'a.id', 'p.asset_id')
    .select((eb) => {
      const accepted = eb('p.status', '=', 'risk_accepterad');
      return [
        'p.status',
        'p.priority',
        eb.fn.countAll<number | string>().as('count'),
        countWhere(eb, eb.and([eb('p.status', 'not in', closedPlanStatuses), eb('p.planned_date', '<', today)])).as('overdue'),
        countWhere(eb, eb.and([accepted, eb('p.risk_valid_until', '>=', today), eb('p.risk_valid_until', '<=', soon)])).as('expiring'),
        countWhere(eb, eb.and([accepted, eb('p.risk_valid_until', '<', today)])).as('expired'),
      ];
    })
    .where('p.applicable', '=', 1)
    .where('a.archived_at', 'is', null)
    .where('a.organisation_id', 'in', organisationIds)
    .groupBy(['p.status', 'p.priority'])
    .execute();
  const rows = counted.map((row) => ({ status: row.status, priority: row.priority as Priority | null, count: Number(row.count), overdue: Number(row.overdue), expiring: Number(row.expiring), expired: Number(row.expired) }));
  const sum = (pick: (row: (typeof rows)[number]) => number, where: (row: (typeof rows)[number]) => boolean = () => true) => rows.filter(where).reduce((total, row) => total + pick(row), 0);
  const accepted = sum((row) => row.count, (row) => row.status === 'risk_accepterad');
  const expired = sum((row) => row.expired);
  return {
    total: sum((row) => row.count),
    byStatus: planStatuses.map((status) => ({ status, count: sum((row) => row.count, (row) => row.status === status) })),
    openByPriority: (['hog', 'medel', 'lag', null] as const).map((priority) => ({ priority, count: sum((row) => row.count, (row) => row.priority === priority && !isClosed(row.status)) })),
    open: sum((row) => row.count, (row) => !isClosed(row.status)),
    overdue: sum((row) => row.overdue),
    riskAcceptances: { active: accepted - expired, expiringSoon: sum((row) => row.expiring), expired },
  };
}

const plain = (tally: Tally) => Object.fromEntries([...tally].filter(([, n]) => n !== 0).toSorted(([a], [b]) => (a < b ? -1 : 1)));

const byAsset = (of: Map<string, Tally>) => Object.fromEntries([...of].toSorted(([a], [b]) => (a < b ? -1 : 1)).map(([id, tally]) => [id, plain(tally)]));

/** Every organisation's and asset's stored tally equals a fresh count of the items. */
export async function expectTalliesFresh(db: Db): Promise<void> {
  const assets = await db.selectFrom('assets').select(['id', 'organisation_id', 'archived_at']).execute();
  const items = await db.selectFrom('plan_items').select(['asset_id', 'status', 'priority', 'planned_date', 'risk_valid_until', 'applicable']).execute();
  const freshByOrganisation = new Map<string, Tally>();
  const freshByAsset = new Map<string, Tally>();
  for (const asset of assets) {
    const tally = tallyOf(items.filter((item) => item.asset_id === asset.id) as TalliedItem[], asset.archived_at !== null);
    if (tally.size > 0) freshByAsset.set(asset.id, tally);
    const total = freshByOrganisation.get(asset.organisation_id) ?? new Map<string, number>();
    for (const [key, n] of tally) total.set(key, (total.get(key) ?? 0) + n);
    freshByOrganisation.set(asset.organisation_id, total);
  }
  const storedByOrganisation = new Map<string, Tally>();
  for (const row of await db.selectFrom('plan_tallies').selectAll().execute()) {
    const tally = storedByOrganisation.get(row.organisation_id) ?? new Map<string, number>();
    tally.set(tallyKey(row), Number(row.n));
    storedByOrganisation.set(row.organisation_id, tally);
  }
  const organisations = new Set([...freshByOrganisation.keys(), ...storedByOrganisation.keys()]);
  const both = (of: Map<string, Tally>) => Object.fromEntries([...organisations].toSorted().map((id) => [id, plain(of.get(id) ?? new Map())]));
  expect(both(storedByOrganisation)).toEqual(both(freshByOrganisation));
  const storedByAsset = new Map((await db.selectFrom('asset_plan_tallies').selectAll().execute()).map((row) => [row.asset_id, tallyFromJson(row.tally)]));
  expect(byAsset(storedByAsset)).toEqual(byAsset(freshByAsset));
}
