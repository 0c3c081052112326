import type { Kysely } from 'kysely';
import { binaryType } from '../portable-schema';

/**
 * The proof of time of each sealed protocol (PAdES B-T): the authority's time and name, from the
 * seal's own signature timestamp or from a document timestamp added later while the authority was
 * down at sealing. A later document timestamp is an incremental update: its bytes are kept here,
 * appended to the immutable sealed file when it is served. No row: "tidsstämpel saknas".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('protocol_timestamps')
    .addColumn('protocol_id', 'text', (column) => column.primaryKey().references('protocols.id'))
    // 'signature' (in the seal's unsigned attributes) or 'document' (a later ETSI.RFC3161 revision).
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('time', 'text', (column) => column.notNull())
    .addColumn('authority', 'text', (column) => column.notNull())
    .addColumn('update_pdf', binaryType(db))
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
}
