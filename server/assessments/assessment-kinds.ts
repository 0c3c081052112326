import type { AssessmentKind } from '../db/schema';
import type { FormRegistry } from '../forms/form-registry';
import type { LoadedForm } from '../forms/load-forms';
import { scoreClassification } from './score-classification';
import { scoreDpia, scoreDpiaScreening } from './score-dpia';
import type { ScoreOutcome } from './scored-assessment';

export interface AssessmentKindDefinition {
  /** The questionnaire a new assessment of this kind starts on (its newest version). */
  formId: string;
  score(registry: FormRegistry, form: LoadedForm, answers: unknown): ScoreOutcome;
  /** Where its action plan items live; null when the kind makes no plan. */
  planSource: 'classification' | 'dpia' | null;
}

export const assessmentKinds: Record<AssessmentKind, AssessmentKindDefinition> = {
  classification: { formId: 'informationsklassning', score: scoreClassification, planSource: 'classification' },
  'dpia-screening': { formId: 'dpia-forhandsbedomning', score: scoreDpiaScreening, planSource: null },
  dpia: { formId: 'konsekvensbedomning', score: scoreDpia, planSource: 'dpia' },
};

export const assessmentKindNames = Object.keys(assessmentKinds) as AssessmentKind[];
