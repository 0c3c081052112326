import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendAuditEvent } from '../../server/audit/audit-log';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import { openDatabase } from '../../server/db/connection';
import { migrateToLatest } from '../../server/db/migrate';
import { withTransaction } from '../../server/db/transaction';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-audit-type-'));
const database = openDatabase(dataDir);
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const event = (index: number) => ({ actorUserId: null, action: 'test.event', entityType: 'test', entityId: String(index), payload: { index } });

/** Never run: the lines only have to fail to compile (tsc -p . checks tests), which the directives assert. */
function refusedAtCompileTime(): void {
  // @ts-expect-error a plain Kysely handle: reading the head and inserting could be split by another append
  void appendAuditEvent(database.db, event(0));
  // @ts-expect-error a transaction not opened by withTransaction
  void database.db.transaction().execute((trx) => appendAuditEvent(trx, event(0)));
}

describe('appendAuditEvent takes only a write transaction (issue 13, finding 3)', () => {
  it('refuses a plain handle and a bare Kysely transaction at compile time', () => {
    expect(typeof refusedAtCompileTime).toBe('function');
  });

  it('many appends started at once, each in its own transaction, keep one unbroken chain', async () => {
    await migrateToLatest(database.db);
    await Promise.all(Array.from({ length: 200 }, (_, index) => withTransaction(database.db, (trx) => appendAuditEvent(trx, event(index)))));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, events: 200 });
  });
});
