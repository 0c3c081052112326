import { type Kysely, sql } from 'kysely';

const roles = "'admin', 'isam', 'dso', 'objektledare', 'beslutsfattare', 'granskare', 'sakerhetsskyddschef'";

/**
 * Säkerhetsskydd (issue 17): a level-4 mark needs a separate analysis owned by the
 * säkerhetsskyddschef. Sigill keeps only where that analysis is kept (e.g. a diarienummer),
 * never its content. Memberships are rebuilt to admit the new role in their check.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('special_analyses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('assessment_id', 'text', (column) => column.notNull().references('assessments.id'))
    .addColumn('reference', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('user_name', 'text', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('special_analyses_assessment').on('special_analyses').column('assessment_id').execute();

  await db.schema
    .createTable('memberships_020')
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (column) => column.notNull().references('organisations.id'))
    .addColumn('role', 'text', (column) => column.notNull().check(sql.raw(`role in (${roles})`)))
    .addColumn('granted_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('memberships_020_pk', ['user_id', 'organisation_id', 'role'])
    .execute();
  const untyped = db as Kysely<Record<string, Record<string, string>>>;
  await untyped.insertInto('memberships_020').columns(['user_id', 'organisation_id', 'role', 'granted_at'])
    .expression(untyped.selectFrom('memberships').select(['user_id', 'organisation_id', 'role', 'granted_at']))
    .execute();
  await db.schema.dropTable('memberships').execute();
  await db.schema.alterTable('memberships_020').renameTo('memberships').execute();
  await db.schema.createIndex('memberships_organisation').on('memberships').column('organisation_id').execute();
}
