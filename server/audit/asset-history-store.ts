import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface HistoryEvent {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
}

/** The asset's audit trail, newest first, with each actor's name. */
export async function assetHistory(db: Kysely<Database>, assetId: string, limit: number): Promise<HistoryEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select(['audit_events.id', 'audit_events.at', 'audit_events.action', 'audit_events.entity_type', 'audit_events.entity_id', 'audit_events.payload', 'users.id as actor_id', 'users.name as actor_name'])
    .where('audit_events.asset_id', '=', assetId)
    .orderBy('audit_events.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
    entityType: row.entity_type,
    entityId: row.entity_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  }));
}
