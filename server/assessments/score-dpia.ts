import { assessDpia } from '../../scoring/dpia/assess-dpia';
import type { ActionItem } from '../../scoring/dpia/assessment-types';
import { screenDpia } from '../../scoring/dpia/screen-dpia';
import { measureStatuses } from '../../scoring/dpia/vocabulary';
import type { FormRegistry } from '../forms/form-registry';
import type { LoadedForm } from '../forms/load-forms';
import { contentAs } from '../forms/typed-content';
import type { PlanEntry, ScoreOutcome } from './scored-assessment';
import { usedContent } from './used-content';

/** Screening: the outcome and its reasons; it has no action plan of its own. */
export function scoreDpiaScreening(_registry: FormRegistry, form: LoadedForm, answers: unknown): ScoreOutcome {
  const outcome = screenDpia(contentAs(form, 'questionnaire'), answers);
  if (!outcome.ok) return outcome;
  const { result } = outcome;
  return { ok: true, scored: { result, complete: result.missing.length === 0, missing: result.missing, plan: [], summary: result.outcomeLabel } };
}

function planEntry(item: ActionItem): PlanEntry {
  const status = measureStatuses.find((entry) => entry.id === item.status)?.planStatus;
  return {
    sourceKey: item.field,
    title: item.title,
    detail: { source: item.source, reasons: [{ text: item.why }], risks: item.risks, principle: item.principle, owner: item.owner, due: item.due, blocksApproval: item.blocksApproval, measureStatus: item.status },
    ...(status ? { status } : {}),
  };
}

/** The DPIA itself: risk levels, art. 36, and its measures and Förbättringsbar points as the plan. */
export function scoreDpia(registry: FormRegistry, form: LoadedForm, answers: unknown, today = new Date().toISOString().slice(0, 10)): ScoreOutcome {
  const riskModel = usedContent(registry, form, 'dpia-risk-model');
  const outcome = assessDpia(contentAs(form, 'questionnaire'), riskModel, answers, { today });
  if (!outcome.ok) return outcome;
  const { result } = outcome;
  const residual = result.overall.residual;
  return {
    ok: true,
    scored: {
      result,
      complete: result.readyForDso,
      missing: result.missingBeforeDso,
      plan: result.actionPlan.map(planEntry),
      summary: residual ? `Kvarstående risk: ${residual.level.label}` : 'Risker ej bedömda',
    },
  };
}
