import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { genesisHash, hashEvent } from './audit-log';
import { type Checkpoint, checkpointSigner } from './checkpoints';

/** One thing that does not hold, named by the event (seq) where it shows. */
export interface AuditProblem {
  kind: 'missing' | 'link' | 'altered' | 'rehashed' | 'truncated' | 'checkpoint' | 'record' | 'pending_protocol';
  seq: number | null;
  message: string;
}

export interface ChainVerdict {
  ok: boolean;
  events: number;
  lastSeq: number;
  anchors: number;
  problems: AuditProblem[];
}

/** A point the chain must still pass through: a signed checkpoint, or the head printed in a sealed document. */
interface Anchor {
  seq: number;
  hash: string;
  source: string;
}

const pageSize = 5000;

async function anchorsOf(db: Kysely<Database>, checkpoints: Checkpoint[]): Promise<Anchor[]> {
  const protocols = await db.selectFrom('protocols').select(['id', 'version', 'sealed_at', 'audit_head_seq', 'audit_head_hash']).where('audit_head_seq', 'is not', null).execute();
  const confirmations = await db.selectFrom('review_confirmations').select(['id', 'confirmed_at', 'audit_head_seq', 'audit_head_hash']).where('audit_head_seq', 'is not', null).execute();
  return [
    ...checkpoints.map((checkpoint) => ({ seq: checkpoint.seq, hash: checkpoint.hash, source: `the checkpoint of ${checkpoint.at}` })),
    ...protocols.map((protocol) => ({ seq: protocol.audit_head_seq!, hash: protocol.audit_head_hash!, source: `protocol ${protocol.id} (sealed ${protocol.sealed_at})` })),
    ...confirmations.map((row) => ({ seq: row.audit_head_seq!, hash: row.audit_head_hash!, source: `review confirmation ${row.id} (sealed ${row.confirmed_at})` })),
  ].sort((a, b) => a.seq - b.seq);
}

/** Every checkpoint must carry a valid signature by a seal this installation has used. */
async function checkSignatures(db: Kysely<Database>, checkpoints: Checkpoint[], sealFingerprints: readonly string[]): Promise<AuditProblem[]> {
  const used = await db.selectFrom('protocols').select('seal_fingerprint').distinct().execute();
  const trusted = new Set([...sealFingerprints, ...used.map((row) => row.seal_fingerprint)]);
  const problems: AuditProblem[] = [];
  for (const checkpoint of checkpoints) {
    const signer = checkpointSigner(checkpoint);
    if (!signer) problems.push({ kind: 'checkpoint', seq: checkpoint.seq, message: `the checkpoint of ${checkpoint.at} at event #${checkpoint.seq} has a signature that does not verify` });
    else if (!trusted.has(signer)) problems.push({ kind: 'checkpoint', seq: checkpoint.seq, message: `the checkpoint of ${checkpoint.at} at event #${checkpoint.seq} is signed by a certificate that is not this installation's seal` });
  }
  return problems;
}

/**
 * Walks the whole chain in order and checks it against every anchor: each event links to the one
 * before and matches its hash, seq has no gaps (a gap is deleted events), every checkpoint's and
 * sealed document's (seq, hash) is still in the chain (a different hash there is a re-hashed
 * stretch), and the chain reaches the highest anchored seq (ending before it is truncation).
 */
export async function verifyAuditChain(db: Kysely<Database>, sealFingerprints: readonly string[] = []): Promise<ChainVerdict> {
  const checkpoints = await db.selectFrom('audit_checkpoints').selectAll().execute();
  const anchors = await anchorsOf(db, checkpoints);
  const problems = await checkSignatures(db, checkpoints, sealFingerprints);
  let previous = genesisHash;
  let lastSeq = 0;
  let lastAnchored = 0;
  let next = 0;
  let count = 0;
  const passAnchorsBelow = (seq: number) => {
    // Anchors whose event is gone: the gap that swallowed them is reported already; say which record names it.
    for (; next < anchors.length && anchors[next]!.seq < seq; next += 1) {
      problems.push({ kind: 'missing', seq: anchors[next]!.seq, message: `event #${anchors[next]!.seq}, named by ${anchors[next]!.source}, is missing` });
    }
  };
  for (;;) {
    const page = await db.selectFrom('audit_events').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(pageSize).execute();
    for (const event of page) {
      count += 1;
      const gap = event.seq !== lastSeq + 1;
      if (gap) {
        const range = event.seq - lastSeq === 2 ? `#${lastSeq + 1}` : `#${lastSeq + 1}–#${event.seq - 1}`;
        problems.push({ kind: 'missing', seq: lastSeq + 1, message: `events ${range} are missing (deleted)` });
      } else if (event.prev_hash !== previous) {
        problems.push({ kind: 'link', seq: event.seq, message: `event #${event.seq} (${event.id}): its link to the previous event does not match (an event was removed or reordered)` });
      }
      if (hashEvent(event) !== event.hash) {
        problems.push({ kind: 'altered', seq: event.seq, message: `event #${event.seq} (${event.id}): its content does not match its hash (the event was altered)` });
      }
      passAnchorsBelow(event.seq);
      for (; next < anchors.length && anchors[next]!.seq === event.seq; next += 1) {
        const anchor = anchors[next]!;
        if (anchor.hash === event.hash) {
          lastAnchored = event.seq;
        } else {
          problems.push({ kind: 'rehashed', seq: event.seq, message: `event #${event.seq}'s hash differs from ${anchor.source}: the chain was rewritten between #${lastAnchored + 1} and #${event.seq}` });
        }
      }
      previous = event.hash;
      lastSeq = event.seq;
    }
    if (page.length < pageSize) break;
  }
  for (const anchor of anchors.slice(next)) {
    problems.push({ kind: 'truncated', seq: anchor.seq, message: `the chain ends at event #${lastSeq}, but ${anchor.source} names event #${anchor.seq}: events after #${lastSeq} were removed` });
  }
  return { ok: problems.length === 0, events: count, lastSeq, anchors: anchors.length, problems };
}
