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

/**
 * ORDER BY a name without regard to case: SQLite's `collate nocase`, PostgreSQL's lower(). (Swedish
 * order, Å Ä Ö after Z, is issue 16's search-and-sort part; this keeps the engines agreeing on ASCII.)
 */
export function caseFolded<DB>(db: Kysely<DB>, column: string): RawBuilder<string> {
  return engineOf(db) === 'postgres' ? sql<string>`lower(${sql.ref(column)})` : sql<string>`${sql.ref(column)} collate nocase`;
}

/**
 * A field inside a JSON text column, typed the same on both engines: SQLite's json_extract gives
 * text, numbers and 1/0 for booleans; PostgreSQL reads the text as jsonb and casts to match. `path`
 * names object keys, outermost first; the keys are the caller's constants.
 */
export function jsonField<DB>(db: Kysely<DB>, column: string, path: readonly string[], kind: 'text' | 'number' | 'boolean'): RawBuilder<string | number | null> {
  if (engineOf(db) === 'sqlite') return sql<string | number | null>`json_extract(${sql.ref(column)}, ${`$.${path.join('.')}`})`;
  const text = sql<string | null>`(${sql.ref(column)}::jsonb #>> ${`{${path.join(',')}}`})`;
  if (kind === 'number') return sql<number | null>`${text}::numeric`;
  if (kind === 'boolean') return sql<number | null>`case ${text} when 'true' then 1 when 'false' then 0 end`;
  return text;
}
