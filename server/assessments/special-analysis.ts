import type { Kysely } from 'kysely';
import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import type { Assessment } from './assessment-store';
import type { Actor } from './change-status';
import { insertSpecialAnalysis, latestSpecialAnalysis, levelsMovedSinceReference, referenceRecorded, type SpecialAnalysisRecord } from './special-analysis-store';

/** Where a classification's stored result carries its level-4 mark, for queries that read it in SQL. */
export const levelFourFlag = ['classification', 'flags', 'sarskildAnalys', 'value'] as const;

/** Whether a classification's result carries a level-4 (säkerhetsskydd) mark: the flag the scoring derives. */
export function needsSpecialAnalysis(assessment: Pick<Assessment, 'kind' | 'result'>): boolean {
  if (assessment.kind !== 'classification' || !assessment.result) return false;
  // The stored result is { classification, actionPlan }, as the scoring gives it.
  const classification = assessment.result.classification as { flags?: { sarskildAnalys?: { value?: unknown } } } | undefined;
  return classification?.flags?.sarskildAnalys?.value === true;
}

/** The reference recorded for the classification's present levels, or null (none, or given before the levels moved). */
export async function currentSpecialAnalysis(db: Kysely<Database>, assessmentId: string): Promise<SpecialAnalysisRecord | null> {
  const latest = await latestSpecialAnalysis(db, assessmentId);
  if (!latest) return null;
  return (await levelsMovedSinceReference(db, [assessmentId])).has(assessmentId) ? null : latest;
}

/**
 * The särskild analys step as the sign-off panel shows it: null when the classification has no
 * level-4 mark; `earlier` is a reference given for levels the classification no longer has.
 */
export async function specialAnalysisStep(db: Kysely<Database>, assessment: Assessment): Promise<{ recorded: SpecialAnalysisRecord | null; earlier: SpecialAnalysisRecord | null } | null> {
  if (!needsSpecialAnalysis(assessment)) return null;
  const latest = await latestSpecialAnalysis(db, assessment.id);
  const current = await currentSpecialAnalysis(db, assessment.id);
  return { recorded: current, earlier: current ? null : latest };
}

/**
 * The säkerhetsskyddschef records where the separate analysis is kept (e.g. a diarienummer);
 * Sigill holds the reference only. Allowed until the classification is fastställd.
 */
export async function recordSpecialAnalysis(deps: AppDeps, assessment: Assessment, reference: string, actor: Actor): Promise<SpecialAnalysisRecord> {
  if (!needsSpecialAnalysis(assessment)) throw new AppError('conflict', 'Only a classification with a level-4 (säkerhetsskydd) mark takes a särskild analys');
  if (assessment.status === 'faststalld') throw new AppError('conflict', 'The classification is already fastställd', { status: assessment.status });
  const { db } = deps.database;
  await withTransaction(db, async (trx) => {
    const at = nowIso();
    const id = await insertSpecialAnalysis(trx, { assessmentId: assessment.id, reference, userId: actor.userId, at });
    await appendAuditEvent(trx, {
      actorUserId: actor.userId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: referenceRecorded,
      entityType: 'assessment',
      entityId: assessment.id,
      payload: { specialAnalysisId: id, reference, role: actor.role, revision: assessment.revision },
    });
  });
  return (await latestSpecialAnalysis(db, assessment.id))!;
}

/** The decision refuses a level-4 classification until the analysis reference is recorded. */
export async function assertSpecialAnalysisRecorded(db: Kysely<Database>, assessment: Assessment): Promise<void> {
  if (!needsSpecialAnalysis(assessment)) return;
  if (await currentSpecialAnalysis(db, assessment.id)) return;
  throw new AppError('special_analysis_missing', 'The säkerhetsskyddschef must record where the särskild analys is kept before the decision');
}
