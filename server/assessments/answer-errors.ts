import type { AnswerError } from '../../scoring/survey/validate-answers';
import { AppError } from '../errors';

/** Answers that do not fit the pinned form: 400 with each offending answer named under body.answers. */
export function answersRejected(errors: readonly AnswerError[]): AppError {
  return new AppError(
    'validation_failed',
    `The answers do not fit the form: ${errors.map((error) => error.field).slice(0, 5).join(', ')}${errors.length > 5 ? ', …' : ''}`,
    errors.map((error) => ({ field: `body.answers.${error.field}`, message: error.message })),
  );
}
