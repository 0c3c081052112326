import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { genesisHash, hashEvent } from './audit-log';

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: { seq: number; id: string; reason: string } };

const pageSize = 5000;

/** Walks the whole chain in order; the first event whose link or content does not hold is named. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainVerdict> {
  let previous = genesisHash;
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const page = await db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(pageSize).execute();
    for (const event of page) {
      count += 1;
      if (event.prev_hash !== previous) {
        return { ok: false, events: count, brokenAt: { seq: event.seq, id: event.id, reason: 'its link to the previous event does not match (an event was removed or reordered)' } };
      }
      if (hashEvent(event) !== event.hash) {
        return { ok: false, events: count, brokenAt: { seq: event.seq, id: event.id, reason: 'its content does not match its hash (the event was altered)' } };
      }
      previous = event.hash;
    }
    if (page.length < pageSize) return { ok: true, events: count };
    afterSeq = page.at(-1)!.seq;
  }
}
