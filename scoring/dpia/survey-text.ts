import { asArray, asRecord } from '../survey/survey-json';
import { itemValue } from '../survey/choices';

/** A SurveyJS text: a plain string or a localised object ({ default, sv, en }). Swedish first. */
export function localText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const record = asRecord(value);
  if (!record) return undefined;
  for (const key of ['sv', 'default', 'en']) if (typeof record[key] === 'string') return record[key];
  return undefined;
}

/** The display text of one choice, row or column value, falling back to the value itself. */
export function itemText(items: unknown, value: unknown): string {
  for (const item of asArray(items)) {
    if (itemValue(item) !== value) continue;
    const text = localText(asRecord(item)?.text);
    if (text) return text;
  }
  return String(value);
}

/** Trimmed non-empty text, or null: whitespace is not an answer. */
export function answerText(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
