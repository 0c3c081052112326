import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { databaseFileName } from './connection';
import type { Database } from './schema';

/** A table as the copy sees it: its name and its columns in the order the copy reads and writes them. */
export interface TableShape {
  name: string;
  columns: string[];
}

/** A self-reference (organisations.parent_id → organisations.id): parents must be written before their children. */
export interface SelfReference {
  column: string;
  references: string;
}

/** Kysely's own bookkeeping: each side has its own, made by running the migrations. */
export const migratorTables = new Set(['kysely_migration', 'kysely_migration_lock']);

export function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/**
 * The SQLite installation being copied, read inside one read transaction: every count, the audit
 * check and every row come from the same snapshot, so a Sigill still writing to the file cannot
 * make the copy disagree with itself (what it writes after the snapshot is not copied).
 */
export interface CopySource {
  file: string;
  /** The data folder the file lives in: its development seal is the installation's seal. */
  dataDir: string;
  /** Kysely on the snapshot, for the audit and seal checks that Sigill's own code makes. */
  db: Kysely<Database>;
  migrations(): string[];
  tables(): TableShape[];
  count(table: string): number;
  /** Rows as arrays in `columns` order; integers as bigint so none loses a digit, blobs as Buffers. */
  rows(table: TableShape, parent: SelfReference | null): IterableIterator<unknown[]>;
  close(): Promise<void>;
}

/** `--from` names the data folder or the database file in it. */
export function sourceFile(from: string): string {
  const resolved = path.resolve(from);
  return fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? path.join(resolved, databaseFileName) : resolved;
}

export function openCopySource(from: string): CopySource {
  const file = sourceFile(from);
  if (!fs.existsSync(file)) throw new Error(`there is no SQLite database at ${file}`);
  const sqlite = new SqliteDatabase(file, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.exec('begin');
  // A deferred transaction takes its snapshot at its first read.
  sqlite.prepare('select count(*) from sqlite_master').get();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const all = <T>(query: string) => sqlite.prepare(query).all() as T[];
  const columnsOf = (table: string) => {
    const columns = sqlite.prepare('select name from pragma_table_info(?) order by cid').all(table) as { name: string }[];
    return columns.map((column) => column.name);
  };
  return {
    file,
    dataDir: path.dirname(file),
    db,
    migrations: () => {
      const known = all<{ name: string }>("select name from sqlite_master where type = 'table' and name = 'kysely_migration'");
      return known.length === 0 ? [] : all<{ name: string }>('select name from kysely_migration order by name').map((row) => row.name);
    },
    tables: () =>
      all<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
        .filter((table) => !migratorTables.has(table.name))
        .map((table) => ({ name: table.name, columns: columnsOf(table.name) })),
    count: (table) => (sqlite.prepare(`select count(*) as n from ${quoted(table)}`).get() as { n: number }).n,
    rows: (table, parent) => {
      const query = parent ? parentsFirst(table, parent) : `select ${table.columns.map(quoted).join(', ')} from ${quoted(table.name)}`;
      return sqlite.prepare(query).safeIntegers(true).raw(true).iterate() as IterableIterator<unknown[]>;
    },
    close: async () => {
      sqlite.exec('rollback');
      await db.destroy();
    },
  };
}

/**
 * A self-referencing table's rows ordered by their depth in the tree: roots first, then each row
 * after the row it points to. PostgreSQL checks a foreign key at the end of each INSERT (the
 * constraints are not deferrable), and a large table goes in several batches, so a child in an
 * earlier batch than its parent (an organisation moved under a newer one) would be refused.
 */
function parentsFirst(table: TableShape, parent: SelfReference): string {
  const name = quoted(table.name);
  const key = quoted(parent.references);
  const up = quoted(parent.column);
  const prefixed = table.columns.map((column) => `t.${quoted(column)}`).join(', ');
  return `with recursive tree(key, depth) as (
      select ${key}, 0 from ${name} where ${up} is null
      union all select child.${key}, tree.depth + 1 from ${name} as child join tree on child.${up} = tree.key
    )
    select ${prefixed} from ${name} as t join tree on t.${key} = tree.key order by tree.depth, t.${key}`;
}
