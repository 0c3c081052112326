import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { WriteTransaction } from '../db/transaction';
import { newId } from '../ids';

/** Where a level-4 classification's separate säkerhetsskydd analysis is kept, as recorded in Sigill. */
export interface SpecialAnalysisRecord {
  reference: string;
  userName: string;
  recordedAt: string;
}

/** The latest recorded reference of the assessment, or null: a new one replaces the earlier, which stays as history. */
export async function latestSpecialAnalysis(db: Kysely<Database>, assessmentId: string): Promise<SpecialAnalysisRecord | null> {
  const row = await db
    .selectFrom('special_analyses')
    .select(['reference', 'user_name', 'recorded_at'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { reference: row.reference, userName: row.user_name, recordedAt: row.recorded_at } : null;
}

/**
 * Of the given assessments, those whose levels moved after their latest reference was recorded. The
 * reference was given for the levels of that moment: a later level change (the audit trail's
 * result_changed, whose text for a classification is its profile) asks for it to be confirmed again,
 * while the earlier row stays as history. Compared by the audit chain's sequence, not by clock.
 */
export async function levelsMovedSinceReference(db: Kysely<Database>, assessmentIds: readonly string[]): Promise<Set<string>> {
  if (assessmentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('audit_events')
    .select((eb) => ['entity_id', 'action', eb.fn.max('seq').as('last')])
    .where('entity_type', '=', 'assessment')
    .where('entity_id', 'in', assessmentIds)
    .where('action', 'in', [referenceRecorded, levelsMoved])
    .groupBy(['entity_id', 'action'])
    .execute();
  const last = (id: string, action: string) => Number(rows.find((row) => row.entity_id === id && row.action === action)?.last ?? 0);
  return new Set(assessmentIds.filter((id) => last(id, referenceRecorded) > 0 && last(id, levelsMoved) > last(id, referenceRecorded)));
}

export const referenceRecorded = 'assessment.special_analysis_recorded';
const levelsMoved = 'assessment.result_changed';

/** Of the given assessments, those with a reference recorded for their present levels. */
export async function assessmentsWithSpecialAnalysis(db: Kysely<Database>, assessmentIds: readonly string[]): Promise<Set<string>> {
  if (assessmentIds.length === 0) return new Set();
  const rows = await db.selectFrom('special_analyses').select('assessment_id').distinct().where('assessment_id', 'in', assessmentIds).execute();
  const moved = await levelsMovedSinceReference(db, assessmentIds);
  return new Set(rows.map((row) => row.assessment_id).filter((id) => !moved.has(id)));
}

export async function insertSpecialAnalysis(trx: WriteTransaction, input: { assessmentId: string; reference: string; userId: string; at: string }): Promise<string> {
  const user = await trx.selectFrom('users').select('name').where('id', '=', input.userId).executeTakeFirstOrThrow();
  const id = newId();
  await trx.insertInto('special_analyses').values({ id, assessment_id: input.assessmentId, reference: input.reference, user_id: input.userId, user_name: user.name, recorded_at: input.at }).execute();
  return id;
}
