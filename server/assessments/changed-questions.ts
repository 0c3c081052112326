import { canonicalJson } from '../audit/canonical-json';

/** Equal content: the plain serialisations first (the common, cheap case), key order only when they differ. */
function sameAnswer(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}

/** The top-level question names whose answers differ between two answer sets. */
export function changedQuestions(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !sameAnswer(before[name], after[name])).sort();
}
