import { asRecord } from '../survey/survey-json';

/** Reading validated answers: everything here tolerates absence, since absence is "ej bedömd". */

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  const record = asRecord(value);
  return record !== undefined && Object.values(record).every(isBlank);
}

export function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The chosen values of a checkbox as strings (SurveyJS may store numbers for numeric choices). */
export function chosen(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function recordOf(value: unknown): Record<string, unknown> {
  return asRecord(value) ?? {};
}
