import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventsTable, Database } from '../db/schema';
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

/**
 * Appends one event, chained to the last. Call it inside the transaction that makes the change,
 * so the change and its record commit together or not at all.
 */
export async function appendAuditEvent(db: Transaction<Database> | Kysely<Database>, input: AuditInput): Promise<void> {
  const last = await db.selectFrom('audit_events').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
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
  await db.insertInto('audit_events').values({ ...event, hash: hashEvent(event) }).execute();
}
