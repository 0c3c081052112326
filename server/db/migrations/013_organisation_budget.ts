import type { Kysely } from 'kysely';
import { bigIntegerType } from '../portable-schema';

/**
 * The owning organisation's annual budget in kronor: the model's economic thresholds are a share
 * of it, and the workshop shows what each share means in kronor for the object's owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('annual_budget_sek', bigIntegerType(db)).execute();
}
