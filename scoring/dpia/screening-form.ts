import { allQuestions, stringProperty, type SurveyJson } from '../survey/survey-json';
import { dpiaProperty } from './survey-properties';
import { art353Cases, exemptions, largeScaleFactors, wp248Criteria, type Art353CaseId, type CriterionId, type ExemptionId, type LargeScaleFactorId } from './vocabulary';

/** Where the screening rules find their answers in a screening form: read once per form, from its properties. */
export interface ScreeningFormIndex {
  personalDataKey: string | undefined;
  assetKey: string | undefined;
  art353: ReadonlyMap<Art353CaseId, readonly string[]>;
  criteria: ReadonlyMap<CriterionId, readonly string[]>;
  exemptions: ReadonlyMap<ExemptionId, { claimKey?: string; motivationKey?: string }>;
  /** The large-scale factor each criterion-5 question asks about; empty in a form (v1) that asks it as one yes. */
  scaleFactors: ReadonlyMap<string, LargeScaleFactorId>;
}

const cache = new WeakMap<SurveyJson, ScreeningFormIndex>();

function isOneOf<T extends string>(list: readonly { id: T }[], value: string | undefined): value is T {
  return value !== undefined && list.some((entry) => entry.id === value);
}

/** Indexes a screening form; the same form object is indexed once, as scoring runs on every autosave. */
export function screeningFormIndex(survey: SurveyJson): ScreeningFormIndex {
  const cached = cache.get(survey);
  if (cached) return cached;
  const art353 = new Map<Art353CaseId, string[]>();
  const criteria = new Map<CriterionId, string[]>();
  const claims = new Map<ExemptionId, { claimKey?: string; motivationKey?: string }>();
  const scaleFactors = new Map<string, LargeScaleFactorId>();
  let personalDataKey: string | undefined;
  let assetKey: string | undefined;
  for (const question of allQuestions(survey)) {
    const role = stringProperty(question.json, dpiaProperty.role);
    if (role === 'personal-data') personalDataKey ??= question.key;
    if (role === 'asset') assetKey ??= question.key;
    const art = stringProperty(question.json, dpiaProperty.art353);
    if (isOneOf(art353Cases, art)) art353.set(art, [...(art353.get(art) ?? []), question.key]);
    const criterion = stringProperty(question.json, dpiaProperty.criterion);
    if (isOneOf(wp248Criteria, criterion)) criteria.set(criterion, [...(criteria.get(criterion) ?? []), question.key]);
    const factor = stringProperty(question.json, dpiaProperty.scaleFactor);
    if (isOneOf(largeScaleFactors, factor)) scaleFactors.set(question.key, factor);
    const claim = stringProperty(question.json, dpiaProperty.exemption);
    if (isOneOf(exemptions, claim)) claims.set(claim, { ...claims.get(claim), claimKey: question.key });
    const motivation = stringProperty(question.json, dpiaProperty.exemptionMotivation);
    if (isOneOf(exemptions, motivation)) claims.set(motivation, { ...claims.get(motivation), motivationKey: question.key });
  }
  const index = { personalDataKey, assetKey, art353, criteria, exemptions: claims, scaleFactors };
  cache.set(survey, index);
  return index;
}
