import type { SurveyJson } from '../survey/survey-json';
import type { ExemptionDecision } from './exemption-decision';
import { validateAnswers, type AnswerError, type Answers } from '../survey/validate-answers';
import { largeScale, largeScaleExplanation } from './large-scale';
import { screeningFormIndex } from './screening-form';
import { outcomeInfo, outcomeRank, screeningRules, type ScreeningOutcome, type ScreeningRuleId } from './screening-outcome';
import {
  answerNo,
  answerUnsure,
  answerYes,
  art353Cases,
  exemptions,
  wp248Criteria,
  type Art353CaseId,
  type CriterionId,
  type ExemptionId,
} from './vocabulary';

/** A screening answer as the rules read it; anything else (unanswered, another type) is "obesvarad". */
export type TriState = 'ja' | 'nej' | 'osaker' | 'obesvarad';

export interface ScreeningFinding<Id extends string> {
  id: Id;
  label: string;
  /** "ja" if any of its questions says yes, else "osaker" if any is unsure, else "nej" if answered. */
  answer: TriState;
  questions: { field: string; answer: TriState }[];
}

export interface ClaimedExemption {
  id: ExemptionId;
  label: string;
  motivation: string | null;
  /** Always true: the author claims an exemption, only the DSO decides it. */
  needsDsoDecision: true;
}

export interface ScreeningResult {
  form: { id: string; version: number };
  outcome: ScreeningOutcome;
  outcomeLabel: string;
  /** Position in screeningOutcomes, lowest first. */
  rank: number;
  /** The rules that lead to this outcome, in rule order; the first decided it. */
  firedRules: { id: ScreeningRuleId; text: string }[];
  art353: ScreeningFinding<Art353CaseId>[];
  criteria: (ScreeningFinding<CriterionId> & { number: number })[];
  criteriaMet: CriterionId[];
  criteriaUnsure: CriterionId[];
  exemptions: ClaimedExemption[];
  /** True when a DPIA would be required but an exemption is claimed: the DSO must decide before it applies. */
  dsoDecisionNeeded: boolean;
  /** The DSO's decision on the claimed exemptions, once given in the sign-off (see exemption-decision.ts). */
  exemptionDecision?: ExemptionDecision;
  asset: string | null;
  /** Questions the rules read that are still unanswered, and exemptions claimed without a motivation. */
  missing: AnswerError[];
  summary: string;
  explanation: string[];
}

export type ScreeningEvaluation = { ok: true; result: ScreeningResult } | { ok: false; errors: AnswerError[] };

export interface DpiaFormRef {
  meta: { id: string; version: number };
  survey: SurveyJson;
}

function triState(value: unknown): TriState {
  return value === answerYes || value === answerNo || value === answerUnsure ? value : 'obesvarad';
}

function combine(answers: readonly TriState[]): TriState {
  if (answers.includes('ja')) return 'ja';
  if (answers.includes('osaker')) return 'osaker';
  return answers.includes('nej') ? 'nej' : 'obesvarad';
}

function findingsFor<Id extends string>(
  list: readonly { id: Id; label: string }[],
  keys: ReadonlyMap<Id, readonly string[]>,
  answers: Answers,
): ScreeningFinding<Id>[] {
  return list.map(({ id, label }) => {
    const questions = (keys.get(id) ?? []).map((field) => ({ field, answer: triState(answers[field]) }));
    return { id, label, answer: combine(questions.map((question) => question.answer)), questions };
  });
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The rules that decide the outcome, in rule order: the first that holds, and any other leading to the same outcome. */
function rulesThatHold(personalData: TriState, art353: ScreeningFinding<string>[], criteria: ScreeningFinding<string>[]) {
  const count = (list: ScreeningFinding<string>[], answer: TriState) => list.filter((finding) => finding.answer === answer).length;
  const met = count(criteria, 'ja');
  const unsure = count(criteria, 'osaker') + count(art353, 'osaker');
  const holds: Record<ScreeningRuleId, boolean> = {
    'inga-personuppgifter': personalData === 'nej',
    'artikel-35-3': count(art353, 'ja') > 0,
    'minst-tva-kriterier': met >= 2,
    // Treating every unsure answer as yes: would the outcome then be "krävs"?
    'osakra-kan-krava': count(art353, 'osaker') > 0 || (count(criteria, 'osaker') > 0 && met + count(criteria, 'osaker') >= 2),
    'ett-kriterium-eller-osakert': met === 1 || unsure > 0,
    'inga-kriterier': met === 0 && unsure === 0 && count(art353, 'ja') === 0,
  };
  const holding = screeningRules.filter((rule) => holds[rule.id]);
  // Rules of a lower outcome also hold ("one criterion" when there are three); listing them would only confuse.
  return holding.filter((rule) => rule.outcome === holding[0]?.outcome);
}

/**
 * The förhandsbedömning: whether a DPIA is required, from the answers to a screening form.
 * Pure and deterministic; answers that do not fit the form give the fields at fault instead.
 */
export function screenDpia(form: DpiaFormRef, rawAnswers: unknown): ScreeningEvaluation {
  const validation = validateAnswers(form.survey, rawAnswers);
  if (!validation.ok) return validation;
  const answers = validation.answers;
  const index = screeningFormIndex(form.survey);
  const personalData = index.personalDataKey ? triState(answers[index.personalDataKey]) : 'ja';
  const art353 = findingsFor(art353Cases, index.art353, answers);
  const factors = [...index.scaleFactors].map(([field, factor]) => ({ factor, answer: triState(answers[field]) }));
  const criteria = findingsFor(wp248Criteria, index.criteria, answers).map((finding, position) => ({
    ...finding,
    // A form that asks the large-scale factors one by one has criterion 5 decided by them together.
    answer: finding.id === 'stor-omfattning' && factors.length > 0 ? largeScale(factors) : finding.answer,
    number: wp248Criteria[position]!.number,
  }));
  const fired = rulesThatHold(personalData, art353, criteria);
  const outcome = fired[0]?.outcome ?? 'kravs-inte';
  const claimed = claimedExemptions(index.exemptions, answers);
  const required = outcome === 'kravs' || outcome === 'kravs-preliminart';
  const missing = outcome === 'inte-tillamplig' ? [] : missingAnswers(personalData, index.personalDataKey, art353, criteria, claimed, index.exemptions);
  const result: ScreeningResult = {
    form: { id: form.meta.id, version: form.meta.version },
    outcome,
    outcomeLabel: outcomeInfo(outcome).label,
    rank: outcomeRank(outcome),
    firedRules: fired.map(({ id, text: ruleText }) => ({ id, text: ruleText })),
    art353,
    criteria,
    criteriaMet: criteria.filter((finding) => finding.answer === 'ja').map((finding) => finding.id),
    criteriaUnsure: criteria.filter((finding) => finding.answer === 'osaker').map((finding) => finding.id),
    exemptions: claimed,
    dsoDecisionNeeded: required && claimed.length > 0,
    asset: index.assetKey ? text(answers[index.assetKey]) : null,
    missing,
    summary: outcomeInfo(outcome).text,
    explanation: [],
  };
  result.explanation = explain(result, personalData);
  if (factors.length > 0 && outcome !== 'inte-tillamplig') {
    result.explanation.push(largeScaleExplanation(factors, criteria.find((finding) => finding.id === 'stor-omfattning')!.answer));
  }
  return { ok: true, result };
}

function claimedExemptions(
  keys: ReadonlyMap<ExemptionId, { claimKey?: string; motivationKey?: string }>,
  answers: Answers,
): ClaimedExemption[] {
  return exemptions.flatMap(({ id, label }) => {
    const where = keys.get(id);
    if (!where?.claimKey || answers[where.claimKey] !== answerYes) return [];
    const motivation = where.motivationKey ? text(answers[where.motivationKey]) : null;
    return [{ id, label, motivation, needsDsoDecision: true as const }];
  });
}

function missingAnswers(
  personalData: TriState,
  personalDataKey: string | undefined,
  art353: ScreeningFinding<string>[],
  criteria: ScreeningFinding<string>[],
  claimed: ClaimedExemption[],
  keys: ReadonlyMap<ExemptionId, { claimKey?: string; motivationKey?: string }>,
): AnswerError[] {
  const missing: AnswerError[] = [];
  if (personalDataKey && personalData === 'obesvarad') missing.push({ field: personalDataKey, message: 'Ange om personuppgifter behandlas.' });
  for (const finding of [...art353, ...criteria]) {
    for (const question of finding.questions) {
      if (question.answer === 'obesvarad') missing.push({ field: question.field, message: `Obesvarad fråga om ${finding.label.toLowerCase()}.` });
    }
  }
  for (const exemption of claimed) {
    if (exemption.motivation === null) {
      missing.push({ field: keys.get(exemption.id)?.motivationKey ?? keys.get(exemption.id)?.claimKey ?? exemption.id, message: `Motivera undantaget: ${exemption.label}.` });
    }
  }
  return missing;
}

function names(findings: readonly { label: string; answer: TriState }[], answer: TriState): string[] {
  return findings.filter((finding) => finding.answer === answer).map((finding) => finding.label);
}

/** Swedish sentences for the UI and the protocol: the outcome, why, and what remains to be done. */
function explain(result: ScreeningResult, personalData: TriState): string[] {
  const lines = [`Utfall: ${result.outcomeLabel}. ${result.summary}`];
  lines.push(...result.firedRules.map((rule, position) => (position === 0 ? `Avgörande regel: ${rule.text}` : `Dessutom: ${rule.text}`)));
  if (result.outcome === 'inte-tillamplig') return lines;
  const numbered = result.criteria.map((finding) => ({ ...finding, label: `${finding.number} ${finding.label.toLowerCase()}` }));
  const sections: [string, string[]][] = [
    ['Fall i artikel 35.3', names(result.art353, 'ja')],
    ['Osäkra fall i artikel 35.3', names(result.art353, 'osaker')],
    ['Uppfyllda kriterier', names(numbered, 'ja')],
    ['Osäkra kriterier', names(numbered, 'osaker')],
  ];
  for (const [title, list] of sections) if (list.length > 0) lines.push(`${title}: ${list.join('; ')}.`);
  if (personalData === 'osaker') lines.push('Det är osäkert om personuppgifter behandlas; bedömningen utgår från att de gör det.');
  for (const exemption of result.exemptions) {
    lines.push(`Undantag åberopas: ${exemption.label}. Dataskyddsombudet måste ta ställning; undantaget tillämpas inte automatiskt.`);
  }
  if (result.dsoDecisionNeeded) lines.push(`Utfallet ${result.outcomeLabel.toLowerCase()} står kvar tills dataskyddsombudet har beslutat om undantaget.`);
  if (result.missing.length > 0) lines.push(`${result.missing.length} svar saknas innan bedömningen är komplett.`);
  return lines;
}
