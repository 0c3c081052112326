import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { constraintError, violationOf } from '../../../server/db/constraint-errors';

/** The driver's constraint errors, raised by a real SQLite, mapped by code (issue 13 finding 9). */

let sqlite: SqliteDatabase.Database;

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

beforeEach(() => {
  sqlite = new SqliteDatabase(':memory:');
  sqlite.pragma('foreign_keys = ON');
  sqlite.exec('create table parent (id text primary key, name text unique); create table child (id text primary key, parent_id text references parent(id))');
  sqlite.prepare("insert into parent values ('p1', 'Första')").run();
});
afterEach(() => sqlite.close());

describe('constraint violations', () => {
  it('turn a unique or primary key violation into 409 conflict', () => {
    for (const statement of ["insert into parent values ('p2', 'Första')", "insert into parent values ('p1', 'Andra')"]) {
      const error = thrown(() => sqlite.prepare(statement).run());
      expect(violationOf(error), statement).toBe('unique');
      expect(constraintError(error)).toMatchObject({ code: 'conflict', status: 409 });
    }
  });

  it('turn a foreign key violation into 400, without echoing the table names', () => {
    const error = thrown(() => sqlite.prepare("insert into child values ('c1', 'saknas')").run());
    expect(violationOf(error)).toBe('foreign_key');
    const mapped = constraintError(error)!;
    expect(mapped).toMatchObject({ code: 'bad_request', status: 400 });
    expect(mapped.message).not.toMatch(/child|parent/);
  });

  it('leave every other error alone, even one whose text looks like a violation', () => {
    expect(constraintError(new Error('UNIQUE constraint failed: parent.name'))).toBeNull();
    expect(constraintError(thrown(() => sqlite.prepare('select * from missing').run()))).toBeNull();
  });
});
