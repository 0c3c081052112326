import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditEventsTable, Database } from '../db/schema';
import type { WriteTransaction } from '../db/transaction';
import { newId, nowIso } from '../ids';
import { canonicalJson } from './canonical-json';

export const genesisHash = '0'.repeat(64);

export interface AuditInput {
  actorUserId: string | null;
  organisationId?: string | null;
  assetId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
}

type ChainedFields = Omit<AuditEventsTable, 'seq' | 'hash'>;

/** The hash covers every field of the event and the previous event's hash. */
export function hashEvent(event: ChainedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        id: event.id,
        at: event.at,
        actor: event.actor_user_id,
        organisation: event.organisation_id,
        asset: event.asset_id,
        action: event.action,
        entityType: event.entity_type,
        entityId: event.entity_id,
        payload: event.payload,
        prev: event.prev_hash,
      }),
    )
    .digest('hex');
}

/** A point in the chain: an event's sequence number and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Appends one event, chained to the last, and answers the new head. Only a write transaction is
 * accepted: reading the last hash and inserting after it must not be split by another append (a
 * plain handle let a login slip in between an autosave's read and insert), and the change and its
 * record commit together or not at all.
 */
export async function appendAuditEvent(trx: WriteTransaction, input: AuditInput): Promise<ChainHead> {
  const last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  // The next number is the head's + 1, assigned here under the write lock, never by a sequence:
  // numbers stay gapless through rolled-back appends on PostgreSQL (see chainSequenceKey).
  const seq = (last?.seq ?? 0) + 1;
  const event: ChainedFields = {
    id: newId(),
    at: nowIso(),
    actor_user_id: input.actorUserId,
    organisation_id: input.organisationId ?? null,
    asset_id: input.assetId ?? null,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId,
    payload: canonicalJson(input.payload),
    prev_hash: last?.hash ?? genesisHash,
  };
  const hash = hashEvent(event);
  await trx.insertInto('audit_events').values({ ...event, seq, hash }).execute();
  return { seq, hash };
}

/** The newest event's seq and hash; null for an empty chain. */
export async function chainHead(db: Kysely<Database>): Promise<ChainHead | null> {
  const last = await db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ?? null;
}
