import { type ActionPlanSummary, buildActionPlan } from '../../scoring/classification/action-plan';
import type { Classification } from '../../scoring/classification/classification-types';
import { classify } from '../../scoring/classification/classify';
import { assessDpia } from '../../scoring/dpia/assess-dpia';
import type { DpiaAssessment } from '../../scoring/dpia/assessment-types';
import { type ScreeningResult, screenDpia } from '../../scoring/dpia/screen-dpia';
import type { Answers, AssessmentKind } from '../contract/api-types';
import type { WorkshopContent } from './workshop-content';

/** A result as the server stores it per kind; the preview computes the very same shape. */
export type ResultView =
  | { kind: 'classification'; classification: Classification; actionPlan: ActionPlanSummary | null }
  | { kind: 'dpia-screening'; screening: ScreeningResult }
  | { kind: 'dpia'; dpia: DpiaAssessment };

/** The server's stored result, read as the view for its kind; null before the first save. */
export function storedResult(kind: AssessmentKind, result: Record<string, unknown> | null): ResultView | null {
  if (!result) return null;
  if (kind === 'classification') {
    const classification = result['classification'] as Classification | undefined;
    return classification ? { kind, classification, actionPlan: (result['actionPlan'] as ActionPlanSummary | undefined) ?? null } : null;
  }
  if (kind === 'dpia-screening') return { kind, screening: result as unknown as ScreeningResult };
  return { kind, dpia: result as unknown as DpiaAssessment };
}

/** Scores the answers in the browser with scoring/, exactly as the server will after the save. */
export function previewResult(kind: AssessmentKind, content: WorkshopContent, answers: Answers, today: string): ResultView | null {
  if (kind === 'classification') {
    if (!content.model) return null;
    const outcome = classify(content.model, content.form, answers, content.lagrum);
    if (!outcome.ok) return null;
    const actionPlan = content.catalog ? buildActionPlan(content.catalog, outcome.classification) : null;
    return { kind, classification: outcome.classification, actionPlan };
  }
  if (kind === 'dpia-screening') {
    const outcome = screenDpia(content.form, answers);
    return outcome.ok ? { kind, screening: outcome.result } : null;
  }
  if (!content.riskModel) return null;
  const outcome = assessDpia(content.form, content.riskModel, answers, { today });
  return outcome.ok ? { kind, dpia: outcome.result } : null;
}
