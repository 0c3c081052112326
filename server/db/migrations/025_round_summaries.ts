import type { Kysely } from 'kysely';
import { flagDefault, flagType } from '../portable-schema';
import { rebuildRoundSummaries } from '../../assets/round-summary-store';
import type { Database } from '../schema';

/**
 * Each asset's round summary (server/assets/round-summary-store.ts): the dashboard's 12-month trend
 * and DPIA figures, and Ledningens genomgång's coverage, read it instead of grouping every round.
 * Existing installations are summarised here, in one statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['first_started_at', 'first_decided_at', 'screening_outcome', 'dpia_status', 'dpia_next_review_at']) {
    await db.schema.alterTable('assets').addColumn(column, 'text').execute();
  }
  // A boolean on PostgreSQL from the start (it was integer until migration 027): the summary store writes a boolean expression into it.
  await db.schema.alterTable('assets').addColumn('dpia_prior_consultation', flagType(db), (column) => column.notNull().defaultTo(flagDefault(db, 0))).execute();
  await rebuildRoundSummaries(db as unknown as Kysely<Database>);
}
