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

/** Of the given assessments, those the user sent for review or marked ready (for Att göra, read in bulk). */
export async function preparedBy(db: Kysely<Database>, userId: string, assessmentIds: readonly string[]): Promise<Set<string>> {
  if (assessmentIds.length === 0) return new Set();
  const ready = await db
    .selectFrom('approvals')
    .select('assessment_id')
    .where('user_id', '=', userId)
    .where('step', '=', 'ready')
    .where('assessment_id', 'in', assessmentIds)
    .execute();
  const changes = await db
    .selectFrom('audit_events')
    .select(['entity_id', 'payload'])
    .where('actor_user_id', '=', userId)
    .where('entity_type', '=', 'assessment')
    .where('action', '=', 'assessment.status_changed')
    .where('entity_id', 'in', assessmentIds)
    .execute();
  const submitted = changes.filter((event) => (JSON.parse(event.payload) as { to?: unknown }).to === 'for_granskning').map((event) => event.entity_id);
  return new Set([...ready.map((row) => row.assessment_id), ...submitted]);
}
