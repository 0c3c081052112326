import { CompiledQuery, type Kysely, sql } from 'kysely';
import { migratorTables, quoted, type TableShape } from './copy-source';
import type { Database } from './schema';

/** A foreign key between two tables of the target, one column each (Sigill's are all single-column). */
export interface ForeignKey {
  table: string;
  column: string;
  references: string;
  referencedColumn: string;
}

/** The tables in the target's schema, with their columns in their defined order; Kysely's own left out. */
export async function targetTables(db: Kysely<Database>): Promise<TableShape[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const row of rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
  return [...tables].filter(([name]) => !migratorTables.has(name)).map(([name, columns]) => ({ name, columns }));
}

/** Every table in the target's schema, Kysely's own included: an "empty" target has none with rows. */
export async function allTargetTableNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((row) => row.name);
}

export async function hasRows(db: Kysely<Database>, table: string): Promise<boolean> {
  // A boolean reads back as 1 or 0 through Sigill's pool (server/db/postgres-types.ts).
  const { rows } = await sql<{ found: number }>`select exists (select 1 from ${sql.table(table)}) as found`.execute(db);
  return rows[0]?.found === 1;
}

export async function countRows(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function foreignKeys(db: Kysely<Database>): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey & { columns: number }>`
    select child.relname as "table", child_column.attname as "column", parent.relname as "references",
      parent_column.attname as "referencedColumn", array_length(c.conkey, 1) as "columns"
    from pg_constraint c
    join pg_class child on child.oid = c.conrelid
    join pg_class parent on parent.oid = c.confrelid
    join pg_attribute child_column on child_column.attrelid = c.conrelid and child_column.attnum = c.conkey[1]
    join pg_attribute parent_column on parent_column.attrelid = c.confrelid and parent_column.attnum = c.confkey[1]
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db);
  const wide = rows.find((row) => Number(row.columns) !== 1);
  if (wide) throw new Error(`the foreign key from ${wide.table} to ${wide.references} spans several columns, which the copy does not order`);
  return rows.map(({ table, column, references, referencedColumn }) => ({ table, column, references, referencedColumn }));
}

/** One multi-row INSERT; values go as parameters (bigint as its decimal text, Buffers as bytea). */
export async function insertRows(db: Kysely<Database>, table: TableShape, rows: readonly unknown[][]): Promise<void> {
  const width = table.columns.length;
  const tuples = rows.map((_, row) => `(${table.columns.map((__, column) => `$${row * width + column + 1}`).join(', ')})`);
  const text = `insert into ${quoted(table.name)} (${table.columns.map(quoted).join(', ')}) values ${tuples.join(', ')}`;
  await db.executeQuery(CompiledQuery.raw(text, rows.flat()));
}

/**
 * Sequences owned by a column (serial or identity) start again past the largest copied value, so
 * the next row PostgreSQL numbers does not collide with a copied one. Sigill's schema has none
 * today (ids are text; the audit appender numbers events itself), but a copy must not depend on that.
 */
export async function advanceSequences(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ sequence: string; table: string; column: string }>`
    select s.relname as "sequence", t.relname as "table", a.attname as "column"
    from pg_class s
    join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
    join pg_class t on t.oid = d.refobjid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and t.relnamespace = current_schema()::regnamespace`.execute(db);
  for (const row of rows) {
    const largest = sql`coalesce((select max(${sql.ref(row.column)}) from ${sql.table(row.table)}), 0)`;
    await sql`select setval(${quoted(row.sequence)}::regclass, ${largest} + 1, false)`.execute(db);
  }
  return rows.map((row) => `${row.table}.${row.column}`);
}
