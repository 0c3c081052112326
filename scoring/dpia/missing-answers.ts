import { stringProperty } from '../survey/survey-json';
import type { AnswerError, Answers } from '../survey/validate-answers';
import type { AssessmentFormIndex } from './assessment-form';
import type { ActionItem, AssessedRisk, DecisionState, JudgedPrinciple } from './assessment-types';
import { isShown } from './simple-condition';
import { dpiaProperty } from './survey-properties';
import { localText } from './survey-text';
import type { DpiaRole } from './vocabulary';

/** Filled in by the DSO and the decision maker, after the author has sent the DPIA. */
const laterRoles: readonly DpiaRole[] = ['dso-advice', 'dso-advice-reasons', 'decision', 'decision-reasons', 'decision-date'];

function isEmpty(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() === '';
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

function title(json: Record<string, unknown>, key: string): string {
  return localText(json.title) ?? key;
}

/** Everything the author must fill in before the DPIA goes to the DSO, one entry per field. */
export function missingBeforeDso(
  index: AssessmentFormIndex,
  answers: Answers,
  risks: readonly AssessedRisk[],
  principles: readonly JudgedPrinciple[],
  plan: readonly ActionItem[],
): AnswerError[] {
  const missing: AnswerError[] = [];
  for (const question of index.general) {
    const role = stringProperty(question.json, dpiaProperty.role);
    if (laterRoles.some((later) => later === role) || question.json.isRequired !== true) continue;
    const shown = [...question.ancestors, question.json].every((element) => isShown(element.visibleIf, answers));
    if (shown && isEmpty(answers[question.key])) missing.push({ field: question.key, message: `Besvara: ${title(question.json, question.key)}` });
  }
  const principleMatrix = index.principles;
  if (principleMatrix) {
    const column = (field: 'judgement' | 'owner' | 'due') => principleMatrix.columns[field] ?? field;
    for (const principle of principles) {
      if (!principle.judgement) missing.push({ field: `${principleMatrix.key}.${principle.id}.${column('judgement')}`, message: `Bedöm: ${principle.label}` });
    }
    for (const item of plan.filter((entry) => entry.source === 'principle')) {
      if (!item.owner) missing.push({ field: `${item.field}.${column('owner')}`, message: `Ange ansvarig för åtgärden: ${item.title}` });
      if (!item.due) missing.push({ field: `${item.field}.${column('due')}`, message: `Ange datum för åtgärden: ${item.title}` });
    }
  }
  for (const risk of index.risks) {
    if (!risks.find((assessed) => assessed.id === risk.id)?.inScope) continue;
    for (const question of Object.values(risk.fields)) {
      if (question.isRequired === true && isEmpty(answers[question.name])) {
        missing.push({ field: question.name, message: `${risk.title}: ${title(question, question.name)}` });
      }
    }
  }
  const measures = index.measures;
  if (measures) {
    for (const item of plan.filter((entry) => entry.source === 'measure')) {
      const at = (field: 'measure' | 'owner' | 'due') => `${item.field}.${measures.columns[field] ?? field}`;
      if (item.title.endsWith('(namn saknas)')) missing.push({ field: at('measure'), message: 'Beskriv åtgärden.' });
      if (!item.owner) missing.push({ field: at('owner'), message: `Ange ansvarig för åtgärden: ${item.title}` });
      if (!item.due) missing.push({ field: at('due'), message: `Ange datum för åtgärden: ${item.title}` });
    }
  }
  return missing;
}

/** What the DSO and the decision maker must still write before the decision can be signed. */
export function missingBeforeDecision(index: AssessmentFormIndex, answers: Answers, decision: DecisionState): AnswerError[] {
  const missing: AnswerError[] = [];
  const need = (role: DpiaRole, when: boolean, message: string) => {
    const question = index.roles[role];
    if (question && when && isEmpty(answers[question.name])) missing.push({ field: question.name, message });
  };
  need('dso-advice', true, 'Dataskyddsombudets råd saknas.');
  need('dso-advice-reasons', true, 'Dataskyddsombudets skäl saknas.');
  need('decision', true, 'Beslutet saknas.');
  need('decision-date', true, 'Beslutsdatum saknas.');
  need('decision-reasons', decision.departsFromAdvice, 'Beslutet avviker från dataskyddsombudets råd och måste motiveras.');
  return missing;
}
