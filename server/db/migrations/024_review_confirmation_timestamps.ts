import type { Kysely } from 'kysely';
import { binaryType } from '../portable-schema';

/**
 * The proof of time of each sealed review confirmation, as protocol_timestamps (018) is for
 * protocols: the seal's own signature timestamp, or a document timestamp added later when the
 * authority was down at sealing (its incremental update kept here, served after the immutable
 * sealed file). No row: the confirmation still waits for one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_confirmation_timestamps')
    .addColumn('confirmation_id', 'text', (column) => column.primaryKey().references('review_confirmations.id'))
    // 'signature' (in the seal's unsigned attributes) or 'document' (a later ETSI.RFC3161 revision).
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('time', 'text', (column) => column.notNull())
    .addColumn('authority', 'text', (column) => column.notNull())
    .addColumn('update_pdf', binaryType(db))
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
}
