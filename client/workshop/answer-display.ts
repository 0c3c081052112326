import type { ItemValue, Model, Question } from 'survey-core';
import type { AnswerPath } from '../../scoring/survey/answer-ops';
import { rowIdKey } from '../../scoring/survey/answer-ops';

interface WithChoices {
  choices?: ItemValue[];
  visibleChoices?: ItemValue[];
  rows?: ItemValue[];
  columns?: (ItemValue | { name: string; title?: string; choices?: ItemValue[] })[];
  templateElements?: Question[];
}

function choiceText(question: WithChoices | undefined, value: unknown): string {
  const items = question?.visibleChoices ?? question?.choices ?? [];
  return items.find((item) => item.value === value)?.text ?? String(value);
}

/** The SurveyJS question a path ends at: a top-level one, or a field of a panel or row. */
function questionAt(model: Model, path: AnswerPath): { title: string; question: (Question & WithChoices) | undefined } {
  const top = model.getQuestionByName(path[0]) as (Question & WithChoices) | null;
  const topTitle = top ? top.processedTitle || top.title : '';
  if (path.length === 1 || !top) return { title: topTitle, question: top ?? undefined };
  const field = path[2];
  const inner = top.templateElements?.find((element) => element.name === field) as (Question & WithChoices) | undefined;
  if (inner) return { title: `${topTitle}: ${inner.title || inner.name}`, question: inner };
  const column = top.columns?.find((entry) => 'name' in entry && entry.name === field) as { title?: string; name: string; choices?: ItemValue[] } | undefined;
  return { title: `${topTitle}: ${column?.title || field}`, question: column as (Question & WithChoices) | undefined };
}

/** The question's title as the form shows it, never its internal name when a title exists. */
export function pathTitle(model: Model, path: AnswerPath): string {
  return questionAt(model, path).title || path[0];
}

/** An answer in words for a person: choice texts instead of stored values, matrix rows by their titles. */
export function displayAnswer(model: Model, path: AnswerPath, value: unknown, empty: string): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  const { question } = questionAt(model, path);
  if (typeof value === 'boolean') return value ? (model.locale === 'en' ? 'Yes' : 'Ja') : model.locale === 'en' ? 'No' : 'Nej';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? '' : choiceText(question, item))).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const rows = question?.rows ?? [];
    const columns = (question?.columns ?? []) as ItemValue[];
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== rowIdKey)
      .map(([row, cell]) => `${rows.find((item) => item.value === row)?.text ?? row}: ${columns.find((item) => item.value === cell)?.text ?? String(cell)}`)
      .join('; ');
  }
  return choiceText(question, value);
}

/** "för 2 minuter sedan" in the user's language. */
export function sinceText(iso: string | null, language: 'sv' | 'en', now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(Math.min(seconds, 0), 'second');
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute');
  return format.format(Math.round(seconds / 3600), 'hour');
}
