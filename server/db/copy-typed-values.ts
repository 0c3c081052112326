import { type Kysely, sql } from 'kysely';
import type { TableShape } from './copy-source';
import type { Database } from './schema';

/**
 * PostgreSQL keeps flags as boolean and instants as timestamptz (migration 027), SQLite as integer
 * 0/1 and text. A source value outside those forms would be stored, but read back changed (a bare
 * day '2025-06-01' as '2025-06-01T00:00:00.000Z', a flag 2 as 1): the copy would not be the
 * installation it came from, and the audit chain, which hashes such values, could stop verifying.
 * So such a value stops the copy, naming it, before anything of its batch is written.
 */
export type TypedKind = 'flag' | 'instant';

/** The target's boolean and timestamptz columns, by table. */
export async function typedColumns(db: Kysely<Database>): Promise<Map<string, Map<string, TypedKind>>> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema() and data_type in ('boolean', 'timestamp with time zone')`.execute(db);
  const tables = new Map<string, Map<string, TypedKind>>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Map<string, TypedKind>();
    columns.set(row.column_name, row.data_type === 'boolean' ? 'flag' : 'instant');
    tables.set(row.table_name, columns);
  }
  return tables;
}

/** toISOString's form: what a timestamptz reads back as (server/db/postgres-types.ts). */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The source reads integers as bigint (server/db/copy-source.ts). */
const isFlag = (value: unknown) => value === 0n || value === 1n || value === 0 || value === 1;

const fits = (kind: TypedKind, value: unknown) => value === null || (kind === 'flag' ? isFlag(value) : typeof value === 'string' && isoInstant.test(value));

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** Says which row and column of the batch holds a value that would not read back as it is, or null. */
export function strayTypedValue(table: TableShape, kinds: ReadonlyMap<string, TypedKind> | undefined, batch: readonly unknown[][], before: number): string | null {
  if (!kinds) return null;
  const checked = table.columns.flatMap((name, index) => (kinds.has(name) ? [{ name, index, kind: kinds.get(name)! }] : []));
  const idColumn = table.columns.indexOf('id');
  for (const [position, row] of batch.entries()) {
    const stray = checked.find((column) => !fits(column.kind, row[column.index]));
    if (!stray) continue;
    const which = idColumn >= 0 ? `the row with id ${String(row[idColumn])}` : `row ${before + position + 1}`;
    const expected = stray.kind === 'flag' ? '0 or 1' : 'an instant as Sigill writes them, e.g. 2026-12-01T18:34:24.123Z';
    const type = stray.kind === 'flag' ? 'boolean' : 'timestamptz';
    return `${stray.name} of ${which} holds ${shown(row[stray.index])}, not ${expected}; PostgreSQL keeps it as a ${type} and would read it back changed. Correct it in the source and copy again`;
  }
  return null;
}
