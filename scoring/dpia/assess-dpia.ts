import type { RiskModel } from '../content/dpia-risk-model';
import { validateAnswers, type Answers } from '../survey/validate-answers';
import { assessmentFormIndex, type AssessmentFormIndex } from './assessment-form';
import { judgePrinciples, measureItems, measuresByRisk, principleItems } from './assess-plan';
import { assessRisks, overallLevel, priorConsultation } from './assess-risks';
import type { DpiaAssessment, DpiaAssessmentEvaluation } from './assessment-types';
import { decisionState } from './decision';
import { missingBeforeDecision, missingBeforeDso } from './missing-answers';
import { suggestReview } from './review-date';
import type { DpiaFormRef } from './screen-dpia';

export interface DpiaRiskModelRef {
  meta: { id: string; version: number };
  riskModel: RiskModel;
}

export interface AssessOptions {
  /** The date a review counts from when the form has no decision date yet (ISO date); the caller's "today". */
  today?: string;
}

function dateAnswer(index: AssessmentFormIndex, answers: Answers): string | null {
  const question = index.roles['decision-date'];
  const value = question ? answers[question.name] : undefined;
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/**
 * The konsekvensbedömning scored: each risk's level with existing measures and as residual risk,
 * the overall level per state, whether approval is blocked, whether IMY must be consulted (art. 36),
 * the action plan, the review date and what is still missing. Pure and deterministic.
 */
export function assessDpia(form: DpiaFormRef, model: DpiaRiskModelRef, rawAnswers: unknown, options: AssessOptions = {}): DpiaAssessmentEvaluation {
  const validation = validateAnswers(form.survey, rawAnswers);
  if (!validation.ok) return validation;
  const answers = validation.answers;
  const index = assessmentFormIndex(form.survey);
  const measures = measureItems(index.measures, answers);
  const selection = index.roles['risk-selection'];
  const risks = assessRisks(model.riskModel, index.risks, selection ? answers[selection.name] : undefined, answers, measuresByRisk(measures));
  const principles = judgePrinciples(index.principles, answers);
  const actionPlan = [...measures, ...principleItems(index.principles, principles, answers)];
  const overall = { current: overallLevel(risks, 'current'), residual: overallLevel(risks, 'residual') };
  const blocking = principles.filter((principle) => principle.judgement === 'att-korrigera');
  const decision = decisionState(index, answers);
  const viewsQuestion = index.roles['data-subject-views'];
  const views = viewsQuestion ? answers[viewsQuestion.name] : undefined;
  const missing = missingBeforeDso(index, answers, risks, principles, actionPlan);
  const result: DpiaAssessment = {
    form: { id: form.meta.id, version: form.meta.version },
    riskModel: { id: model.meta.id, version: model.meta.version },
    risks,
    overall,
    principles,
    approvalBlocked: blocking.length > 0,
    blockingPrinciples: blocking.map((principle) => principle.id),
    priorConsultation: priorConsultation(model.riskModel, risks),
    actionPlan,
    review: suggestReview(model.riskModel, overall.residual, overall.current, dateAnswer(index, answers) ?? options.today ?? null),
    dataSubjectViewsSought: views === 'ja' ? true : views === 'nej' ? false : null,
    decision,
    missingBeforeDso: missing,
    readyForDso: missing.length === 0,
    missingBeforeDecision: missingBeforeDecision(index, answers, decision),
    explanation: [],
  };
  result.explanation = explain(result, blocking.map((principle) => principle.label));
  return { ok: true, result };
}

/** Swedish sentences for the UI and the protocol, in the order a reader asks: how high, what blocks, what next. */
function explain(result: DpiaAssessment, blockingLabels: string[]): string[] {
  const lines: string[] = [];
  const title = (id: string) => result.risks.find((risk) => risk.id === id)?.title ?? id;
  for (const [state, name] of [['current', 'med befintliga åtgärder'], ['residual', 'efter planerade åtgärder']] as const) {
    const overall = result.overall[state];
    if (!overall) {
      lines.push(`Risknivå ${name}: ännu inte bedömd.`);
      continue;
    }
    const partial = overall.complete ? '' : ' Alla risker är inte bedömda, så nivån kan bli högre.';
    lines.push(`Risknivå ${name}: ${overall.level.label} (högsta risken, inget medelvärde), för ${overall.risks.map(title).join(', ')}.${partial}`);
  }
  lines.push(result.priorConsultation.explanation);
  if (result.approvalBlocked) {
    lines.push(`Behandlingen kan inte godkännas förrän detta är rättat: ${blockingLabels.join('; ')}. Principerna vägs inte mot risker.`);
  }
  const open = result.actionPlan.filter((item) => item.status !== 'genomford').length;
  if (result.actionPlan.length > 0) lines.push(`Handlingsplanen har ${result.actionPlan.length} åtgärder, varav ${open} inte är genomförda.`);
  if (result.decision.departsFromAdvice) lines.push('Beslutet avviker från dataskyddsombudets råd och ska motiveras.');
  lines.push(result.review.explanation);
  lines.push(stageLine(result));
  return lines;
}

/** Where the DPIA stands, said last: decided, advised, or (not) ready for the DSO. */
function stageLine(result: DpiaAssessment): string {
  const { decision } = result;
  if (decision.decisionLabel) return `Beslut fattat: ${decision.decisionLabel}.`;
  if (decision.adviceLabel) return `Dataskyddsombudet har lämnat sitt råd (${decision.adviceLabel.toLowerCase()}); beslutet återstår.`;
  return result.readyForDso
    ? 'Konsekvensbedömningen är komplett och kan skickas till dataskyddsombudet.'
    : `${result.missingBeforeDso.length} uppgifter saknas innan konsekvensbedömningen kan skickas till dataskyddsombudet.`;
}
