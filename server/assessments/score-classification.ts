import { type ActionPlan, buildActionPlan, type PlanRequirement, summariseActionPlan } from '../../scoring/classification/action-plan';
import type { RequirementCatalog } from '../../scoring/content/requirement-catalog';
import type { Classification } from '../../scoring/classification/classification-types';
import type { RequirementRef } from '../../scoring/classification/catalog-versions';
import { classify } from '../../scoring/classification/classify';
import type { FormRegistry } from '../forms/form-registry';
import type { LoadedForm } from '../forms/load-forms';
import { contentAs } from '../forms/typed-content';
import type { AssetProfile, PlanEntry, ScoreOutcome } from './scored-assessment';
import { optionalContent, usedContent } from './used-content';

function planEntry(requirement: PlanRequirement, replaces: RequirementRef[]): PlanEntry {
  return {
    sourceKey: requirement.id,
    title: requirement.title,
    requirement: { version: requirement.version, replaces },
    detail: {
      version: requirement.version,
      theme: requirement.theme,
      iso27002: requirement.iso27002,
      legalReferences: requirement.legalReferences,
      arText: requirement.arText,
      levelText: requirement.levelText,
      // Only where the catalog gives it, so items made with a catalog without guidance keep their detail as it was.
      ...(requirement.guidance === null ? {} : { guidance: requirement.guidance }),
      reasons: requirement.reasons,
    },
  };
}

/** The plan items' entries for a plan, each with the earlier requirements it replaces, so the sync carries their items. */
export function planEntries(catalog: RequirementCatalog, plan: ActionPlan): PlanEntry[] {
  const replaces = new Map(catalog.requirements.map((requirement) => [requirement.id, requirement.replaces ?? []]));
  return plan.requirements.map((requirement) => planEntry(requirement, replaces.get(requirement.id) ?? []));
}

function assetProfile(classification: Classification): AssetProfile {
  const level = (code: string) => classification.profile.aspects.find((aspect) => aspect.aspect === code)?.level?.level ?? null;
  return { K: level('K'), R: level('R'), T: level('T'), S: level('S') };
}

/** Classification: levels, flags and lagrum from classify(), the plan from buildActionPlan(). */
export function scoreClassification(registry: FormRegistry, form: LoadedForm, answers: unknown): ScoreOutcome {
  const model = usedContent(registry, form, 'classification-model');
  const catalog = usedContent(registry, form, 'requirement-catalog');
  const lagrum = optionalContent(registry, form, 'lagrum');
  const outcome = classify(model, contentAs(form, 'questionnaire'), answers, lagrum);
  if (!outcome.ok) return outcome;
  const { classification } = outcome;
  const plan = buildActionPlan(catalog, classification);
  return {
    ok: true,
    scored: {
      result: { classification, actionPlan: summariseActionPlan(plan) },
      complete: classification.completeness.complete,
      missing: classification.completeness.missing,
      plan: planEntries(catalog, plan),
      summary: classification.profile.text,
      profile: assetProfile(classification),
    },
  };
}
