import { type Kysely, sql } from 'kysely';
import { engineOf } from '../dialect';
import { refuseTruncate } from '../portable-schema';

/**
 * PostgreSQL's TRUNCATE fires no row trigger: `truncate audit_events` emptied the chain, and
 * protocols and approvals likewise, with nothing refusing it. Every table that already refuses
 * DELETE gets a statement trigger refusing TRUNCATE with the same words (later tables get it from
 * refuseChange itself). SQLite has no TRUNCATE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const { rows } = await sql<{ name: string; table: string; args: string }>`
    select t.tgname as name, c.relname as table, encode(t.tgargs, 'escape') as args
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and t.tgname like '%\\_no\\_delete'`.execute(db);
  for (const { name, table, args } of rows) await refuseTruncate(db, name, table, args.replace(/\\000$/, ''));
}
