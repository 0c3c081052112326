import SqliteDatabase from 'better-sqlite3';
import { DatabaseError } from 'pg';
import { AppError } from '../errors';

/**
 * The database's constraint violations as API errors, mapped in one place for every route by
 * app.onError. Each driver is matched by its error code, never by message text: better-sqlite3's
 * extended result codes, and PostgreSQL's SQLSTATE (23505 unique, 23503 foreign key) from pg.
 */
export type Violation = 'unique' | 'foreign_key';

const sqliteViolations: Partial<Record<string, Violation>> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
};

const postgresViolations: Partial<Record<string, Violation>> = {
  '23505': 'unique',
  '23503': 'foreign_key',
};

export function violationOf(error: unknown): Violation | null {
  if (error instanceof SqliteDatabase.SqliteError) return sqliteViolations[error.code] ?? null;
  if (error instanceof DatabaseError && error.code !== undefined) return postgresViolations[error.code] ?? null;
  return null;
}

/** The API error for a violation, or null when the error is none. Never echoes the driver's text (it names tables). */
export function constraintError(error: unknown): AppError | null {
  switch (violationOf(error)) {
    case 'unique':
      return new AppError('conflict', 'The change collides with a record that already exists, perhaps saved by someone else a moment ago');
    case 'foreign_key':
      return new AppError('bad_request', 'The request refers to something that does not exist');
    default:
      return null;
  }
}
