import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Engine } from './connection';

/**
 * Which engine a Kysely handle speaks to, for the few places where the SQL must differ (triggers
 * in migrations, a case-insensitive match). Everything else is one query for both.
 */
export function engineOf<DB>(db: Kysely<DB>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * `column LIKE pattern`, case-insensitive on both engines: SQLite's LIKE already folds ASCII case,
 * PostgreSQL's LIKE folds none, so it gets ILIKE. The pattern escapes with a backslash.
 */
export function likeIgnoringCase<DB>(db: Kysely<DB>, column: string, pattern: string): RawBuilder<boolean> {
  const operator = engineOf(db) === 'postgres' ? sql`ilike` : sql`like`;
  return sql<boolean>`${sql.ref(column)} ${operator} ${pattern} escape '\\'`;
}
