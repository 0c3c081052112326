import type { DpiaDecision, DsoAdvice } from '../../scoring/dpia/advice-decisions';
import type { DpiaAssessment } from '../../scoring/dpia/assessment-types';
import type { AppDeps } from '../app-context';
import { approvalsOf, withdrawApprovals } from '../approvals/approval-store';
import { appendAuditEvent } from '../audit/audit-log';
import { followProtocol } from '../assets/follow-protocol';
import { refreshClassificationStatus } from '../assets/refresh-classification-status';
import { refreshReviewDates } from '../reviews/refresh-review-dates';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { answersRejected } from './answer-errors';
import { assessmentKinds } from './assessment-kinds';
import { type Assessment, findAssessment } from './assessment-store';
import { type Actor, assertStatus, guardedUpdate, recordStep } from './change-status';
import { changedQuestions } from './changed-questions';
import { assertTemplateFloor } from '../templates/template-floor-check';
import { assertDpiaDecisionRules } from './dpia-decision-rules';
import { assertSeparateDuties } from './separation-of-duties';
import { awaitsExemptionDecision } from './exemption-decision';
import { withTransaction } from '../db/transaction';
import { assertSpecialAnalysisRecorded } from './special-analysis';


/** Today in Sweden, as the decision date a nämnd would write. */
function swedishToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * Writes the sign-off answers (the DSO's advice, the decision) into the DPIA's own questions and
 * scores again, so the stored result, the protocol and the form all say the same thing.
 */
async function rescoreWith(deps: AppDeps, assessment: Assessment, patch: Record<string, unknown>) {
  const form = deps.forms.get(assessment.form.id, assessment.form.version);
  if (!form) throw new AppError('conflict', `The pinned form ${assessment.form.id} v${assessment.form.version} is no longer installed`);
  const answers = { ...assessment.answers, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === null) delete answers[key];
  const outcome = assessmentKinds[assessment.kind].score(deps.forms, form, answers);
  if (!outcome.ok) throw answersRejected(outcome.errors);
  return { answers, scored: outcome.scored, changed: changedQuestions(assessment.answers, answers) };
}

/** DPIA: the DSO's advice under art. 35.2, with its reasons; the decision waits for it. */
export async function giveDsoAdvice(deps: AppDeps, assessment: Assessment, input: { advice: DsoAdvice; reasons: string; statement: string }, actor: Actor): Promise<Assessment> {
  if (assessment.kind !== 'dpia') throw new AppError('conflict', 'Only a DPIA takes the DSO’s advice');
  assertStatus(assessment, 'for_granskning', 'advised on');
  const { db } = deps.database;
  const { answers, scored, changed } = await rescoreWith(deps, assessment, { 'dso-rad': input.advice, 'dso-motivering': input.reasons, beslut: null, beslutsdatum: null, 'beslut-motivering': null });
  await withTransaction(db, async (trx) => {
    await guardedUpdate(trx, assessment, 'for_granskning', { answers: JSON.stringify(answers), result: JSON.stringify(scored.result), summary: scored.summary, missing: JSON.stringify(scored.missing), revision: assessment.revision + 1 });
    await trx.insertInto('assessment_revisions').values({ assessment_id: assessment.id, revision: assessment.revision + 1, changed: JSON.stringify(changed), saved_by: actor.userId, saved_at: nowIso() }).execute();
    // A new piece of advice replaces the earlier one in this review.
    await withdrawApprovals(trx, assessment.id, nowIso(), 'new_advice', 'dso_advice');
    await recordStep(trx, assessment, 'dso_advice', actor, input.statement, { advice: input.advice, reasons: input.reasons });
  });
  return (await findAssessment(db, assessment.id))!;
}

/**
 * The last approval: fastställ. A DPIA needs the DSO's advice first, and reasons when the decision
 * departs from it. The assessment is frozen; the caller then produces the sealed protocol.
 */
export interface DecisionInput {
  statement: string;
  decision?: DpiaDecision | undefined;
  reasons?: string | undefined;
  /** Where the decision rests (issue 18), both optional: printed on the protocol's first page. */
  delegation?: string | undefined;
  diarienummer?: string | undefined;
}

export async function decide(deps: AppDeps, assessment: Assessment, input: DecisionInput, actor: Actor): Promise<Assessment> {
  assertStatus(assessment, 'for_granskning', 'decided');
  // A claimed exemption is the DSO's to decide before the screening can be fastställd.
  if (awaitsExemptionDecision(assessment)) throw new AppError('conflict', 'The DSO must first decide the exemption the screening claims');
  const { db } = deps.database;
  await assertSpecialAnalysisRecorded(db, assessment);
  const duties = await assertSeparateDuties(deps, assessment, actor.userId);
  await assertTemplateFloor(db, assessment, assessment.result, 'decide');
  let set: Parameters<typeof guardedUpdate>[3] = { status: 'faststalld', decided_at: nowIso() };
  let details: Record<string, string | null> = duties.sameAsPreparer ? { sameAsPreparer: 'ja' } : {};
  let changed: string[] = [];
  if (assessment.kind === 'dpia') {
    const advice = (await approvalsOf(db, assessment.id)).find((approval) => approval.step === 'dso_advice' && !approval.withdrawnAt);
    if (!advice) throw new AppError('conflict', 'The DSO’s advice is needed before the decision (art. 35.2)');
    if (!input.decision) throw new AppError('validation_failed', 'A DPIA decision names the decision', [{ field: 'body.decision', message: 'required for a DPIA' }]);
    const rescored = await rescoreWith(deps, assessment, { beslut: input.decision, beslutsdatum: swedishToday(), 'beslut-motivering': input.reasons ?? null });
    const result = rescored.scored.result as DpiaAssessment;
    assertDpiaDecisionRules(result, input.decision, input.reasons);
    if (result.missingBeforeDecision.length > 0) throw new AppError('conflict', 'Something is missing before the decision', { missing: result.missingBeforeDecision });
    set = { ...set, answers: JSON.stringify(rescored.answers), result: JSON.stringify(result), summary: rescored.scored.summary, missing: JSON.stringify(rescored.scored.missing), revision: assessment.revision + 1 };
    details = { ...details, decision: input.decision, reasons: input.reasons ?? null, departsFromAdvice: result.decision.departsFromAdvice ? 'ja' : 'nej' };
    changed = rescored.changed;
  } else if (input.decision || input.reasons) {
    throw new AppError('validation_failed', 'Only a DPIA decision takes a decision and reasons', [{ field: input.decision ? 'body.decision' : 'body.reasons', message: 'only for a DPIA' }]);
  }
  await withTransaction(db, async (trx) => {
    await guardedUpdate(trx, assessment, 'for_granskning', set);
    if (set.revision) await trx.insertInto('assessment_revisions').values({ assessment_id: assessment.id, revision: set.revision, changed: JSON.stringify(changed), saved_by: actor.userId, saved_at: nowIso() }).execute();
    await recordStep(trx, assessment, 'decision', actor, input.statement, details, {}, { delegation: input.delegation ?? null, diarienummer: input.diarienummer ?? null });
    await appendAuditEvent(trx, {
      actorUserId: actor.userId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: 'assessment.status_changed',
      entityType: 'assessment',
      entityId: assessment.id,
      payload: { from: 'for_granskning', to: 'faststalld', revision: set.revision ?? assessment.revision, statement: input.statement },
    });
    if (assessment.kind === 'classification') {
      await followProtocol(trx, assessment, actor.userId);
      await refreshClassificationStatus(trx, assessment.assetId);
    }
    else await refreshReviewDates(trx, assessment.assetId);
  });
  return (await findAssessment(db, assessment.id))!;
}

/** Whether a decided assessment's sealed protocol exists (a screening's is its sealed record). */
export type ProtocolStatus = 'sealed' | 'pending';

/**
 * After the last approval: the sealed protocol. The decision has committed; when sealing fails the
 * protocol is pending (the answer says so, the panel shows it, a retry seals it, audit:verify
 * lists it) and is never produced behind a later read.
 */
export async function sealAfterDecision(deps: AppDeps, assessment: Assessment, actorUserId: string): Promise<ProtocolStatus> {
  try {
    await deps.protocols.ensure(deps, assessment.id, actorUserId);
    return 'sealed';
  } catch (error) {
    deps.logger.error('sealing the protocol failed; it is pending until a retry seals it', { assessmentId: assessment.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return 'pending';
  }
}
