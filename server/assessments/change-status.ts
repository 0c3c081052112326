import type { AppDeps } from '../app-context';
import { appendAuditEvent } from '../audit/audit-log';
import { refreshClassificationStatus } from '../assets/refresh-classification-status';
import type { AssessmentStatus } from '../db/schema';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { type Assessment, findAssessment } from './assessment-store';

export type StatusChange =
  | { to: 'for_granskning' }
  | { to: 'utkast'; reason: string }
  | { to: 'faststalld'; statement: string };

const allowedFrom: Record<StatusChange['to'], AssessmentStatus> = {
  for_granskning: 'utkast',
  utkast: 'for_granskning',
  faststalld: 'for_granskning',
};

/**
 * Moves an assessment along utkast → för granskning → fastställd (or back to utkast with a reason).
 * Sending for review needs complete answers; fastställd freezes it. The row's status is checked
 * again in the update, so two racing decisions give exactly one result.
 */
export async function changeStatus(deps: AppDeps, assessment: Assessment, change: StatusChange, actorUserId: string): Promise<Assessment> {
  const from = allowedFrom[change.to];
  if (assessment.status !== from) {
    throw new AppError('conflict', `Only an assessment in ${from} can become ${change.to}; this one is ${assessment.status}`, { status: assessment.status });
  }
  if (change.to === 'for_granskning') assertComplete(assessment);
  const now = nowIso();
  const { db } = deps.database;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('assessments')
      .set({ status: change.to, updated_at: now, ...(change.to === 'faststalld' ? { decided_at: now } : {}) })
      .where('id', '=', assessment.id)
      .where('status', '=', from)
      .where('revision', '=', assessment.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'The assessment changed meanwhile; reload it');
    await appendAuditEvent(trx, {
      actorUserId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: 'assessment.status_changed',
      entityType: 'assessment',
      entityId: assessment.id,
      payload: { from, to: change.to, revision: assessment.revision, ...('reason' in change ? { reason: change.reason } : {}), ...('statement' in change ? { statement: change.statement } : {}) },
    });
    if (assessment.kind === 'classification') await refreshClassificationStatus(trx, assessment.assetId);
  });
  return (await findAssessment(db, assessment.id))!;
}

function assertComplete(assessment: Assessment): void {
  if (assessment.missing.length > 0) {
    throw new AppError('conflict', 'Answers are missing before it can be sent for review', { missing: assessment.missing });
  }
}
