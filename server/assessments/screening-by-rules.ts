import type { ScreeningResult } from '../../scoring/dpia/screen-dpia';
import type { AppDeps } from '../app-context';
import { AppError } from '../errors';
import { answersRejected } from './answer-errors';
import { assessmentKinds } from './assessment-kinds';
import type { Assessment } from './assessment-store';

/** The screening scored afresh from its answers: what the rules say, before any DSO decision. */
export function screeningByRules(deps: AppDeps, assessment: Assessment): ScreeningResult {
  const form = deps.forms.get(assessment.form.id, assessment.form.version);
  if (!form) throw new AppError('conflict', `The pinned form ${assessment.form.id} v${assessment.form.version} is no longer installed`);
  const outcome = assessmentKinds[assessment.kind].score(deps.forms, form, assessment.answers);
  if (!outcome.ok) throw answersRejected(outcome.errors);
  return outcome.scored.result as ScreeningResult;
}
