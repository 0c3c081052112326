import type { RiskModel } from '../content/dpia-risk-model';
import { asArray } from '../survey/survey-json';
import type { Answers } from '../survey/validate-answers';
import type { RiskPanelIndex } from './assessment-form';
import type { AssessedRisk, OverallLevel, PriorConsultation, RatedState } from './assessment-types';
import { highestLevel, levelById, riskLevel, scaleLabel } from './risk-matrix';
import { answerText } from './survey-text';
import type { DpiaField } from './vocabulary';

type State = 'current' | 'residual';

const stateFields: Record<State, { severity: DpiaField; likelihood: DpiaField }> = {
  current: { severity: 'severity-current', likelihood: 'likelihood-current' },
  residual: { severity: 'severity-residual', likelihood: 'likelihood-residual' },
};

function fieldValue(risk: RiskPanelIndex, field: DpiaField, answers: Answers): unknown {
  const question = risk.fields[field];
  return question ? answers[question.name] : undefined;
}

function rate(model: RiskModel, risk: RiskPanelIndex, state: State, answers: Answers): RatedState | null {
  const fields = stateFields[state];
  const severity = Number(fieldValue(risk, fields.severity, answers));
  const likelihood = Number(fieldValue(risk, fields.likelihood, answers));
  const level = riskLevel(model, severity, likelihood);
  if (!level) return null;
  return {
    severity: { value: severity, label: scaleLabel(model, 'severity', severity)! },
    likelihood: { value: likelihood, label: scaleLabel(model, 'likelihood', likelihood)! },
    level,
    justification: {
      severity: answerText(fieldValue(risk, `${fields.severity}-justification` as DpiaField, answers)),
      likelihood: answerText(fieldValue(risk, `${fields.likelihood}-justification` as DpiaField, answers)),
    },
  };
}

export function assessRisks(
  model: RiskModel,
  risks: readonly RiskPanelIndex[],
  selected: unknown,
  answers: Answers,
  measuresByRisk: ReadonlyMap<string, string[]>,
): AssessedRisk[] {
  const chosen = asArray(selected);
  return risks.map((risk) => ({
    id: risk.id,
    kind: risk.kind,
    title: risk.title,
    inScope: risk.kind === 'feared-event' || chosen.includes(risk.id),
    current: rate(model, risk, 'current', answers),
    residual: rate(model, risk, 'residual', answers),
    measures: measuresByRisk.get(risk.id) ?? [],
  }));
}

/** The highest level among the risks in scope, never an average; null until one is rated. */
export function overallLevel(risks: readonly AssessedRisk[], state: State): OverallLevel | null {
  const inScope = risks.filter((risk) => risk.inScope);
  const level = highestLevel(inScope.map((risk) => risk[state]?.level));
  if (!level) return null;
  return {
    level,
    risks: inScope.filter((risk) => risk[state]?.level.id === level.id).map((risk) => risk.id),
    complete: inScope.every((risk) => risk[state] !== null),
  };
}

/** Art. 36: a residual risk at or above the model's threshold needs IMY's view before processing starts. */
export function priorConsultation(model: RiskModel, risks: readonly AssessedRisk[]): PriorConsultation {
  const threshold = levelById(model, model.priorConsultationFromLevel)!;
  const high = risks.filter((risk) => risk.inScope && risk.residual && risk.residual.level.rank >= threshold.rank);
  const required = high.length > 0;
  const names = high.map((risk) => `${risk.title} (${risk.residual!.level.label})`).join(', ');
  return {
    required,
    threshold,
    risks: high.map((risk) => risk.id),
    explanation: required
      ? `Förhandssamråd med IMY krävs enligt artikel 36 om inte fler åtgärder vidtas: kvarstående risk är ${threshold.label} eller högre för ${names}. Samrådet ska ske innan behandlingen påbörjas; IMY svarar inom åtta veckor, med möjlig förlängning om sex veckor.`
      : `Inget förhandssamråd med IMY krävs: ingen kvarstående risk når nivån ${threshold.label}.`,
  };
}
