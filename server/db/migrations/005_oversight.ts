import type { Kysely } from 'kysely';
import { binaryType, refuseChange } from '../portable-schema';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Months between reviews of a fastställd classification; null inherits from the organisation above (12 at the top).
  await db.schema.alterTable('organisations').addColumn('review_interval_months', 'integer').execute();
  // The review cycle per assessment: when it was last confirmed unchanged, and when it is next due.
  await db.schema.alterTable('assessments').addColumn('reviewed_at', 'text').execute();
  await db.schema.alterTable('assessments').addColumn('next_review_at', 'text').execute();
  await db.schema.createIndex('assessments_review').on('assessments').columns(['kind', 'status', 'next_review_at']).execute();
  await db.schema.createIndex('plan_items_ansvarig').on('plan_items').columns(['ansvarig']).execute();

  // A review that found nothing changed: who confirmed it, and the sealed confirmation document.
  await db.schema
    .createTable('review_confirmations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('user_name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('statement', 'text', (column) => column.notNull())
    .addColumn('confirmed_at', 'text', (column) => column.notNull())
    .addColumn('next_review_at', 'text', (column) => column.notNull())
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('pdf', binaryType(db), (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('content_sha256', 'text', (column) => column.notNull())
    .addColumn('development_seal', 'integer', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('review_confirmations_assessment').on('review_confirmations').columns(['assessment_id', 'confirmed_at']).execute();
  await refuseChange(db, 'review_confirmations_no_update', 'update', 'review_confirmations', 'review confirmations are immutable');
  await refuseChange(db, 'review_confirmations_no_delete', 'delete', 'review_confirmations', 'review confirmations are immutable');
}
