import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection';

describe('the durability setting', () => {
  it.each([
    ['process', 1],
    ['power', 2],
  ] as const)('%s opens SQLite in WAL with synchronous=%i and a bounded WAL', async (durability, synchronous) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-durability-'));
    const database = openDatabase(dir, durability);
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(synchronous);
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.sqlite.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(0);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
