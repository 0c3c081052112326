import type { SurveyModel } from 'survey-core';

export interface AnswerLine {
  name: string;
  title: string;
  value: string;
}

/** The answered questions in page order, each with its display text (a choice's text, not its id). */
export function summariseAnswers(survey: SurveyModel): AnswerLine[] {
  return survey
    .getAllQuestions(false)
    .filter((question) => !question.isEmpty())
    .map((question) => ({
      name: question.name,
      title: question.processedTitle || question.name,
      value: String(question.displayValue ?? ''),
    }));
}
