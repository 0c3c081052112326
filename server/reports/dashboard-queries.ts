import { type Kysely, sql } from 'kysely';
import { jsonField } from '../db/dialect';
import type { Database, PlanItemStatus, Priority } from '../db/schema';
import { aspects, type Aspect, closedPlanStatuses, type DpiaFigures, type PlanFigures, planStatuses } from './figure-types';

/**
 * The dashboard's aggregate queries, each one pass over its table within the organisations in scope.
 * Written as SQL aggregates (through Kysely) so 200,000 plan items never travel to JavaScript.
 */

type Db = Kysely<Database>;
const inList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`));
const isClosed = (status: PlanItemStatus) => closedPlanStatuses.includes(status);
const closed = sql.join(closedPlanStatuses.map((status) => sql`${status}`));

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
  const { rows } = await sql<CoverageRow>`
    select organisation_id,
      count(*) as assets,
      coalesce(sum(case when classification_status = 'faststalld' then 1 else 0 end), 0) as faststalld,
      coalesce(sum(case when classification_status = 'pagar' then 1 else 0 end), 0) as pagar,
      coalesce(sum(case when classification_status = 'ej_klassad' then 1 else 0 end), 0) as ej_klassad,
      coalesce(sum(case when classification_status = 'faststalld' and next_review_at < ${now} then 1 else 0 end), 0) as overdue,
      coalesce(sum(case when classification_status = 'faststalld' and next_review_at >= ${now} and next_review_at <= ${soon} then 1 else 0 end), 0) as due_soon
    from assets
    where archived_at is null and organisation_id in (${inList(organisationIds)})
    group by organisation_id`.execute(db);
  return rows;
}

export async function profileDistribution(db: Db, organisationIds: readonly string[]): Promise<{ aspect: Aspect; levels: { level: number | null; count: number }[] }[]> {
  const levelOf = (aspect: string) => jsonField(db, 'profile', [aspect], 'number');
  const { rows } = await sql<{ k: number | null; r: number | null; t: number | null; s: number | null; count: number }>`
    select ${levelOf('K')} as k, ${levelOf('R')} as r, ${levelOf('T')} as t, ${levelOf('S')} as s, count(*) as count
    from assets
    where archived_at is null and classification_status = 'faststalld' and organisation_id in (${inList(organisationIds)})
    group by 1, 2, 3, 4`.execute(db);
  return aspects.map((aspect) => {
    const counts = new Map<number | null, number>([[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [null, 0]]);
    const key = aspect.toLowerCase() as 'k' | 'r' | 't' | 's';
    for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? 0) + row.count);
    return { aspect, levels: [...counts].map(([level, count]) => ({ level, count })) };
  });
}

export async function planFigures(db: Db, organisationIds: readonly string[], today: string, soon: string): Promise<PlanFigures> {
  const { rows } = await sql<{ status: PlanItemStatus; priority: Priority | null; count: number; overdue: number; expiring: number; expired: number }>`
    select p.status, p.priority, count(*) as count,
      coalesce(sum(case when p.status not in (${closed}) and p.planned_date < ${today} then 1 else 0 end), 0) as overdue,
      coalesce(sum(case when p.status = 'risk_accepterad' and p.risk_valid_until >= ${today} and p.risk_valid_until <= ${soon} then 1 else 0 end), 0) as expiring,
      coalesce(sum(case when p.status = 'risk_accepterad' and p.risk_valid_until < ${today} then 1 else 0 end), 0) as expired
    from plan_items p join assets a on a.id = p.asset_id
    where p.applicable = 1 and a.archived_at is null and a.organisation_id in (${inList(organisationIds)})
    group by p.status, p.priority`.execute(db);
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
  const { rows } = await sql<{ kind: string; status: string; outcome: string | null; prior: number | null; overdue: number; count: number }>`
    select s.kind, s.status,
      case when s.kind = 'dpia-screening' then ${jsonField(db, 's.result', ['outcome'], 'text')} end as outcome,
      case when s.kind = 'dpia' then ${jsonField(db, 's.result', ['priorConsultation', 'required'], 'boolean')} end as prior,
      coalesce(sum(case when s.next_review_at < ${now} then 1 else 0 end), 0) as overdue,
      count(*) as count
    from assessments s join assets a on a.id = s.asset_id
    where s.kind in ('dpia-screening', 'dpia') and a.archived_at is null and a.organisation_id in (${inList(organisationIds)})
      and s.round = (select max(n.round) from assessments n where n.asset_id = s.asset_id and n.kind = s.kind)
    group by 1, 2, 3, 4`.execute(db);
  const screenings = new Map<string, number>();
  let decided = 0;
  let inProgress = 0;
  let prior = 0;
  let overdue = 0;
  for (const row of rows) {
    if (row.kind === 'dpia-screening') screenings.set(row.outcome ?? 'okand', (screenings.get(row.outcome ?? 'okand') ?? 0) + row.count);
    else if (row.status === 'faststalld') {
      decided += row.count;
      overdue += row.overdue;
      if (row.prior === 1) prior += row.count;
    } else inProgress += row.count;
  }
  return { screenings: [...screenings].map(([outcome, count]) => ({ outcome, count })), dpiasDecided: decided, dpiasInProgress: inProgress, priorConsultations: prior, reviewsOverdue: overdue };
}

/**
 * Classified share at the end of each month: assets that existed then (and were not yet archived),
 * and of them those whose first classification had been fastställd by then.
 */
export async function classifiedTrend(db: Db, organisationIds: readonly string[], monthEnds: readonly string[]): Promise<{ assets: number; classified: number }[]> {
  const { rows } = await sql<{ created_at: string; archived_at: string | null; first_decided: string | null }>`
    select a.created_at, a.archived_at,
      (select min(c.decided_at) from assessments c where c.asset_id = a.id and c.kind = 'classification' and c.status = 'faststalld') as first_decided
    from assets a where a.organisation_id in (${inList(organisationIds)})`.execute(db);
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
