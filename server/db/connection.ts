import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, SqliteDialect, type SqliteDialectConfig, SqliteDriver, sql } from 'kysely';
import { openPostgres } from './postgres';
import type { Database } from './schema';

/** The two engines: SQLite embedded in the process (the default), PostgreSQL for several processes on one database. */
export type Engine = 'sqlite' | 'postgres';

interface HandleBase {
  /** Kysely for every query, on either engine. */
  db: Kysely<Database>;
  /** Where the data lives, for log lines and messages: the SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface SqliteHandle extends HandleBase {
  engine: 'sqlite';
  /** The raw better-sqlite3 handle, for pragmas and the backup API only. */
  sqlite: SqliteDatabase.Database;
}

export interface PostgresHandle extends HandleBase {
  engine: 'postgres';
}

export type DatabaseHandle = SqliteHandle | PostgresHandle;

export const databaseFileName = 'sigill.sqlite';

/** What selects and tunes the engine; a subset of Config, so tools can open a database without a whole config. */
export interface DatabaseSettings {
  dataDir: string;
  durability: 'process' | 'power';
  /** postgres://…: PostgreSQL; undefined: the SQLite file in the data folder. */
  databaseUrl: string | undefined;
}

export function openConfiguredDatabase(settings: DatabaseSettings): DatabaseHandle {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl);
  return openDatabase(settings.dataDir, settings.durability);
}

/**
 * `process` (WAL, synchronous=NORMAL): a commit survives any crash of the process, and a power cut
 * may lose the last commits but never corrupts. `power` (synchronous=FULL): a commit also survives a
 * power cut, at the cost of an fsync per commit.
 */
export function openDatabase(dataDir: string, durability: 'process' | 'power' = 'process'): SqliteHandle {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, databaseFileName);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${durability === 'power' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_size_limit = 67108864');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    engine: 'sqlite',
    db,
    sqlite,
    location: file,
    // Kysely's destroy closes the better-sqlite3 handle it was given.
    close: () => db.destroy(),
  };
}

/**
 * Kysely's SQLite driver already lends its one connection to one transaction at a time (a mutex),
 * so two async transactions in this process never interleave. It begins them DEFERRED, though: a
 * transaction that reads first (the audit chain's head) and writes later could then meet another
 * process's write in between and fail or read a stale head. IMMEDIATE takes the write lock at BEGIN.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly driverConfig: SqliteDialectConfig) {
    super(driverConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.driverConfig);
  }
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. Statements are
 * reusable in better-sqlite3, so the same SQL text gets the same prepared statement.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const maxStatements = 500;
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          if (cache.size >= maxStatements) cache.delete(cache.keys().next().value!);
          statement = target.prepare(source);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

/** True when the database answers a trivial query; used by the health check. */
export async function isDatabaseReachable(handle: DatabaseHandle): Promise<boolean> {
  try {
    await sql`select 1`.execute(handle.db);
    return true;
  } catch {
    return false;
  }
}
