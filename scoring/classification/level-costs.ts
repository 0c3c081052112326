import type { ClassificationModel } from '../content/classification-model';
import type { RequirementCatalog } from '../content/requirement-catalog';
import { buildActionPlan } from './action-plan';
import type { Classification } from './classification-types';
import { levelValue } from './levels';

export interface LevelCost {
  level: number;
  /** The plan's size were the aspect at this level and every other aspect as it is. */
  requirements: number;
  /** What this level adds to the one below it: what the choice costs the room. */
  adds: number;
}

/** The classification with one aspect of the object's profile set to a level, for asking the plan "what if". */
function withAspectAt(model: ClassificationModel, classification: Classification, aspect: string, level: number): Classification {
  const aspects = classification.profile.aspects.map((entry) => (entry.aspect === aspect ? { ...entry, level: levelValue(model, aspect, level) } : entry));
  return { ...classification, profile: { ...classification.profile, aspects } };
}

/**
 * For each aspect and each level the workshop can rate, how many requirements the plan would hold
 * and how many that level adds, the rest of the profile and the ticked lagrum unchanged. The plan
 * itself answers, so the count follows the catalog's one applicability rule. Empty when the plan is
 * stopped (säkerhetsskydd): then no level adds anything.
 */
export function levelCosts(model: ClassificationModel, catalog: RequirementCatalog, classification: Classification): Map<string, LevelCost[]> {
  const costs = new Map<string, LevelCost[]>();
  if (classification.flags.sarskildAnalys.value) return costs;
  const ratable = model.scale.levels.filter((level) => level.specialAnalysis !== true).map((level) => level.level);
  for (const { aspect } of classification.profile.aspects) {
    let below: number | null = null;
    const perLevel = ratable.map((level): LevelCost => {
      const requirements = buildActionPlan(catalog, withAspectAt(model, classification, aspect, level)).requirements.length;
      const adds = below === null ? 0 : requirements - below;
      below = requirements;
      return { level, requirements, adds };
    });
    costs.set(aspect, perLevel);
  }
  return costs;
}
