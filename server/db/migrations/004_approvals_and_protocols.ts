import { type Kysely, sql } from 'kysely';
import { binaryType, refuseChange } from '../portable-schema';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Each step of a sign-off: who, in which role, when, and the statement they confirmed.
  await db.schema
    .createTable('approvals')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('step', 'text', (column) => column.notNull().check(sql`step in ('ready', 'dso_advice', 'decision', 'returned')`))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('user_name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('statement', 'text', (column) => column.notNull())
    .addColumn('details', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    // Set when the assessment goes back to utkast: the step must be given again on the next review.
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('approvals_assessment').on('approvals').columns(['assessment_id', 'created_at']).execute();

  await db.schema
    .createTable('protocols')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('asset_id', 'text', (column) => column.notNull().references('assets.id'))
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('pdf', binaryType(db), (column) => column.notNull())
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull().unique())
    .addColumn('signed_digest', 'text', (column) => column.notNull())
    .addColumn('content_sha256', 'text', (column) => column.notNull())
    .addColumn('seal_fingerprint', 'text', (column) => column.notNull())
    .addColumn('development_seal', 'integer', (column) => column.notNull())
    .addColumn('sealed_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('protocols_version').on('protocols').columns(['assessment_id', 'version']).unique().execute();
  await db.schema.createIndex('protocols_signed_digest').on('protocols').columns(['signed_digest']).execute();
  // A sealed protocol is a record: the database itself refuses to change or remove one.
  await refuseChange(db, 'protocols_no_update', 'update', 'protocols', 'protocols are immutable');
  await refuseChange(db, 'protocols_no_delete', 'delete', 'protocols', 'protocols are immutable');
}
