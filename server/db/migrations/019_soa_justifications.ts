import type { Kysely } from 'kysely';

/**
 * The ISAM's justification per control in an organisation's tillämpningsförklaring: ISO/IEC 27001
 * asks why an excluded control is excluded; the plans only show that nothing asks for it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('soa_justifications')
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('control_id', 'text', (column) => column.notNull())
    .addColumn('justification', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('soa_justifications_pk', ['organisation_id', 'control_id'])
    .execute();
}
