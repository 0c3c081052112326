import type { Kysely } from 'kysely';

/**
 * Attempt counters for the abuse limits (logins, password checks, anonymous verification), in the
 * database so every Sigill process on it shares them and a restart does not wipe a lockout.
 * The key is a hash of the limit and its subject, so no typed e-mail address is kept here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('points', 'integer', (column) => column.notNull())
    .addColumn('resets_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_resets_at').on('rate_limits').column('resets_at').execute();
}
