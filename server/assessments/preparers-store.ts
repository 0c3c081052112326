import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Who prepared a round for its decision: everyone who sent it for review (each time, read from the
 * audit trail, where the step is recorded) or marked it ready (withdrawn steps included: they acted).
 */
export async function preparersOf(db: Kysely<Database>, assessmentId: string): Promise<Set<string>> {
  const ready = await db.selectFrom('approvals').select('user_id').where('assessment_id', '=', assessmentId).where('step', '=', 'ready').execute();
  const changes = await db
    .selectFrom('audit_events')
    .select(['actor_user_id', 'payload'])
    .where('entity_type', '=', 'assessment')
    .where('entity_id', '=', assessmentId)
    .where('action', '=', 'assessment.status_changed')
    .execute();
  const submitters = changes.filter((event) => (JSON.parse(event.payload) as { to?: unknown }).to === 'for_granskning').map((event) => event.actor_user_id);
  return new Set([...ready.map((row) => row.user_id), ...submitters].filter((id): id is string => id !== null));
}
