import type { Kysely } from 'kysely';

/**
 * Issue 13: separation of duties per organisation, on by default (an admin may turn it off for a
 * small organisation), and the content hash of every published form file, recorded at the first
 * start that sees it, so a file edited in place is noticed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('separation_of_duties', 'integer', (column) => column.notNull().defaultTo(1)).execute();
  await db.schema
    .createTable('published_form_files')
    .addColumn('form_id', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('file', 'text', (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('published_form_files_pk', ['form_id', 'version'])
    .execute();
}
