import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from '../../../server/db/migrations/016_dpia_measure_row_keys';

/** Migration 016 moves DPIA plan items from position keys to the key of the row they were made from. */

let db: Kysely<unknown>;
let sqlite: SqliteDatabase.Database;

beforeEach(() => {
  sqlite = new SqliteDatabase(':memory:');
  // Only the columns the migration reads and writes.
  sqlite.exec('create table assessments (id text primary key, answers text not null); create table plan_items (id text primary key, source text, source_key text, assessment_id text)');
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
});
afterEach(async () => {
  await db.destroy();
});

describe('016_dpia_measure_row_keys', () => {
  it('keys each measure item by its row id, legacy-<position> for a row without one, and leaves other items alone', async () => {
    const answers = { atgarder: [{ atgard: 'A', _rowId: 'k3x9' }, { atgard: 'B' }] };
    sqlite.prepare('insert into assessments values (?, ?)').run('d1', JSON.stringify(answers));
    const insert = sqlite.prepare('insert into plan_items values (?, ?, ?, ?)');
    insert.run('p0', 'dpia', 'atgarder[0]', 'd1');
    insert.run('p1', 'dpia', 'atgarder[1]', 'd1');
    insert.run('p2', 'dpia', 'principer.information', 'd1');
    insert.run('p3', 'classification', 'tek-loggning', 'd1');
    await up(db);
    const keys = sqlite.prepare('select id, source_key from plan_items order by id').all();
    expect(keys).toEqual([
      { id: 'p0', source_key: 'atgarder[k3x9]' },
      { id: 'p1', source_key: 'atgarder[legacy-1]' },
      { id: 'p2', source_key: 'principer.information' },
      { id: 'p3', source_key: 'tek-loggning' },
    ]);
  });
});
