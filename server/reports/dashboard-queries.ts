import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
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

/** The DPIA figures from each asset's round summary (server/assets/round-summary-store.ts): its newest screening and DPIA speak for it today. */
export async function dpiaFigures(db: Db, organisationIds: readonly string[], now: string): Promise<DpiaFigures> {
  const grouped = await db
    .selectFrom('assets')
    .select((eb) => ['screening_outcome', 'dpia_status', 'dpia_prior_consultation', countWhere(eb, eb('dpia_next_review_at', '<', now)).as('overdue'), eb.fn.countAll<number | string>().as('count')])
    .where('archived_at', 'is', null)
    .where('organisation_id', 'in', organisationIds)
    .where((eb) => eb.or([eb('screening_outcome', 'is not', null), eb('dpia_status', 'is not', null)]))
    .groupBy(['screening_outcome', 'dpia_status', 'dpia_prior_consultation'])
    .execute();
  const screenings = new Map<string, number>();
  let decided = 0;
  let inProgress = 0;
  let prior = 0;
  let overdue = 0;
  for (const row of grouped) {
    const count = Number(row.count);
    if (row.screening_outcome !== null) screenings.set(row.screening_outcome, (screenings.get(row.screening_outcome) ?? 0) + count);
    if (row.dpia_status === 'faststalld') {
      decided += count;
      overdue += Number(row.overdue);
      if (Number(row.dpia_prior_consultation) === 1) prior += count;
    } else if (row.dpia_status !== null) inProgress += count;
  }
  return { screenings: [...screenings].map(([outcome, count]) => ({ outcome, count })), dpiasDecided: decided, dpiasInProgress: inProgress, priorConsultations: prior, reviewsOverdue: overdue };
}

export interface CoverageAt {
  /** Assets that existed at the instant and were not yet archived. */
  assets: number;
  /** Of them, those whose first classification had been fastställd by then. */
  classified: number;
  /** Of them, those whose first classification had begun but was not yet fastställd. */
  inProgress: number;
}

/**
 * Coverage at each of some instants (the trend's month ends, the end of a report's year), counted in
 * one pass over the assets from their creation, archiving and round summary. An asset archived and
 * restored counts as it stands now: archiving keeps no history of its own.
 */
export async function coverageAt(db: Db, organisationIds: readonly string[], instants: readonly string[]): Promise<CoverageAt[]> {
  if (instants.length === 0) return [];
  const row = await db
    .selectFrom('assets')
    .select((eb) =>
      instants.flatMap((instant, index) => {
        const existed = eb.and([eb('created_at', '<=', instant), eb.or([eb('archived_at', 'is', null), eb('archived_at', '>', instant)])]);
        const decided = eb.and([eb('first_decided_at', 'is not', null), eb('first_decided_at', '<=', instant)]);
        const begun = eb.and([eb('first_started_at', 'is not', null), eb('first_started_at', '<=', instant)]);
        return [
          countWhere(eb, existed).as(`assets_${index}`),
          countWhere(eb, eb.and([existed, decided])).as(`classified_${index}`),
          countWhere(eb, eb.and([existed, eb.not(decided), begun])).as(`started_${index}`),
        ];
      }),
    )
    .where('organisation_id', 'in', organisationIds)
    .executeTakeFirstOrThrow();
  const figures = row as Record<string, number | string | null>;
  return instants.map((_, index) => ({ assets: Number(figures[`assets_${index}`] ?? 0), classified: Number(figures[`classified_${index}`] ?? 0), inProgress: Number(figures[`started_${index}`] ?? 0) }));
}
