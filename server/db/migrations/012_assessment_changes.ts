import type { Kysely } from 'kysely';

/**
 * Every change to an assessment's answers, one row per question path and revision: who, when,
 * the value before and after. Earlier answers can be rebuilt from it, a stale change to the same
 * question is told apart from one to another question, and the UI can say who changed what when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_changes')
    .addColumn('assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('seq', 'integer', (column) => column.notNull())
    .addColumn('path', 'text', (column) => column.notNull())
    .addColumn('op', 'text', (column) => column.notNull())
    .addColumn('previous_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('changed_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('assessment_changes_pk', ['assessment_id', 'revision', 'seq'])
    .execute();
  await db.schema.createIndex('assessment_changes_path').on('assessment_changes').columns(['assessment_id', 'path', 'revision']).execute();
}
