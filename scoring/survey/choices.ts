import { asArray, asRecord, type SurveyElementJson } from './survey-json';

/** A primitive SurveyJS stores as a choice's value. */
export type ChoiceValue = string | number | boolean;

/**
 * The value of one SurveyJS item (a choice, a matrix row or column): either the item itself
 * ("a", 2, or the short form "a|Text") or its `value` field.
 */
export function itemValue(item: unknown): ChoiceValue | undefined {
  if (typeof item === 'string') {
    const bar = item.indexOf('|');
    return bar >= 0 ? item.slice(0, bar) : item;
  }
  if (typeof item === 'number' || typeof item === 'boolean') return item;
  const record = asRecord(item);
  const value = record?.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** The item objects of a list, with primitives turned into `{ value }` so properties can be read uniformly. */
export function itemRecords(items: unknown): Record<string, unknown>[] {
  return asArray(items).flatMap((item) => {
    const value = itemValue(item);
    if (value === undefined) return [];
    return [asRecord(item) ?? { value }];
  });
}

export function itemValues(items: unknown): ChoiceValue[] {
  return asArray(items).map(itemValue).filter((value) => value !== undefined);
}

/**
 * The values a choice question accepts, or undefined when the choices come from elsewhere
 * (a URL or another question) and cannot be known from the definition alone.
 */
export function allowedChoiceValues(question: SurveyElementJson, inherited?: unknown): Set<ChoiceValue> | undefined {
  if (question.choicesByUrl !== undefined || question.choicesFromQuestion !== undefined) return undefined;
  const values = new Set<ChoiceValue>(itemValues(question.choices ?? inherited));
  if (question.showNoneItem === true || question.hasNone === true) values.add(String(question.noneValue ?? 'none'));
  if (question.showOtherItem === true || question.hasOther === true) values.add('other');
  if (question.showRefuseItem === true) values.add('refused');
  if (question.showDontKnowItem === true) values.add('dontknow');
  return values;
}

/** Compares loosely the way SurveyJS does: "2" and 2 are the same choice. */
export function hasChoice(allowed: Set<ChoiceValue>, value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
  if (allowed.has(value)) return true;
  for (const candidate of allowed) if (String(candidate) === String(value)) return true;
  return false;
}
