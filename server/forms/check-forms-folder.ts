import { checkClassificationReferences, type ReferenceProblem } from '../../scoring/classification/check-references';
import { checkDpiaForms } from '../../scoring/dpia/check-dpia-forms';
import { FormLoadError, formsInvalid } from './form-errors';
import { listFormFiles, loadFormFile, type LoadedForm } from './load-forms';

export type FormsCheckProblem = ReferenceProblem;

/** A loader reason reads "field: message"; split it so every problem names its field. */
function splitReason(file: string, reason: string): FormsCheckProblem {
  const colon = reason.indexOf(': ');
  return colon > 0 ? { file, field: reason.slice(0, colon), message: reason.slice(colon + 2) } : { file, field: '(file)', message: reason };
}

/**
 * Validates every file in a forms folder: its kind's schema, that SurveyJS loads each survey with
 * no jsonErrors (both through the server's loader), and that every reference between files resolves.
 */
export function inspectFormsFolder(formsDir: string): { files: number; loaded: LoadedForm[]; problems: FormsCheckProblem[] } {
  const problems: FormsCheckProblem[] = [];
  const loaded: LoadedForm[] = [];
  let files: string[];
  try {
    files = listFormFiles(formsDir);
  } catch (error) {
    if (!(error instanceof FormLoadError)) throw error;
    return { files: 0, loaded, problems: error.reasons.map((reason) => splitReason(error.file, reason)) };
  }
  for (const file of files) {
    try {
      loaded.push(loadFormFile(file));
    } catch (error) {
      if (!(error instanceof FormLoadError)) throw error;
      problems.push(...error.reasons.map((reason) => splitReason(error.file, reason)));
    }
  }
  problems.push(...checkClassificationReferences(loaded));
  problems.push(...checkDpiaForms(loaded));
  return { files: files.length, loaded, problems };
}

export function checkFormsFolder(formsDir: string): { files: number; problems: FormsCheckProblem[] } {
  const { files, problems } = inspectFormsFolder(formsDir);
  return { files, problems };
}

/** The forms the server runs with; any problem at all stops it, naming file and field. */
export function loadForms(formsDir: string): LoadedForm[] {
  const { loaded, problems } = inspectFormsFolder(formsDir);
  if (problems.length > 0) throw formsInvalid(problems);
  return loaded;
}
