import { type Kysely, PostgresAdapter, type RawBuilder, sql, type SqlBool } from 'kysely';
import type { Database } from './schema';

/**
 * The few expressions whose SQL differs between SQLite and PostgreSQL, built for the database at hand.
 * JSON is stored as text on both, so PostgreSQL casts it to jsonb first (a no-op should it be jsonb).
 */
const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The text at a path of object keys in a JSON column (null when absent): for grouping and counting in SQL. */
export function jsonText(db: Kysely<Database>, column: string, path: readonly string[]): RawBuilder<string | null> {
  return isPostgres(db) ? sql`(${sql.ref(column)})::jsonb #>> ${`{${path.join(',')}}`}::text[]` : sql`json_extract(${sql.ref(column)}, ${`$.${path.join('.')}`})`;
}

/** Whether the value at a path of object keys in a JSON column is JSON true. */
export function jsonIsTrue(db: Kysely<Database>, column: string, path: readonly string[]): RawBuilder<SqlBool> {
  return isPostgres(db) ? sql`coalesce((${sql.ref(column)})::jsonb #> ${`{${path.join(',')}}`}::text[] = 'true'::jsonb, false)` : sql`coalesce(json_type(${sql.ref(column)}, ${`$.${path.join('.')}`}) = 'true', 0)`;
}

/**
 * A sort key column as ORDER BY must compare it: byte by byte. SQLite's default collation is binary;
 * PostgreSQL's follows the cluster's locale, which skips punctuation, so it is told "C" here.
 */
export function bytewise(db: Kysely<Database>, column: string): RawBuilder<string> {
  return isPostgres(db) ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
}
