import { Model } from 'survey-core';
import { registerSurveyProperties } from '../../scoring/content/survey-properties';

/**
 * Loads a survey definition in survey-core, the engine that will render it, and returns
 * what it could not understand (unknown properties, unknown question types), one line each.
 */
export function surveyJsonProblems(surveyJson: Record<string, unknown>): string[] {
  registerSurveyProperties();
  const model = new Model(surveyJson);
  return (model.jsonErrors ?? []).map((error) => {
    const element = error.element as { name?: unknown } | undefined;
    const where = typeof element?.name === 'string' ? ` (in "${element.name}")` : '';
    return `${error.message}${where}`;
  });
}
