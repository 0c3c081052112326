import { scopeQuestions, type SurveyJson } from '../../scoring/survey/survey-json';
import { AppError } from '../errors';
import type { LoadedForm } from '../forms/load-forms';

/**
 * Questions a pinned form shows read-only are written by the sign-off, never by the author: on
 * DPIA form v2 the DSO's advice and the decision (and their reasons and date) exist once, in the
 * sign-off steps, which put them into the answers themselves. The UI cannot edit them; this stops
 * a client writing them through the answers or changes API. Only top-level questions are read-only today.
 */
const readOnlyByForm = new WeakMap<LoadedForm, ReadonlySet<string>>();

function readOnlyQuestions(form: LoadedForm): ReadonlySet<string> {
  let names = readOnlyByForm.get(form);
  if (!names) {
    const survey = form.content.survey as SurveyJson | undefined;
    names = new Set(survey ? scopeQuestions(survey).filter((question) => question.json.readOnly === true).map((question) => question.key) : []);
    readOnlyByForm.set(form, names);
  }
  return names;
}

/** Refuses (400 `sign_off_answer`, each question named) a write that changes a question the form leaves to the sign-off. */
export function assertAuthorWritable(form: LoadedForm | undefined, changedNames: readonly string[], field: (name: string) => string): void {
  // An uninstalled form is refused by the scoring that follows.
  const readOnly = form ? readOnlyQuestions(form) : new Set<string>();
  if (readOnly.size === 0) return;
  const refused = [...new Set(changedNames)].filter((name) => readOnly.has(name));
  if (refused.length === 0) return;
  throw new AppError(
    'sign_off_answer',
    `The sign-off writes ${refused.join(', ')}: the DSO's advice and the decision are given in the sign-off steps, not in the answers`,
    refused.map((name) => ({ field: field(name), message: 'written by the sign-off, not by the author' })),
  );
}
