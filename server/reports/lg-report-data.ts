import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { OrganisationTree } from '../organisations/organisation-tree';
import { dashboardFigures } from './dashboard-figures';
import { type DashboardFigures, percent } from './figure-types';
import { type PlanAtDate, planAtDate } from './lg-plan-history';
import { type LgStatement, lgStatement } from './lg-statement-store';

/**
 * Everything the Ledningens genomgång report shows, as plain JSON: the PDF (built in a render worker)
 * and the XLSX read only this. Coverage is counted at the end of the year (or today, for the current
 * year); the plans at the same instant come from the plan items' history, the risk acceptance list is today's.
 */
export interface LgReportData {
  organisationName: string;
  year: number;
  /** The instant coverage is counted at: 31 December, or now during the year. */
  asOf: string;
  generatedAt: string;
  coverage: { assets: number; classified: number; inProgress: number; notClassified: number; share: number };
  decidedInYear: { classifications: number; firstTime: number; newVersions: number; reviewsConfirmed: number; dpias: number; priorConsultations: number; screenings: { outcome: string; count: number }[] };
  today: DashboardFigures;
  riskAcceptances: { assetName: string; title: string; decidedBy: string | null; validUntil: string | null }[];
  notClassified: { name: string; type: string; organisationName: string; status: 'ej_klassad' | 'pagar' }[];
  /** The plans at `asOf`, from the plan items' history (issue 17): a past year shows that year's state. */
  planAtYearEnd: PlanAtDate;
  /** The same figures for the year before, to compare with. */
  previousYear: Pick<LgReportData, 'year' | 'asOf' | 'coverage' | 'decidedInYear' | 'planAtYearEnd'> | null;
  /** The ISAM's conclusions and proposed actions for the year. */
  statement: LgStatement;
}

const inList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`));

export async function lgReportData(
  db: Kysely<Database>,
  tree: OrganisationTree,
  organisationId: string,
  organisationIds: readonly string[],
  year: number,
  now = new Date(),
  withPreviousYear = true,
): Promise<LgReportData> {
  const scope = organisationIds.length > 0 ? organisationIds : ['-'];
  const start = new Date(Date.UTC(year, 0, 1)).toISOString();
  const asOf = new Date(Math.min(Date.UTC(year + 1, 0, 1) - 1, now.getTime())).toISOString();
  const { rows: assets } = await sql<{ created_at: string; archived_at: string | null; first_decided: string | null; first_started: string | null }>`
    select a.created_at, a.archived_at,
      (select min(c.decided_at) from assessments c where c.asset_id = a.id and c.kind = 'classification' and c.status = 'faststalld') as first_decided,
      (select min(c.created_at) from assessments c where c.asset_id = a.id and c.kind = 'classification') as first_started
    from assets a where a.organisation_id in (${inList(scope)})`.execute(db);
  const existing = assets.filter((row) => row.created_at <= asOf && (row.archived_at === null || row.archived_at > asOf));
  const classified = existing.filter((row) => row.first_decided !== null && row.first_decided <= asOf).length;
  const inProgress = existing.filter((row) => (row.first_decided === null || row.first_decided > asOf) && row.first_started !== null && row.first_started <= asOf).length;

  const { rows: decided } = await sql<{ kind: string; round: number; outcome: string | null; prior: number | null; count: number }>`
    select s.kind, min(s.round, 2) as round,
      case when s.kind = 'dpia-screening' then json_extract(s.result, '$.outcome') end as outcome,
      case when s.kind = 'dpia' then json_extract(s.result, '$.priorConsultation.required') end as prior,
      count(*) as count
    from assessments s join assets a on a.id = s.asset_id
    where s.status = 'faststalld' and s.decided_at >= ${start} and s.decided_at <= ${asOf} and a.organisation_id in (${inList(scope)})
    group by 1, 2, 3, 4`.execute(db);
  const count = (where: (row: (typeof decided)[number]) => boolean) => decided.filter(where).reduce((total, row) => total + row.count, 0);
  const screenings = new Map<string, number>();
  for (const row of decided) if (row.kind === 'dpia-screening') screenings.set(row.outcome ?? 'okand', (screenings.get(row.outcome ?? 'okand') ?? 0) + row.count);
  const confirmed = await db
    .selectFrom('review_confirmations')
    .innerJoin('assets', 'assets.id', 'review_confirmations.asset_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('review_confirmations.confirmed_at', '>=', start)
    .where('review_confirmations.confirmed_at', '<=', asOf)
    .where('assets.organisation_id', 'in', scope)
    .executeTakeFirstOrThrow();

  const riskAcceptances = await db
    .selectFrom('plan_items')
    .innerJoin('assets', 'assets.id', 'plan_items.asset_id')
    .select(['assets.name as assetName', 'plan_items.title', 'plan_items.risk_decided_by as decidedBy', 'plan_items.risk_valid_until as validUntil'])
    .where('plan_items.status', '=', 'risk_accepterad')
    .where('plan_items.applicable', '=', 1)
    .where('assets.archived_at', 'is', null)
    .where('assets.organisation_id', 'in', scope)
    .orderBy(sql`coalesce(plan_items.risk_valid_until, '0000')`)
    .limit(500)
    .execute();
  const notClassified = await db
    .selectFrom('assets')
    .innerJoin('organisations', 'organisations.id', 'assets.organisation_id')
    .select(['assets.name', 'assets.type', 'organisations.name as organisationName', 'assets.classification_status as status'])
    .where('assets.classification_status', '!=', 'faststalld')
    .where('assets.archived_at', 'is', null)
    .where('assets.organisation_id', 'in', scope)
    .orderBy('organisations.name')
    .orderBy(sql`assets.name collate nocase`)
    .execute();

  const previous = withPreviousYear ? await lgReportData(db, tree, organisationId, organisationIds, year - 1, now, false) : null;
  return {
    organisationName: tree.get(organisationId)?.name ?? '',
    year,
    asOf,
    generatedAt: now.toISOString(),
    coverage: { assets: existing.length, classified, inProgress, notClassified: existing.length - classified - inProgress, share: percent(classified, existing.length) },
    decidedInYear: {
      classifications: count((row) => row.kind === 'classification'),
      firstTime: count((row) => row.kind === 'classification' && row.round === 1),
      newVersions: count((row) => row.kind === 'classification' && row.round > 1),
      reviewsConfirmed: Number(confirmed.count),
      dpias: count((row) => row.kind === 'dpia'),
      priorConsultations: count((row) => row.kind === 'dpia' && row.prior === 1),
      screenings: [...screenings].map(([outcome, total]) => ({ outcome, count: total })),
    },
    today: await dashboardFigures(db, tree, scope, now),
    riskAcceptances,
    notClassified: notClassified.map((row) => ({ ...row, status: row.status === 'pagar' ? 'pagar' : 'ej_klassad' })),
    planAtYearEnd: await planAtDate(db, scope, asOf),
    previousYear: previous && { year: previous.year, asOf: previous.asOf, coverage: previous.coverage, decidedInYear: previous.decidedInYear, planAtYearEnd: previous.planAtYearEnd },
    statement: await lgStatement(db, organisationId, year),
  };
}
