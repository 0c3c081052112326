import { type Kysely, sql } from 'kysely';
import { rebuildPlanTallies } from '../../plans/plan-tally-store';
import type { Database } from '../schema';

/**
 * Plan tallies per organisation (server/plans/plan-tally.ts), so the dashboard reads a few rows per
 * organisation instead of counting every plan item (270 ms at 200,000 items on SQLite; region scale
 * has 2,000,000), and each asset's last contribution, from which a write applies only the difference.
 * Existing installations are counted here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_tallies')
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('measure', 'text', (column) => column.notNull().check(sql`measure in ('items', 'planned', 'accepted')`))
    .addColumn('day', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('priority', 'text', (column) => column.notNull())
    .addColumn('n', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('plan_tallies_pk', ['organisation_id', 'measure', 'day', 'status', 'priority'])
    .execute();
  await db.schema
    .createTable('asset_plan_tallies')
    .addColumn('asset_id', 'text', (column) => column.primaryKey().references('assets.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (column) => column.notNull())
    .addColumn('tally', 'text', (column) => column.notNull())
    .execute();
  const typed = db as unknown as Kysely<Database>;
  // Kysely runs a SQLite migration outside a transaction (no transactional DDL): one keeps the backfill fast and whole.
  await (typed.isTransaction ? rebuildPlanTallies(typed) : typed.transaction().execute((trx) => rebuildPlanTallies(trx)));
}
