import { Model } from 'survey-core';
import ContrastLight from 'survey-core/themes/contrast-light';
import type { QuestionnaireFile } from '../../scoring/content/form-file';
import { registerSurveyProperties } from '../../scoring/content/survey-properties';
import type { Answers } from '../contract/api-types';
import type { Language } from '../i18n/messages';
import { applySurveyLocaleCorrections } from '../survey/locale';
import { registerConsequenceMatrix } from './ConsequenceMatrix';
import { focusPageHeading } from './page-focus';

registerSurveyProperties();
applySurveyLocaleCorrections();
registerConsequenceMatrix();

/** The accessible Contrast theme, with larger type and spacing for a projector. */
export function applyWorkshopTheme(model: Model, largeText: boolean): void {
  // The theme names Open Sans, which Sigill does not ship (and its CSP would not fetch): use the app's own fonts.
  const cssVariables: Record<string, string> = { ...ContrastLight.cssVariables, '--sjs2-typography-font-family-text': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };
  if (largeText) {
    // SurveyJS 3 derives every size from these base units (8px by default).
    for (const unit of ['font-size', 'line-height', 'size', 'spacing']) cssVariables[`--sjs2-base-unit-${unit}`] = '11px';
  }
  model.applyTheme({ ...ContrastLight, cssVariables });
  // With large type a dynamic table's columns truncate their values: show each row as a card instead.
  for (const question of model.getAllQuestions()) if (question.getType() === 'matrixdynamic') question.isMobile = largeText || model.isMobile;
}

/**
 * The workshop's survey: the progress bar names the pages and jumps between them (no page list
 * beside the form: on a projector the questionnaire needs the width), no "complete" page.
 */
export function createWorkshopModel(form: QuestionnaireFile, answers: Answers, options: { readOnly: boolean; language: Language; largeText: boolean }): Model {
  const model = new Model({
    ...form.survey,
    showProgressBar: true,
    progressBarLocation: 'aboveheader',
    progressBarType: 'pages',
    progressBarShowPageTitles: true,
    showTOC: false,
    // A workshop jumps between pages in any order; what is missing is listed, never a blocked page.
    checkErrorsMode: 'onComplete',
  });
  focusPageHeading(model);
  model.data = answers;
  model.locale = options.language;
  model.readOnly = options.readOnly;
  applyWorkshopTheme(model, options.largeText);
  // Answers are saved as they change; the last page's button saves at once instead of ending the survey.
  model.completeText = options.language === 'sv' ? 'Spara nu' : 'Save now';
  return model;
}
