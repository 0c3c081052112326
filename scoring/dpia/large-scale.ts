import type { TriState } from './screen-dpia';
import { largeScaleFactors, type LargeScaleFactorId } from './vocabulary';

const amounts = new Set<LargeScaleFactorId>(largeScaleFactors.filter((factor) => factor.amount).map((factor) => factor.id));

/**
 * WP248's factors weighed together: at least two of them, one of which says how much (many data
 * subjects or a large volume of data). Duration or geographic extent, alone or together, describe
 * how long and how wide, not how much, so a long-lived processing of few people is not large scale.
 */
function holds(factors: ReadonlySet<LargeScaleFactorId>): boolean {
  return factors.size >= 2 && [...factors].some((factor) => amounts.has(factor));
}

/**
 * "Stor omfattning" from the factor questions' answers: ja when the rule holds on the yes answers;
 * osäker when it would hold if the unsure ones were yes ("osäker" may raise, never lower); obesvarad
 * while unanswered questions could still make it hold; otherwise nej.
 */
export function largeScale(answers: readonly { factor: LargeScaleFactorId; answer: TriState }[]): TriState {
  const withAnswer = (...accepted: TriState[]) => new Set(answers.filter((entry) => accepted.includes(entry.answer)).map((entry) => entry.factor));
  if (holds(withAnswer('ja'))) return 'ja';
  if (holds(withAnswer('ja', 'osaker'))) return 'osaker';
  if (holds(withAnswer('ja', 'osaker', 'obesvarad'))) return 'obesvarad';
  return 'nej';
}

/** The Swedish line that says how the factors decided the criterion, for the explanation and the record. */
export function largeScaleExplanation(answers: readonly { factor: LargeScaleFactorId; answer: TriState }[], result: TriState): string {
  const named = (answer: TriState) => answers.filter((entry) => entry.answer === answer).map((entry) => largeScaleFactors.find((factor) => factor.id === entry.factor)!.label);
  const yes = named('ja');
  const verdict = result === 'ja' ? 'uppfyllt' : result === 'osaker' ? 'osäkert' : result === 'nej' ? 'inte uppfyllt' : 'ännu inte bedömt';
  return `Stor omfattning (kriterium 5) bedöms av faktorerna tillsammans: minst två, varav antal registrerade eller mängd uppgifter. Ja för: ${yes.length > 0 ? yes.join(', ') : 'ingen'}. Kriteriet är ${verdict}.`;
}
