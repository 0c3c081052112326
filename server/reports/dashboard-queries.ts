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

export async function planFigures(db: Db, organisationIds: readonly string[], today: string, soon: string): Promise<PlanFigures> {
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
    .where((eb) => eb('s.round', '=', eb.selectFrom('assessments as n').select((inner) => inner.fn.max('n.round').as('round')).whereRef('n.asset_id', '=', 's.asset_id').whereRef('n.kind', '=', 's.kind')))
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

/** The earliest value of a column over the asset's classification rounds. */
function firstOf(eb: ExpressionBuilder<Database & { a: Database['assets'] }, 'a'>, column: 'c.decided_at' | 'c.created_at') {
  return eb.selectFrom('assessments as c').select((inner) => inner.fn.min(column).as('first')).whereRef('c.asset_id', '=', 'a.id').where('c.kind', '=', 'classification');
}

/**
 * Each asset's creation, archiving and first fastställd classification (and, with `started`, when its
 * first classification began): what coverage at a past instant is counted from.
 */
export async function assetTimelines(db: Db, organisationIds: readonly string[], started = false): Promise<{ created_at: string; archived_at: string | null; first_decided: string | null; first_started?: string | null }[]> {
  return db
    .selectFrom('assets as a')
    .select((eb) => ['a.created_at', 'a.archived_at', firstOf(eb, 'c.decided_at').where('c.status', '=', 'faststalld').as('first_decided')])
    .$if(started, (query) => query.select((eb) => firstOf(eb, 'c.created_at').as('first_started')))
    .where('a.organisation_id', 'in', organisationIds)
    .execute();
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
