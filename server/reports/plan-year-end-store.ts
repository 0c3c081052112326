import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { nowIso } from '../ids';
import { type PlanAtDate, planAtDate, planAtDateByOrganisation, sumPlans } from './lg-plan-history';

/**
 * The handlingsplaner at the end of a year that has ended, per organisation, counted once and kept
 * (table plan_year_ends): Ledningens genomgång shows last year's end beside this year, and at region
 * scale counting it from the history meant 2,000,000 plan items for every report. Kept by the server's
 * hourly job soon after the year ends, or before that by the first report that asks for it or the
 * first archiving or restoring of one of the organisation's assets, so the year end stays as it stood: archiving keeps no history of its
 * own, and counted later, a restored asset would join a year in which it was archived.
 */

type Figures = Omit<PlanAtDate, 'asOf'>;

/** The last instant of a year (UTC), the instant a year's report counts at. */
export const yearEnd = (year: number): string => new Date(Date.UTC(year + 1, 0, 1) - 1).toISOString();

/** A year is over when its end is past both for the caller and for the clock that dates every write. */
const hasEnded = (year: number, now: Date) => yearEnd(year) < new Date(Math.min(now.getTime(), Date.now())).toISOString();

const chunkSize = 500;

async function storedYearEnds(db: Kysely<Database>, organisationIds: readonly string[], year: number): Promise<Map<string, Figures>> {
  const stored = new Map<string, Figures>();
  for (let start = 0; start < organisationIds.length; start += chunkSize) {
    const rows = await db
      .selectFrom('plan_year_ends')
      .select(['organisation_id', 'figures'])
      .where('year', '=', year)
      .where('organisation_id', 'in', organisationIds.slice(start, start + chunkSize))
      .execute();
    for (const row of rows) stored.set(row.organisation_id, JSON.parse(row.figures) as Figures);
  }
  return stored;
}

/** The year end of each organisation, counted and kept for those that have none yet; in the caller's write transaction, so no write slips in between. */
async function keepYearEnds(trx: Transaction<Database>, organisationIds: readonly string[], year: number): Promise<Map<string, Figures>> {
  const stored = await storedYearEnds(trx, organisationIds, year);
  const missing = organisationIds.filter((id) => !stored.has(id));
  if (missing.length === 0) return stored;
  const counted = await planAtDateByOrganisation(trx, missing, yearEnd(year));
  const countedAt = nowIso();
  const rows = [...counted].map(([organisationId, { asOf: _asOf, ...figures }]) => {
    stored.set(organisationId, figures);
    return { organisation_id: organisationId, year, figures: JSON.stringify(figures), counted_at: countedAt };
  });
  for (let start = 0; start < rows.length; start += chunkSize) await trx.insertInto('plan_year_ends').values(rows.slice(start, start + chunkSize)).execute();
  return stored;
}

/** The organisations' plans at the end of `year`: kept figures once the year has ended, counted from the history before. */
export async function planAtYearEnd(db: Kysely<Database>, organisationIds: readonly string[], year: number, now = new Date()): Promise<PlanAtDate> {
  const asOf = yearEnd(year);
  if (!hasEnded(year, now)) return planAtDate(db, organisationIds, asOf);
  let figures = await storedYearEnds(db, organisationIds, year);
  if (figures.size < organisationIds.length) figures = await withTransaction(db, (trx) => keepYearEnds(trx, organisationIds, year));
  return sumPlans(asOf, [...figures.values()]);
}

/**
 * Last year's end for every organisation that has none kept yet: the server's hourly job
 * (year-end-keeping.ts), so shortly after New Year no report waits for the counting. Answers how
 * many organisations it kept; a run with nothing to do takes no write lock.
 */
export async function keepLastYearEnds(db: Kysely<Database>, now = new Date()): Promise<number> {
  const year = now.getUTCFullYear() - 1;
  const organisationIds = (await db.selectFrom('organisations').select('id').execute()).map((row) => row.id);
  if ((await storedYearEnds(db, organisationIds, year)).size === organisationIds.length) return 0;
  return withTransaction(db, async (trx) => {
    const before = (await storedYearEnds(trx, organisationIds, year)).size;
    await keepYearEnds(trx, organisationIds, year);
    return organisationIds.length - before;
  });
}

/** Before an asset leaves or rejoins its organisation's plans: last year's end is kept as it stood. */
export async function keepLastYearEnd(trx: Transaction<Database>, organisationId: string): Promise<void> {
  const year = new Date().getUTCFullYear() - 1;
  await keepYearEnds(trx, [organisationId], year);
}
