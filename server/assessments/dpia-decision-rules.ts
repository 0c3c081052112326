import type { DpiaAssessment } from '../../scoring/dpia/assessment-types';
import { decisionRefusal, type MotivationProblem, motivationRule } from '../../scoring/dpia/decision-rules';
import { AppError } from '../errors';

const motivationMessages: Record<MotivationProblem, string> = {
  missing: 'required when the decision departs from the advice',
  'too-short': `at least ${motivationRule.minimumWords} words saying why the decision departs from the advice`,
  restates: `at least ${motivationRule.minimumOwnWords} words of its own: it may not merely repeat the decision or the advice`,
};

/** Enforces scoring's DPIA decision rules on the rescored result, the same rules the sign-off panel shows. */
export function assertDpiaDecisionRules(result: DpiaAssessment, decision: string, reasons: string | undefined): void {
  const refusal = decisionRefusal({
    advice: result.decision.advice,
    decision,
    reasons,
    principles: result.principles,
    echoes: [result.decision.decisionLabel, result.decision.adviceLabel, result.decision.adviceReasons],
  });
  if (!refusal) return;
  if (refusal.rule === 'principles-to-correct') {
    const message = `The processing cannot be approved while principles are to be corrected: ${refusal.principles.join('; ')}`;
    throw new AppError('principles_to_correct', message, { principles: refusal.principles });
  }
  throw new AppError('validation_failed', 'The decision departs from the DSO’s advice and must say why, in words of its own', [
    { field: 'body.reasons', message: motivationMessages[refusal.problem] },
  ]);
}
