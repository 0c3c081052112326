import { type ExemptionDecisionId, withExemptionDecision } from '../../scoring/dpia/exemption-decision';
import type { ScreeningResult } from '../../scoring/dpia/screen-dpia';
import { screeningByRules } from './screening-by-rules';
import type { AppDeps } from '../app-context';
import { withdrawApprovals } from '../approvals/approval-store';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { type Assessment, findAssessment } from './assessment-store';
import { type Actor, assertStatus, guardedUpdate, recordStep } from './change-status';
import { withTransaction } from '../db/transaction';

/** True while a screening claims an exemption the DSO has not yet decided: nobody may fastställa it. */
export function awaitsExemptionDecision(assessment: Assessment): boolean {
  return assessment.kind === 'dpia-screening' && (assessment.result as Partial<ScreeningResult> | null)?.dsoDecisionNeeded === true;
}

/**
 * The DSO decides the exemption a screening claims: accepted, the screening says "krävs inte –
 * undantag godtaget av DSO"; rejected, the rules' outcome stands. Either way the decision, its
 * reasons and who gave it are in the stored result (and so in the sealed record) and in the
 * sign-off as the DSO's step. A new decision replaces an earlier one in the same review.
 */
export async function decideExemption(
  deps: AppDeps,
  assessment: Assessment,
  input: { decision: ExemptionDecisionId; reasons: string; statement: string },
  actor: Actor,
): Promise<Assessment> {
  if (assessment.kind !== 'dpia-screening') throw new AppError('conflict', 'Only a DPIA screening claims exemptions for the DSO to decide');
  assertStatus(assessment, 'for_granskning', 'decided on by the DSO');
  const { db } = deps.database;
  const byRules = screeningByRules(deps, assessment);
  if (!byRules.dsoDecisionNeeded) throw new AppError('conflict', 'The screening claims no exemption that changes its outcome; there is nothing for the DSO to decide');
  const user = await db.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  const at = nowIso();
  const result = withExemptionDecision(byRules, { decision: input.decision, reasons: input.reasons, decidedBy: user.name, decidedAt: at });
  await withTransaction(db, async (trx) => {
    await guardedUpdate(trx, assessment, 'for_granskning', { result: JSON.stringify(result), summary: result.outcomeLabel });
    await withdrawApprovals(trx, assessment.id, at, 'new_advice', 'dso_advice');
    await recordStep(trx, assessment, 'dso_advice', actor, input.statement, { exemptionDecision: input.decision, reasons: input.reasons });
  });
  return (await findAssessment(db, assessment.id))!;
}
