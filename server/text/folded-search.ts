import { type RawBuilder, sql, type SqlBool } from 'kysely';
import { foldForSearch } from './swedish-keys';

/** A LIKE pattern for "contains": the query folded like the stored key, its %, _ and \ taken literally. */
export function containsPattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

/**
 * Whether a folded search key column contains the query. Both sides are folded in TypeScript, so
 * LIKE compares exact characters on either engine; LIKE … ESCAPE is standard SQL (SQLite has no
 * default escape character, PostgreSQL's is the same backslash).
 */
export function searchKeyContains(column: string, query: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${containsPattern(query)} escape '\\'`;
}
