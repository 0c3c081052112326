import { canonicalJson } from '../audit/canonical-json';

/** The top-level question names whose answers differ between two answer sets. */
export function changedQuestions(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => canonicalJson(before[name]) !== canonicalJson(after[name])).sort();
}
