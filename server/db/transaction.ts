import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

declare const writeTransactionBrand: unique symbol;

/**
 * A transaction opened by withTransaction and nothing else. Kysely's Transaction extends Kysely, so
 * a plain handle would pass where a Transaction is asked for; the brand makes the compiler refuse it,
 * and code that must run inside one (appending to the audit chain) says so in its type.
 */
export type WriteTransaction = Transaction<Database> & { readonly [writeTransactionBrand]: true };

/**
 * Runs `work` in one write transaction: on SQLite it begins IMMEDIATE (see connection.ts) and holds
 * the single connection until it ends, so nothing else reads or writes in between.
 */
export function withTransaction<T>(db: Kysely<Database>, work: (trx: WriteTransaction) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx as WriteTransaction));
}
