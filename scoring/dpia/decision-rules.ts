import type { JudgedPrinciple } from './assessment-types';
import { departsFromAdvice } from './advice-decisions';

/**
 * The rules a DPIA decision must meet (issue 13 finding 4), pure so that the server enforces them
 * and the sign-off panel offers and explains exactly the same:
 * - no approving decision while a principle is judged "Att korrigera" (the principles are not
 *   weighed against risks: they are corrected first);
 * - a decision that departs from the DSO's advice needs a motivation of substance.
 */

/** The decisions that let the processing go ahead. */
export const approvingDecisions: readonly string[] = ['godkann', 'godkann-med-villkor'];

export function approves(decision: string | null | undefined): boolean {
  return Boolean(decision && approvingDecisions.includes(decision));
}

/** The labels of the principles judged "Att korrigera": while any remain, nothing may be approved. */
export function principlesToCorrect(principles: readonly JudgedPrinciple[]): string[] {
  return principles.filter((principle) => principle.judgement === 'att-korrigera').map((principle) => principle.label);
}

/** The decisions the panel may offer: the approving ones only when no principle is to be corrected. */
export function decisionsOffered<D extends string>(decisions: readonly D[], principles: readonly JudgedPrinciple[]): D[] {
  const blocked = principlesToCorrect(principles).length > 0;
  return decisions.filter((decision) => !blocked || !approves(decision));
}

/**
 * A motivation of substance: at least `minimumWords` words (runs of letters or digits), of which at
 * least `minimumOwnWords` different ones are its own — not words of the decision, of the advice, or
 * of the stock phrases below. "Behandlingen godkänns." says nothing the decision does not.
 */
export const motivationRule = { minimumWords: 8, minimumOwnWords: 4 } as const;

export type MotivationProblem = 'missing' | 'too-short' | 'restates';

/** Words that restate a DPIA decision or advice, or fill a sentence, and so carry no reason. */
const stockWords = new Set(
  (
    'och att det som en ett är av för på med till i om den de vi jag har inte detta denna dessa så men eller ska skall kan vara bli blir ' +
    'behandlingen behandling beslutet beslut besluta beslutar godkänns godkänn godkänner godkänd godkänt godkänna villkor villkoren ' +
    'rådet råd dataskyddsombudets dataskyddsombudet dataskyddsombud dso nämnden nämnd stoppas stoppa återvisas tillstyrker avstyrker ' +
    'avviker avvikelse avvika trots ok okej enligt ovan se ingen inget kommentar motivering motiveras motiverat'
  ).split(' '),
);

function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What is wrong with a motivation, or null when it has substance. `echoes` are the texts it must not merely repeat. */
export function motivationProblem(reasons: string | null | undefined, echoes: readonly (string | null | undefined)[]): MotivationProblem | null {
  const words = wordsOf(reasons ?? '');
  if (words.length === 0) return 'missing';
  if (words.length < motivationRule.minimumWords) return 'too-short';
  const echoed = new Set(echoes.flatMap((echo) => wordsOf(echo ?? '')));
  const own = new Set(words.filter((word) => !stockWords.has(word) && !echoed.has(word)));
  return own.size < motivationRule.minimumOwnWords ? 'restates' : null;
}

export interface DecisionInput {
  advice: string | null;
  decision: string;
  reasons: string | null | undefined;
  principles: readonly JudgedPrinciple[];
  /** The labels of the decision and the advice (and the advice's reasons), which a motivation must do more than repeat. */
  echoes: readonly (string | null | undefined)[];
}

export type DecisionRefusal = { rule: 'principles-to-correct'; principles: string[] } | { rule: 'motivation'; problem: MotivationProblem };

/** Why the rules refuse this decision, or null when they allow it. */
export function decisionRefusal(input: DecisionInput): DecisionRefusal | null {
  const toCorrect = principlesToCorrect(input.principles);
  if (approves(input.decision) && toCorrect.length > 0) return { rule: 'principles-to-correct', principles: toCorrect };
  if (!departsFromAdvice(input.advice, input.decision)) return null;
  const problem = motivationProblem(input.reasons, input.echoes);
  return problem ? { rule: 'motivation', problem } : null;
}
