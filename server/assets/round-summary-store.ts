import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { engineOf, jsonIsTrue, jsonText } from '../db/dialect';
import type { AssessmentKind, Database } from '../db/schema';

/**
 * What the dashboard and Ledningens genomgång count of an asset's rounds, kept on the asset row:
 * when its first classification began and was first fastställd, the newest screening's outcome,
 * and the newest DPIA's status, prior consultation and next review. At region scale (50,000 assets,
 * 200,000 rounds) finding the newest round of each kind per asset and reading its result JSON took
 * 150 ms per dashboard; the summary makes both figures one pass over the assets.
 *
 * Every write that changes a round's status, result or review date refreshes its asset here, in
 * that write's transaction (server/assessments/change-status.ts, persist-scored.ts, server/reviews).
 * The same statement, over every asset, fills the columns for an existing installation.
 */

type Rounds = ExpressionBuilder<Database, 'assets'>;

const roundsOf = (eb: Rounds, kind: AssessmentKind) => eb.selectFrom('assessments as r').whereRef('r.asset_id', '=', 'assets.id').where('r.kind', '=', kind);
const newestOf = (eb: Rounds, kind: AssessmentKind) => roundsOf(eb, kind).orderBy('r.round', 'desc').limit(1);

function summaryUpdate(db: Kysely<Database>) {
  return db.updateTable('assets').set((eb) => ({
    first_started_at: roundsOf(eb, 'classification').select((r) => r.fn.min('r.created_at').as('v')),
    first_decided_at: roundsOf(eb, 'classification').where('r.status', '=', 'faststalld').select((r) => r.fn.min('r.decided_at').as('v')),
    screening_outcome: newestOf(eb, 'dpia-screening').select(sql<string>`coalesce(${jsonText(db, 'r.result', ['outcome'])}, 'okand')`.as('v')),
    dpia_status: newestOf(eb, 'dpia').select('r.status'),
    // The flag itself, not 1/0: a boolean column on PostgreSQL, and SQLite's comparison is 0/1 already.
    dpia_prior_consultation: eb.fn.coalesce(newestOf(eb, 'dpia').select(jsonIsTrue(db, 'r.result', ['priorConsultation', 'required']).as('v')), sql.lit(false)).$castTo<number>(),
    dpia_next_review_at: newestOf(eb, 'dpia').select('r.next_review_at'),
  }));
}

/** Recomputes the summary of these assets from their rounds; inside the transaction that changed them. */
export async function refreshRoundSummaries(trx: Transaction<Database>, assetIds: readonly string[]): Promise<void> {
  if (assetIds.length === 0) return;
  await summaryUpdate(trx).where('id', 'in', assetIds).execute();
}

/**
 * Every asset's summary: for the migration that adds it, and data written without the stores
 * (generated installations). Each asset's rounds are found by the (asset, kind, round) index; on
 * PostgreSQL statistics are taken first, since rounds written earlier in the same transaction are
 * unknown to the planner, which then scanned every round for every asset (minutes at 50,000 assets).
 */
export async function rebuildRoundSummaries(db: Kysely<Database>): Promise<void> {
  if (engineOf(db) === 'postgres') await sql`analyze assessments`.execute(db);
  await summaryUpdate(db).execute();
}
