import { type Expression, type ExpressionBuilder, type Kysely, sql, type SqlBool } from 'kysely';
import { jsonIsTrue, jsonText } from '../db/dialect';
import type { Database, PlanItemStatus, Priority } from '../db/schema';
import { aspects, type Aspect, closedPlanStatuses, type DpiaFigures, type PlanFigures, planStatuses } from './figure-types';

/**
 * The dashboard's aggregate queries, each one pass over its table within the organisations in scope.
 * Written as SQL aggregates through Kysely's builders, the same on SQLite and PostgreSQL, so 200,000
 * plan items never travel to JavaScript. Counts come back as numbers, bigints or strings by engine: Number() them.
 */

type Db = Kysely<Database>;
const isClosed = (status: PlanItemStatus) => closedPlanStatuses.includes(status);

/** How many rows meet the condition: sum(case …) rather than sum over a boolean, which PostgreSQL refuses. */
function countWhere<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, condition: Expression<SqlBool>) {
  return eb.fn.sum<number | string>(eb.case().when(condition).then(1).else(0).end());
}

export interface CoverageRow {
  organisation_id: string;
  assets: number;
  faststalld: number;
  pagar: number;
  ej_klassad: number;
  overdue: number;
  due_soon: number;
}

export async function coverageByOrganisation(db: Db, organisationIds: readonly string[], now: string, soon: string): Promise<CoverageRow[]> {
  const rows = await db
    .selectFrom('assets')
    .select((eb) => {
      const decided = eb('classification_status', '=', 'faststalld');
      return [
        'organisation_id',
        eb.fn.countAll<number | string>().as('assets'),
        countWhere(eb, decided).as('faststalld'),
        countWhere(eb, eb('classification_status', '=', 'pagar')).as('pagar'),
        countWhere(eb, eb('classification_status', '=', 'ej_klassad')).as('ej_klassad'),
        countWhere(eb, eb.and([decided, eb('next_review_at', '<', now)])).as('overdue'),
        countWhere(eb, eb.and([decided, eb('next_review_at', '>=', now), eb('next_review_at', '<=', soon)])).as('due_soon'),
      ];
    })
    .where('archived_at', 'is', null)
    .where('organisation_id', 'in', organisationIds)
    .groupBy('organisation_id')
    .execute();
  return rows.map((row) => ({
    organisation_id: row.organisation_id,
    assets: Number(row.assets),
    faststalld: Number(row.faststalld),
    pagar: Number(row.pagar),
    ej_klassad: Number(row.ej_klassad),
    overdue: Number(row.overdue),
    due_soon: Number(row.due_soon),
  }));
}

/** Levels per aspect over the fastställd assets: grouped by the stored profile text (a few hundred at most), read in TypeScript. */
export async function profileDistribution(db: Db, organisationIds: readonly string[]): Promise<{ aspect: Aspect; levels: { level: number | null; count: number }[] }[]> {
  const rows = await db
    .selectFrom('assets')
    .select(['profile', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('archived_at', 'is', null)
    .where('classification_status', '=', 'faststalld')
    .where('organisation_id', 'in', organisationIds)
    .groupBy('profile')
    .execute();
  const profiles = rows.map((row) => ({ levels: (row.profile ? JSON.parse(row.profile) : {}) as Partial<Record<Aspect, number | null>>, count: Number(row.count) }));
  return aspects.map((aspect) => {
    const counts = new Map<number | null, number>([[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [null, 0]]);
    for (const { levels, count } of profiles) {
      const level = levels[aspect] ?? null;
      counts.set(level, (counts.get(level) ?? 0) + count);
    }
    return { aspect, levels: [...counts].map(([level, count]) => ({ level, count })) };
  });
}

const sumOf = <T,>(of: readonly T[], pick: (row: T) => number, where: (row: T) => boolean = () => true) => of.filter(where).reduce((total, row) => total + pick(row), 0);

/**
 * The plan figures from the organisations' plan tallies (server/plans/plan-tally.ts): a few rows per
 * organisation, whatever the number of items. Overdue and the risk acceptances' expiry compare the
 * tallies' dates with today, so they move with the calendar without any write.
 */
export async function planFigures(db: Db, organisationIds: readonly string[], today: string, soon: string): Promise<PlanFigures> {
  const counted = await db
    .selectFrom('plan_tallies')
    .select((eb) => {
      const n = (condition: Expression<SqlBool>) => eb.fn.sum<number | string>(eb.case().when(condition).then(eb.ref('n')).else(0).end());
      return [
        'measure',
        'status',
        'priority',
        eb.fn.sum<number | string>('n').as('count'),
        n(eb('day', '<', today)).as('before_today'),
        n(eb.and([eb('day', '>=', today), eb('day', '<=', soon)])).as('until_soon'),
      ];
    })
    .where('organisation_id', 'in', organisationIds)
    .groupBy(['measure', 'status', 'priority'])
    .execute();
  const rows = counted.map((row) => ({ measure: row.measure, status: row.status as PlanItemStatus, priority: (row.priority || null) as Priority | null, count: Number(row.count), beforeToday: Number(row.before_today), untilSoon: Number(row.until_soon) }));
  const items = rows.filter((row) => row.measure === 'items');
  const accepted = rows.filter((row) => row.measure === 'accepted');
  const acceptedCount = sumOf(items, (row) => row.count, (row) => row.status === 'risk_accepterad');
  const expired = sumOf(accepted, (row) => row.beforeToday);
  return {
    total: sumOf(items, (row) => row.count),
    byStatus: planStatuses.map((status) => ({ status, count: sumOf(items, (row) => row.count, (row) => row.status === status) })),
    openByPriority: (['hog', 'medel', 'lag', null] as const).map((priority) => ({ priority, count: sumOf(items, (row) => row.count, (row) => row.priority === priority && !isClosed(row.status)) })),
    open: sumOf(items, (row) => row.count, (row) => !isClosed(row.status)),
    overdue: sumOf(rows, (row) => row.beforeToday, (row) => row.measure === 'planned'),
    riskAcceptances: { active: acceptedCount - expired, expiringSoon: sumOf(accepted, (row) => row.untilSoon), expired },
  };
}

export async function dpiaFigures(db: Db, organisationIds: readonly string[], now: string): Promise<DpiaFigures> {
  // The newest round of each kind per asset is the one that speaks for the asset today.
  const grouped = await db
    .selectFrom('assessments as s')
    .innerJoin('assets as a', 'a.id', 's.asset_id')
    .select((eb) => [
      's.kind',
      's.status',
      eb.case().when('s.kind', '=', 'dpia-screening').then(jsonText(db, 's.result', ['outcome'])).end().as('outcome'),
      eb.case().when(eb.and([eb('s.kind', '=', 'dpia'), jsonIsTrue(db, 's.result', ['priorConsultation', 'required'])])).then(1).else(0).end().as('prior'),
      countWhere(eb, eb('s.next_review_at', '<', now)).as('overdue'),
      eb.fn.countAll<number | string>().as('count'),
    ])
    .where('s.kind', 'in', ['dpia-screening', 'dpia'])
    .where('a.archived_at', 'is', null)
    .where('a.organisation_id', 'in', organisationIds)
    // No later round of the same kind: an anti-join, which PostgreSQL hashes once instead of probing per row (2.8 s at 50,000 assets).
    .where((eb) => eb.not(eb.exists(eb.selectFrom('assessments as n').select('n.id').whereRef('n.asset_id', '=', 's.asset_id').whereRef('n.kind', '=', 's.kind').whereRef('n.round', '>', 's.round'))))
    .groupBy([sql`1`, sql`2`, sql`3`, sql`4`])
    .execute();
  const screenings = new Map<string, number>();
  let decided = 0;
  let inProgress = 0;
  let prior = 0;
  let overdue = 0;
  for (const row of grouped) {
    const count = Number(row.count);
    if (row.kind === 'dpia-screening') screenings.set(row.outcome ?? 'okand', (screenings.get(row.outcome ?? 'okand') ?? 0) + count);
    else if (row.status === 'faststalld') {
      decided += count;
      overdue += Number(row.overdue);
      if (Number(row.prior) === 1) prior += count;
    } else inProgress += count;
  }
  return { screenings: [...screenings].map(([outcome, count]) => ({ outcome, count })), dpiasDecided: decided, dpiasInProgress: inProgress, priorConsultations: prior, reviewsOverdue: overdue };
}

/**
 * Each asset's creation, archiving and first fastställd classification (and, with `started`, when its
 * first classification began): what coverage at a past instant is counted from.
 */
export async function assetTimelines(db: Db, organisationIds: readonly string[], started = false): Promise<{ created_at: string; archived_at: string | null; first_decided: string | null; first_started?: string | null }[]> {
  // One grouped pass over the classification rounds, joined to the assets, rather than two subqueries per asset.
  const firsts = db
    .selectFrom('assessments as c')
    .select((eb) => ['c.asset_id', eb.fn.min(eb.case().when('c.status', '=', 'faststalld').then(eb.ref('c.decided_at')).end()).as('first_decided'), eb.fn.min('c.created_at').as('first_started')])
    .where('c.kind', '=', 'classification')
    .where('c.asset_id', 'in', (eb) => eb.selectFrom('assets').select('assets.id').where('assets.organisation_id', 'in', organisationIds))
    .groupBy('c.asset_id');
  const rows = await db
    .selectFrom('assets as a')
    .leftJoin(firsts.as('f'), 'f.asset_id', 'a.id')
    .select(['a.created_at', 'a.archived_at', 'f.first_decided', 'f.first_started'])
    .where('a.organisation_id', 'in', organisationIds)
    .execute();
  return rows.map((row) => ({ created_at: row.created_at, archived_at: row.archived_at, first_decided: row.first_decided ?? null, ...(started ? { first_started: row.first_started ?? null } : {}) }));
}

/**
 * Classified share at the end of each month: assets that existed then (and were not yet archived),
 * and of them those whose first classification had been fastställd by then.
 */
export async function classifiedTrend(db: Db, organisationIds: readonly string[], monthEnds: readonly string[]): Promise<{ assets: number; classified: number }[]> {
  const rows = await assetTimelines(db, organisationIds);
  return monthEnds.map((end) => {
    let assets = 0;
    let classified = 0;
    for (const row of rows) {
      if (row.created_at > end || (row.archived_at !== null && row.archived_at <= end)) continue;
      assets += 1;
      if (row.first_decided !== null && row.first_decided <= end) classified += 1;
    }
    return { assets, classified };
  });
}
