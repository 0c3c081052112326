import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** The default of the domain file (klassning.md, "Review"): at least yearly. */
export const defaultReviewIntervalMonths = 12;

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The review interval that holds for each organisation: its own setting, else the nearest one above
 * it, else the default. Read straight from the table so it works inside a transaction that changes it.
 */
export async function reviewIntervals(db: Db): Promise<(organisationId: string) => { months: number; setOn: string | null }> {
  const rows = await db.selectFrom('organisations').select(['id', 'parent_id', 'review_interval_months']).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (organisationId) => {
    const seen = new Set<string>();
    for (let current = byId.get(organisationId); current && !seen.has(current.id); current = current.parent_id ? byId.get(current.parent_id) : undefined) {
      seen.add(current.id);
      if (current.review_interval_months !== null) return { months: current.review_interval_months, setOn: current.id };
    }
    return { months: defaultReviewIntervalMonths, setOn: null };
  };
}

export async function reviewIntervalFor(db: Db, organisationId: string): Promise<{ months: number; setOn: string | null }> {
  return (await reviewIntervals(db))(organisationId);
}

/** Sets the organisation's own interval (null: inherit from above). */
export async function setReviewInterval(trx: Transaction<Database>, organisationId: string, months: number | null): Promise<void> {
  await trx.updateTable('organisations').set({ review_interval_months: months }).where('id', '=', organisationId).execute();
}

/** The assets of the organisations whose classification is fastställd: those with a review date to move. */
export async function decidedAssetsIn(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  return (await db.selectFrom('assets').select('id').where('organisation_id', 'in', organisationIds).where('classification_status', '=', 'faststalld').execute()).map((row) => row.id);
}

export function addMonths(isoTime: string, months: number): string {
  const date = new Date(isoTime);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  // 31 January + 1 month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString();
}
