import { CompiledQuery } from 'kysely';
import type { DatabaseHandle } from '../../server/db/connection';
import { dropRefusal } from '../../server/db/portable-schema';

/**
 * Plain SQL for tests that look under the stores (tampering with the audit chain, counting rows,
 * dumping a database), on either engine. Placeholders are written `?`; PostgreSQL gets `$1, $2, …`.
 */
function compiled(handle: DatabaseHandle, text: string, params: readonly unknown[]): CompiledQuery {
  let index = 0;
  const sqlText = handle.engine === 'postgres' ? text.replace(/\?/g, () => `$${++index}`) : text;
  return CompiledQuery.raw(sqlText, [...params]);
}

export async function rawAll<T = Record<string, unknown>>(handle: DatabaseHandle, text: string, ...params: unknown[]): Promise<T[]> {
  return (await handle.db.executeQuery<T>(compiled(handle, text, params))).rows;
}

export async function rawGet<T = Record<string, unknown>>(handle: DatabaseHandle, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await rawAll<T>(handle, text, ...params))[0];
}

export async function rawRun(handle: DatabaseHandle, text: string, ...params: unknown[]): Promise<void> {
  await handle.db.executeQuery(compiled(handle, text, params));
}

/** Removes one of the refusing triggers, so a test can tamper as an attacker with database access would. */
export function dropTrigger(handle: DatabaseHandle, name: string, table: string): Promise<void> {
  return dropRefusal(handle.db, name, table);
}

/** The application's tables (not SQLite's own, not the migrator's), by name. */
export async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const rows =
    handle.engine === 'postgres'
      ? await rawAll<{ name: string }>(handle, "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")
      : await rawAll<{ name: string }>(handle, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
  return rows.map((row) => row.name).filter((name) => !name.startsWith('kysely_')).sort();
}

/** Every row of a table in a stable order (the rows' own JSON), whatever order the engine keeps them in. */
export async function tableRows(handle: DatabaseHandle, table: string): Promise<string[]> {
  const rows = await rawAll(handle, `select * from "${table}"`);
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** Everything stored, as text to search for what must never be stored in the clear: SQLite's whole file, or every row on PostgreSQL. */
export async function databaseDump(handle: DatabaseHandle): Promise<string> {
  if (handle.engine === 'sqlite') return handle.sqlite.serialize().toString('latin1');
  const tables = await tableNames(handle);
  const rows = await Promise.all(tables.map((table) => tableRows(handle, table)));
  return rows.flat().join('\n');
}

/** The message of the error a refused statement threw; "not refused" when it went through. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'not refused';
}
