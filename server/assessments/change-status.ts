import { refreshRoundSummaries } from '../assets/round-summary-store';
import type { Transaction } from 'kysely';
import type { AppDeps } from '../app-context';
import { approvalsOf, type DecisionReference, insertApproval, withdrawApprovals } from '../approvals/approval-store';
import { appendAuditEvent } from '../audit/audit-log';
import { refreshClassificationStatus } from '../assets/refresh-classification-status';
import type { ApprovalStep, AssessmentStatus, Database, Role } from '../db/schema';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { type Assessment, findAssessment } from './assessment-store';
import { assertTemplateFloor } from '../templates/template-floor-check';
import { withTransaction, type WriteTransaction } from '../db/transaction';
import { screeningByRules } from './screening-by-rules';

/** Who acts, and in which role: every step of a sign-off records both. */
export interface Actor {
  userId: string;
  role: Role;
}

/**
 * Writes a status change (and, for the approval steps, new answers and result) only if the row is
 * still at the revision and status it was read at, so two racing decisions give exactly one result.
 */
export async function guardedUpdate(trx: Transaction<Database>, assessment: Assessment, from: AssessmentStatus, set: { status?: AssessmentStatus; answers?: string; result?: string; summary?: string; missing?: string; revision?: number; decided_at?: string }): Promise<void> {
  const updated = await trx
    .updateTable('assessments')
    .set({ ...set, updated_at: nowIso() })
    .where('id', '=', assessment.id)
    .where('status', '=', from)
    .where('revision', '=', assessment.revision)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'The assessment changed meanwhile; reload it');
  await refreshRoundSummaries(trx, [assessment.assetId]);
}

export function assertStatus(assessment: Assessment, status: AssessmentStatus, action: string): void {
  if (assessment.status !== status) {
    throw new AppError('conflict', `Only an assessment in ${status} can be ${action}; this one is ${assessment.status}`, { status: assessment.status });
  }
}

/** An approval step and its audit event, in the caller's transaction. */
export async function recordStep(trx: WriteTransaction, assessment: Assessment, step: ApprovalStep, actor: Actor, statement: string, details: Record<string, string | null>, extra: Record<string, unknown> = {}, reference?: DecisionReference): Promise<void> {
  const at = nowIso();
  const approval = await insertApproval(trx, { assessmentId: assessment.id, step, userId: actor.userId, role: actor.role, statement, details, revision: assessment.revision, at, ...(reference ? { reference } : {}) });
  await appendAuditEvent(trx, {
    actorUserId: actor.userId,
    organisationId: assessment.organisationId,
    assetId: assessment.assetId,
    action: step === 'returned' ? 'assessment.status_changed' : 'assessment.approval_given',
    entityType: 'assessment',
    entityId: assessment.id,
    payload: { step, approvalId: approval.id, role: actor.role, statement, details, revision: assessment.revision, ...(reference ? { reference } : {}), ...extra },
  });
}

/** utkast → för granskning: needs complete answers (for a DPIA: everything the DSO needs). */
export async function submitForReview(deps: AppDeps, assessment: Assessment, actorUserId: string): Promise<Assessment> {
  assertStatus(assessment, 'utkast', 'sent for review');
  if (assessment.missing.length > 0) throw new AppError('conflict', 'Answers are missing before it can be sent for review', { missing: assessment.missing });
  const { db } = deps.database;
  await assertTemplateFloor(db, assessment, assessment.result, 'submit');
  await withTransaction(db, async (trx) => {
    await guardedUpdate(trx, assessment, 'utkast', { status: 'for_granskning' });
    await appendAuditEvent(trx, {
      actorUserId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: 'assessment.status_changed',
      entityType: 'assessment',
      entityId: assessment.id,
      payload: { from: 'utkast', to: 'for_granskning', revision: assessment.revision },
    });
    if (assessment.kind === 'classification') await refreshClassificationStatus(trx, assessment.assetId);
  });
  return (await findAssessment(db, assessment.id))!;
}

/** A rejection: back to utkast with the reason; the approvals given so far are withdrawn. */
export async function returnToDraft(deps: AppDeps, assessment: Assessment, reason: string, actor: Actor): Promise<Assessment> {
  assertStatus(assessment, 'for_granskning', 'returned');
  const { db } = deps.database;
  // The DSO's decision on a screening's exemption goes with the withdrawn approvals: the result is the rules' again.
  const rescored = assessment.kind === 'dpia-screening' ? screeningByRules(deps, assessment) : null;
  await withTransaction(db, async (trx) => {
    await guardedUpdate(trx, assessment, 'for_granskning', rescored ? { status: 'utkast', result: JSON.stringify(rescored), summary: rescored.outcomeLabel } : { status: 'utkast' });
    await withdrawApprovals(trx, assessment.id, nowIso(), 'returned');
    await recordStep(trx, assessment, 'returned', actor, reason, { reason }, { from: 'for_granskning', to: 'utkast', reason });
    if (assessment.kind === 'classification') await refreshClassificationStatus(trx, assessment.assetId);
  });
  return (await findAssessment(db, assessment.id))!;
}

/** Classification: the objektledare confirms it is ready for the decision. Optional, and given once per review. */
export async function markReady(deps: AppDeps, assessment: Assessment, statement: string, actor: Actor): Promise<Assessment> {
  if (assessment.kind !== 'classification') throw new AppError('conflict', 'Only a classification is marked ready; a DPIA goes to the DSO');
  assertStatus(assessment, 'for_granskning', 'marked ready');
  const { db } = deps.database;
  const active = (await approvalsOf(db, assessment.id)).filter((approval) => !approval.withdrawnAt);
  if (active.some((approval) => approval.step === 'ready')) throw new AppError('conflict', 'It is already marked ready');
  await withTransaction(db, async (trx) => {
    await guardedUpdate(trx, assessment, 'for_granskning', {});
    await recordStep(trx, assessment, 'ready', actor, statement, {});
  });
  return (await findAssessment(db, assessment.id))!;
}
