import { type ColumnDataType, type ColumnDefinitionBuilder, type Kysely, type RawBuilder, sql } from 'kysely';
import { engineOf } from './dialect';

/**
 * What migrations need to say the same thing on SQLite and PostgreSQL. A value reads back as the
 * same JavaScript type on both engines, so no store branches on the engine: ids and JSON are text
 * on both (JSON stays text on purpose: the audit chain and the protocols hash it byte for byte, and
 * jsonb would rewrite it); flags are integer 0/1 on SQLite and boolean on PostgreSQL, instants ISO
 * 8601 text on SQLite and timestamptz on PostgreSQL (migration 027), read back as 1/0 and ISO text
 * by the pool's type parsers (server/db/postgres-types.ts). Only the types that differ are mapped here.
 */

/**
 * A flag, 0/1 on SQLite and boolean on PostgreSQL. Used by a migration that fills a new flag
 * through a store at once (025): the store's SQL is written for the boolean column; migration 027
 * converts the flags made before as integer.
 */
export function flagType(db: Kysely<unknown>): ColumnDataType {
  return engineOf(db) === 'postgres' ? 'boolean' : 'integer';
}

/** A flag column's default, spelt for its type: 0/1 on SQLite (the DDL existing installations have), false/true on PostgreSQL. */
export function flagDefault(db: Kysely<unknown>, value: 0 | 1): RawBuilder<unknown> | number {
  return engineOf(db) === 'postgres' ? sql.lit(value === 1) : value;
}

/** Binary content (sealed PDFs): SQLite's blob is PostgreSQL's bytea; both read back as a Buffer. */
export function binaryType(db: Kysely<unknown>): ColumnDataType {
  return engineOf(db) === 'postgres' ? 'bytea' : 'blob';
}

/** A whole number that may pass 2^31 (kronor): SQLite's integer is 64-bit already, PostgreSQL's is not. */
export function bigIntegerType(db: Kysely<unknown>): ColumnDataType {
  return engineOf(db) === 'postgres' ? 'bigint' : 'integer';
}

/**
 * The audit chain's sequence number, which the appender assigns itself (the head's seq + 1, read
 * under the write lock), so numbers have no gaps and a gap means deleted events. SQLite keeps its
 * autoincrement key (the DDL existing installations have); PostgreSQL gets a plain key, since a
 * sequence or identity column hands out numbers outside the transaction: a rolled-back append (a
 * process killed mid-save) would leave a gap that audit:verify rightly reports as deletion.
 */
export function chainSequenceKey(db: Kysely<unknown>): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return engineOf(db) === 'postgres' ? (column) => column.primaryKey() : (column) => column.primaryKey().autoIncrement();
}

interface RefusalOptions {
  /** Only when these columns are set by the UPDATE (SQLite's and PostgreSQL's `update of`). */
  columns?: readonly string[];
  /** Only when this condition on the old row holds, e.g. `old.status = 'faststalld'`. */
  when?: string;
}

/** The one PL/pgSQL function every refusing trigger calls, with its message as the trigger's argument. */
const refusalFunction = 'sigill_refuse_change';

/**
 * A trigger that makes the database itself refuse an UPDATE or DELETE on `table` with `message`:
 * SQLite's raise(abort) and, on PostgreSQL, a row trigger that raises the same message.
 * Identifiers and the message are the migration's own constants, never input.
 */
export async function refuseChange(
  db: Kysely<unknown>,
  name: string,
  operation: 'update' | 'delete',
  table: string,
  message: string,
  options: RefusalOptions = {},
): Promise<void> {
  const event = options.columns ? `${operation} of ${options.columns.join(', ')}` : operation;
  const quoted = message.replaceAll("'", "''");
  if (engineOf(db) === 'postgres') {
    await sql
      .raw(`create or replace function ${refusalFunction}() returns trigger language plpgsql as $$
        begin raise exception '%', tg_argv[0] using errcode = 'restrict_violation'; end $$`)
      .execute(db);
    const when = options.when ? ` when (${options.when})` : '';
    await sql.raw(`create trigger ${name} before ${event} on ${table} for each row${when} execute function ${refusalFunction}('${quoted}')`).execute(db);
    if (operation === 'delete') await refuseTruncate(db, name, table, message);
    return;
  }
  const when = options.when ? ` when ${options.when}` : '';
  await sql.raw(`create trigger ${name} before ${event} on ${table}${when} begin select raise(abort, '${quoted}'); end`).execute(db);
}

/**
 * PostgreSQL's TRUNCATE fires no row trigger, so a table whose rows may not be deleted also
 * refuses TRUNCATE, with a statement trigger named after its delete trigger (SQLite has no
 * TRUNCATE: its unqualified DELETE fires the row trigger). `create or replace` lets a later
 * migration add it to tables made before this existed.
 */
export async function refuseTruncate(db: Kysely<unknown>, deleteTrigger: string, table: string, message: string): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  const quoted = message.replaceAll("'", "''");
  await sql.raw(`create or replace trigger ${deleteTrigger}_truncate before truncate on ${table} for each statement execute function ${refusalFunction}('${quoted}')`).execute(db);
}

/** Drops a trigger made by refuseChange (PostgreSQL names its table too). */
export async function dropRefusal<DB>(db: Kysely<DB>, name: string, table: string): Promise<void> {
  await sql.raw(engineOf(db) === 'postgres' ? `drop trigger if exists ${name} on ${table}` : `drop trigger if exists ${name}`).execute(db);
}
