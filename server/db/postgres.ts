import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, PostgresDialect, type PostgresDialectConfig, PostgresDriver } from 'kysely';
import { Pool, type types } from 'pg';
import type { PostgresHandle } from './connection';
import { typeParser } from './postgres-types';
import type { Database } from './schema';

/**
 * One key for every write transaction's advisory lock. SQLite has one writer at a time (BEGIN
 * IMMEDIATE); the stores were written for that: the audit chain reads its head and appends after
 * it, a save reads the revision and writes the next one. On PostgreSQL, with a pool per process
 * and several processes, pg_advisory_xact_lock gives write transactions the same order, and
 * releases itself at commit or rollback. Reads outside transactions never wait for it.
 */
const writeLockKey = 0x5_1611; // "sigill"

/** Connections per process; PostgreSQL's default max_connections (100) leaves room for several processes. */
const poolSize = 10;

class LockingPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
    await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${writeLockKey})`));
  }
}

class LockingPostgresDialect extends PostgresDialect {
  constructor(private readonly driverConfig: PostgresDialectConfig) {
    super(driverConfig);
  }

  override createDriver(): Driver {
    return new LockingPostgresDriver(this.driverConfig);
  }
}

/** The URL with its password replaced, fit for a log line. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export function openPostgres(url: string): PostgresHandle {
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    types: { getTypeParser: typeParser as typeof types.getTypeParser },
    // Instants are timestamptz, printed in the session's zone: UTC, which isoInstant reads without arithmetic.
    options: '-c TimeZone=UTC',
  });
  // An idle connection that PostgreSQL ends (a restart, a failover, an administrator) makes the pool emit
  // 'error'; with no listener that event would end the whole process. pg drops the broken client itself
  // and the next query opens a new one, so there is nothing more to do; a failing query still throws.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new LockingPostgresDialect({ pool }) });
  return { engine: 'postgres', db, location: redactedUrl(url), close: () => db.destroy() };
}
