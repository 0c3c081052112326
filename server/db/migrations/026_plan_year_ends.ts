import type { Kysely } from 'kysely';

/**
 * Each organisation's handlingsplaner at the end of a year that has ended, counted once
 * (server/reports/plan-year-end-store.ts): Ledningens genomgång compares this year with last year's
 * end, which at region scale meant replaying 2,000,000 plan items for every report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_year_ends')
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (column) => column.notNull())
    .addColumn('figures', 'text', (column) => column.notNull())
    .addColumn('counted_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('plan_year_ends_pk', ['organisation_id', 'year'])
    .execute();
}
