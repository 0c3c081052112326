import { type Kysely, PostgresAdapter, type RawBuilder, sql, type SqlBool } from 'kysely';
import type { Engine } from './connection';

/**
 * Which engine a Kysely handle speaks to, for the few places where the SQL must differ (triggers
 * and column types in migrations, JSON). Everything else is one query for both.
 */
export function engineOf<DB>(db: Kysely<DB>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The text at a path of object keys in a JSON column (null when absent): for grouping and counting
 * in SQL. JSON is stored as text on both engines, so PostgreSQL casts it to jsonb first.
 */
export function jsonText<DB>(db: Kysely<DB>, column: string, path: readonly string[]): RawBuilder<string | null> {
  return engineOf(db) === 'postgres' ? sql`(${sql.ref(column)})::jsonb #>> ${`{${path.join(',')}}`}::text[]` : sql`json_extract(${sql.ref(column)}, ${`$.${path.join('.')}`})`;
}

/** Whether the value at a path of object keys in a JSON column is JSON true. */
export function jsonIsTrue<DB>(db: Kysely<DB>, column: string, path: readonly string[]): RawBuilder<SqlBool> {
  return engineOf(db) === 'postgres'
    ? sql`coalesce((${sql.ref(column)})::jsonb #> ${`{${path.join(',')}}`}::text[] = 'true'::jsonb, false)`
    : sql`coalesce(json_type(${sql.ref(column)}, ${`$.${path.join('.')}`}) = 'true', 0)`;
}

/**
 * A sort key column as ORDER BY must compare it: byte by byte. SQLite's default collation is binary;
 * PostgreSQL's follows the cluster's locale, which skips punctuation, so it is told "C" here.
 */
export function bytewise<DB>(db: Kysely<DB>, column: string): RawBuilder<string> {
  return engineOf(db) === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
}
