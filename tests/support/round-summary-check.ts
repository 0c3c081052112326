import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import { rebuildRoundSummaries } from '../../server/assets/round-summary-store';
import { jsonIsTrue, jsonText } from '../../server/db/dialect';
import type { Database } from '../../server/db/schema';
import { coverageAt, dpiaFigures } from '../../server/reports/dashboard-queries';
import type { DpiaFigures } from '../../server/reports/figure-types';

/**
 * The checks of the round summaries (migration 025): the stored columns against a fresh summary of
 * every asset, and the dashboard's DPIA figures and coverage against the queries it ran before the
 * summaries (grouped passes over every round, kept here verbatim as the reference).
 */

type Db = Kysely<Database>;
const summaryColumns = ['id', 'first_started_at', 'first_decided_at', 'screening_outcome', 'dpia_status', 'dpia_prior_consultation', 'dpia_next_review_at'] as const;

/** What every write kept on the assets equals what summarising their rounds now gives. */
export async function expectSummariesFresh(db: Db): Promise<void> {
  const stored = await db.selectFrom('assets').select(summaryColumns).orderBy('id').execute();
  await rebuildRoundSummaries(db);
  expect(stored).toEqual(await db.selectFrom('assets').select(summaryColumns).orderBy('id').execute());
}

/** The DPIA figures as counted before migration 025: the newest round of each kind per asset, by an anti-join. */
export async function countedDpiaFigures(db: Db, organisationIds: readonly string[], now: string): Promise<DpiaFigures> {
  const grouped = await db
    .selectFrom('assessments as s')
    .innerJoin('assets as a', 'a.id', 's.asset_id')
    .select((eb) => [
      's.kind',
      's.status',
      eb.case().when('s.kind', '=', 'dpia-screening').then(jsonText(db, 's.result', ['outcome'])).end().as('outcome'),
      eb.case().when(eb.and([eb('s.kind', '=', 'dpia'), jsonIsTrue(db, 's.result', ['priorConsultation', 'required'])])).then(1).else(0).end().as('prior'),
      eb.fn.sum<number | string>(eb.case().when('s.next_review_at', '<', now).then(1).else(0).end()).as('overdue'),
      eb.fn.countAll<number | string>().as('count'),
    ])
    .where('s.kind', 'in', ['dpia-screening', 'dpia'])
    .where('a.archived_at', 'is', null)
    .where('a.organisation_id', 'in', organisationIds)
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

/** Coverage at an instant as counted before migration 025: each asset's first rounds grouped from every classification, compared in TypeScript. */
export async function countedCoverageAt(db: Db, organisationIds: readonly string[], instant: string): Promise<{ assets: number; classified: number; inProgress: number }> {
  const firsts = db
    .selectFrom('assessments as c')
    .select((eb) => ['c.asset_id', eb.fn.min(eb.case().when('c.status', '=', 'faststalld').then(eb.ref('c.decided_at')).end()).as('first_decided'), eb.fn.min('c.created_at').as('first_started')])
    .where('c.kind', '=', 'classification')
    .groupBy('c.asset_id');
  const rows = await db
    .selectFrom('assets as a')
    .leftJoin(firsts.as('f'), 'f.asset_id', 'a.id')
    .select(['a.created_at', 'a.archived_at', 'f.first_decided', 'f.first_started'])
    .where('a.organisation_id', 'in', organisationIds)
    .execute();
  const existing = rows.filter((row) => row.created_at <= instant && (row.archived_at === null || row.archived_at > instant));
  const classified = existing.filter((row) => row.first_decided !== null && row.first_decided <= instant).length;
  const inProgress = existing.filter((row) => (row.first_decided === null || row.first_decided > instant) && row.first_started !== null && row.first_started <= instant).length;
  return { assets: existing.length, classified, inProgress };
}

const byOutcome = (figures: DpiaFigures) => ({ ...figures, screenings: figures.screenings.toSorted((a, b) => (a.outcome < b.outcome ? -1 : 1)) });

/** The summaries are fresh, and the dashboard's DPIA figures and coverage equal the old counts, now and at the given instants. */
export async function expectFiguresAsBefore(db: Db, organisationIds: readonly string[], instants: readonly string[]): Promise<void> {
  await expectSummariesFresh(db);
  const now = new Date().toISOString();
  expect(byOutcome(await dpiaFigures(db, organisationIds, now))).toEqual(byOutcome(await countedDpiaFigures(db, organisationIds, now)));
  const counted = await coverageAt(db, organisationIds, [...instants, now]);
  for (const [index, instant] of [...instants, now].entries()) expect(counted[index], instant).toEqual(await countedCoverageAt(db, organisationIds, instant));
}
