import { type Kysely, sql } from 'kysely';
import { bytewise, jsonIsTrue, jsonText } from '../db/dialect';
import type { Database } from '../db/schema';
import { swedishSortKey } from '../text/swedish-keys';
import { assessmentsWithSpecialAnalysis } from '../assessments/special-analysis-store';
import { type CoverageAt, coverageAt } from './dashboard-queries';
import type { OrganisationTree } from '../organisations/organisation-tree';
import { dashboardFigures } from './dashboard-figures';
import { type DashboardFigures, percent } from './figure-types';
import { type PlanAtDate, planToday } from './lg-plan-history';
import { planAtYearEnd, yearEnd } from './plan-year-end-store';
import { type LgStatement, lgStatement } from './lg-statement-store';

/**
 * Everything the Ledningens genomgång report shows, as plain JSON: the PDF (built in a render worker)
 * and the XLSX read only this. Coverage is counted at the end of the year (or today, for the current
 * year); the plans at the same instant are today's during the year and those kept at its end once it is over
 * (plan-year-end-store.ts), the risk acceptance list is today's.
 */
export interface LgReportData {
  organisationName: string;
  year: number;
  /** The instant coverage is counted at: 31 December, or now during the year. */
  asOf: string;
  generatedAt: string;
  coverage: { assets: number; classified: number; inProgress: number; notClassified: number; share: number };
  decidedInYear: { classifications: number; firstTime: number; newVersions: number; reviewsConfirmed: number; dpias: number; priorConsultations: number; screenings: { outcome: string; count: number }[] };
  /** Säkerhetsskydd (issue 17): classifications with a level-4 mark, fastställda in the year or under way, and how many have the analysis reference. */
  specialAnalyses: { levelFour: number; recorded: number };
  today: DashboardFigures;
  riskAcceptances: { assetName: string; title: string; decidedBy: string | null; validUntil: string | null }[];
  notClassified: { name: string; type: string; organisationName: string; status: 'ej_klassad' | 'pagar' }[];
  /** The plans at `asOf`: today's during the year (the plan tallies), the figures kept at its end for a past year (issue 17). */
  planAtYearEnd: PlanAtDate;
  /** The same figures for the year before, to compare with. */
  previousYear: Pick<LgReportData, 'year' | 'asOf' | 'coverage' | 'decidedInYear' | 'planAtYearEnd'>;
  /** The ISAM's conclusions and proposed actions for the year. */
  statement: LgStatement;
}

/** Classifications, DPIAs and screenings decided in the period, by kind, first round or later, screening outcome and prior consultation. */
async function decidedBetween(db: Kysely<Database>, scope: readonly string[], start: string, end: string) {
  const rows = await db
    .selectFrom('assessments as s')
    .innerJoin('assets as a', 'a.id', 's.asset_id')
    .select((eb) => [
      's.kind',
      eb.case().when('s.round', '>', 1).then(2).else(1).end().as('round'),
      eb.case().when('s.kind', '=', 'dpia-screening').then(jsonText(db, 's.result', ['outcome'])).end().as('outcome'),
      eb.case().when(eb.and([eb('s.kind', '=', 'dpia'), jsonIsTrue(db, 's.result', ['priorConsultation', 'required'])])).then(1).else(0).end().as('prior'),
      eb.fn.countAll<number | string>().as('count'),
    ])
    .where('s.status', '=', 'faststalld')
    .where('s.decided_at', '>=', start)
    .where('s.decided_at', '<=', end)
    .where('a.organisation_id', 'in', scope)
    .groupBy([sql`1`, sql`2`, sql`3`, sql`4`])
    .execute();
  return rows.map((row) => ({ kind: row.kind, round: Number(row.round), outcome: row.outcome, prior: Number(row.prior), count: Number(row.count) }));
}

/** Level-4 classifications decided in the period or still under way at its end, and those among them with a recorded analysis reference. */
async function specialAnalysisFigures(db: Kysely<Database>, scope: readonly string[], start: string, end: string): Promise<LgReportData['specialAnalyses']> {
  const rows = await db
    .selectFrom('assessments as s')
    .innerJoin('assets as a', 'a.id', 's.asset_id')
    .select('s.id')
    .where('s.kind', '=', 'classification')
    .where('a.organisation_id', 'in', scope)
    .where('a.archived_at', 'is', null)
    .where(jsonIsTrue(db, 's.result', ['classification', 'flags', 'sarskildAnalys', 'value']))
    .where((eb) =>
      eb.or([
        eb.and([eb('s.status', '=', 'faststalld'), eb('s.decided_at', '>=', start), eb('s.decided_at', '<=', end)]),
        eb.and([eb('s.status', '!=', 'faststalld'), eb('s.created_at', '<=', end)]),
      ]),
    )
    .execute();
  const recorded = await assessmentsWithSpecialAnalysis(db, rows.map((row) => row.id));
  return { levelFour: rows.length, recorded: recorded.size };
}

/** The assets not yet classified, by organisation and then name, both in Swedish order. */
async function notYetClassified(db: Kysely<Database>, tree: OrganisationTree, scope: readonly string[]): Promise<LgReportData['notClassified']> {
  const rows = await db
    .selectFrom('assets')
    .innerJoin('organisations', 'organisations.id', 'assets.organisation_id')
    .select(['assets.name', 'assets.type', 'assets.organisation_id', 'organisations.name as organisationName', 'assets.classification_status as status'])
    .where('assets.classification_status', '!=', 'faststalld')
    .where('assets.archived_at', 'is', null)
    .where('assets.organisation_id', 'in', scope)
    .orderBy(bytewise(db, 'assets.sort_key'))
    .orderBy('assets.id')
    .execute();
  const organisationKeys = new Map(scope.map((id) => [id, swedishSortKey(tree.get(id)?.name ?? '')]));
  const organisationKey = (id: string) => organisationKeys.get(id) ?? '';
  // A stable sort by organisation keeps the name order within each.
  rows.sort((a, b) => (organisationKey(a.organisation_id) < organisationKey(b.organisation_id) ? -1 : organisationKey(a.organisation_id) > organisationKey(b.organisation_id) ? 1 : 0));
  return rows.map((row) => ({ name: row.name, type: row.type, organisationName: row.organisationName, status: row.status === 'pagar' ? 'pagar' : 'ej_klassad' }));
}

type YearFigures = Pick<LgReportData, 'year' | 'asOf' | 'coverage' | 'decidedInYear' | 'planAtYearEnd'>;

/** What the report counts for a year, this one and the one before: coverage at its end (or now), what was decided in it, the plans then. */
async function yearFigures(db: Kysely<Database>, organisationIds: readonly string[], year: number, now: Date): Promise<YearFigures> {
  const scope = organisationIds.length > 0 ? organisationIds : ['-'];
  const start = new Date(Date.UTC(year, 0, 1)).toISOString();
  const asOf = new Date(Math.min(Date.parse(yearEnd(year)), now.getTime())).toISOString();
  const [{ assets, classified, inProgress }] = (await coverageAt(db, scope, [asOf])) as [CoverageAt];

  const decided = await decidedBetween(db, scope, start, asOf);
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
  return {
    year,
    asOf,
    coverage: { assets, classified, inProgress, notClassified: assets - classified - inProgress, share: percent(classified, assets) },
    decidedInYear: {
      classifications: count((row) => row.kind === 'classification'),
      firstTime: count((row) => row.kind === 'classification' && row.round === 1),
      newVersions: count((row) => row.kind === 'classification' && row.round > 1),
      reviewsConfirmed: Number(confirmed.count),
      dpias: count((row) => row.kind === 'dpia'),
      priorConsultations: count((row) => row.kind === 'dpia' && row.prior === 1),
      screenings: [...screenings].map(([outcome, total]) => ({ outcome, count: total })),
    },
    // This year's plans are today's, in the tallies; an ended year's are kept at its end.
    planAtYearEnd: asOf === now.toISOString() ? await planToday(db, scope, now) : await planAtYearEnd(db, organisationIds, year, now),
  };
}

/** Today's risk acceptances, those expiring first (and those without an end date) first. */
async function riskAcceptanceList(db: Kysely<Database>, scope: readonly string[]): Promise<LgReportData['riskAcceptances']> {
  return db
    .selectFrom('plan_items')
    .innerJoin('assets', 'assets.id', 'plan_items.asset_id')
    .select(['assets.name as assetName', 'plan_items.title', 'plan_items.risk_decided_by as decidedBy', 'plan_items.risk_valid_until as validUntil'])
    .where('plan_items.status', '=', 'risk_accepterad')
    .where('plan_items.applicable', '=', 1)
    .where('assets.archived_at', 'is', null)
    .where('assets.organisation_id', 'in', scope)
    .orderBy((eb) => eb.fn.coalesce('plan_items.risk_valid_until', sql.lit('0000')))
    .limit(500)
    .execute();
}

export async function lgReportData(db: Kysely<Database>, tree: OrganisationTree, organisationId: string, organisationIds: readonly string[], year: number, now = new Date()): Promise<LgReportData> {
  const scope = organisationIds.length > 0 ? organisationIds : ['-'];
  const thisYear = await yearFigures(db, organisationIds, year, now);
  const previousYear = await yearFigures(db, organisationIds, year - 1, now);
  return {
    ...thisYear,
    organisationName: tree.get(organisationId)?.name ?? '',
    generatedAt: now.toISOString(),
    specialAnalyses: await specialAnalysisFigures(db, scope, new Date(Date.UTC(year, 0, 1)).toISOString(), thisYear.asOf),
    today: await dashboardFigures(db, tree, scope, now),
    riskAcceptances: await riskAcceptanceList(db, scope),
    notClassified: await notYetClassified(db, tree, scope),
    previousYear,
    statement: await lgStatement(db, organisationId, year),
  };
}
