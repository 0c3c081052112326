import type { Requirement, RequirementCatalog, RequirementTheme } from '../content/requirement-catalog';
import type { Classification, ContentRef, LagrumRef, LevelValue, ProfileAspect } from './classification-types';

/** Why a requirement is in the plan; each reason carries a Swedish sentence for the protocol. */
export type RequirementReason =
  | { kind: 'baseline'; text: string }
  | { kind: 'aspect'; aspect: string; level: LevelValue; threshold: number; text: string }
  | { kind: 'lagrum'; lagrum: LagrumRef; text: string };

export interface LevelText {
  aspect: string;
  /** The level the text is written for (the highest at or below the profile's level). */
  level: number;
  arText: string;
  skaText: string;
}

export interface PlanRequirement {
  id: string;
  version: number;
  title: string;
  theme: RequirementTheme;
  iso27002: string[];
  legalReferences: string[];
  arText: string;
  skaText: string;
  /** The stronger text for the level reached, where the control grows with the level. */
  levelText: LevelText | null;
  /** How the requirement is typically met, from catalog versions that give guidance; null in those that do not. */
  guidance: string | null;
  reasons: RequirementReason[];
}

export interface ActionPlan {
  catalog: ContentRef;
  profileText: string;
  /** "stopped" when a level outside the catalog (säkerhetsskydd) was reached: then no requirements. */
  status: 'generated' | 'stopped';
  stoppedReason: string | null;
  requirements: PlanRequirement[];
}

/**
 * What an assessment keeps of its plan: which requirements, not their texts (those live in the
 * catalog and in the plan items), so the stored and returned result stays small.
 */
export interface ActionPlanSummary extends Omit<ActionPlan, 'requirements'> {
  requirements: Pick<PlanRequirement, 'id' | 'version' | 'title'>[];
}

export function summariseActionPlan(plan: ActionPlan): ActionPlanSummary {
  return { ...plan, requirements: plan.requirements.map(({ id, version, title }) => ({ id, version, title })) };
}

function reasonsFor(requirement: Requirement, profile: ReadonlyMap<string, ProfileAspect>, lagrum: readonly LagrumRef[]): RequirementReason[] {
  const reasons: RequirementReason[] = [];
  if (requirement.baseline === true) reasons.push({ kind: 'baseline', text: 'Grundkrav: gäller alltid.' });
  for (const [aspect, threshold] of Object.entries(requirement.minLevels ?? {})) {
    const level = profile.get(aspect)?.level;
    if (level && level.level >= threshold) {
      reasons.push({ kind: 'aspect', aspect, level, threshold, text: `${level.label} når kravets nivå ${aspect}${threshold}.` });
    }
  }
  for (const id of requirement.lagrum ?? []) {
    const ticked = lagrum.find((entry) => entry.id === id);
    if (ticked) reasons.push({ kind: 'lagrum', lagrum: ticked, text: `Lagrum: ${ticked.name}.` });
  }
  return reasons;
}

function levelTextFor(requirement: Requirement, profile: ReadonlyMap<string, ProfileAspect>): LevelText | null {
  if (!requirement.byLevel) return null;
  const { aspect, texts } = requirement.byLevel;
  const reached = profile.get(aspect)?.level?.level;
  if (reached === undefined) return null;
  let best: LevelText | null = null;
  for (const entry of texts) {
    if (entry.level <= reached && (best === null || entry.level > best.level)) {
      best = { aspect, level: entry.level, arText: entry.arText, skaText: entry.skaText };
    }
  }
  return best;
}

/**
 * The requirements that apply to a classified object, each with every reason it applies
 * (baseline, an aspect at or above the requirement's level, a ticked lagrum) and the text for the
 * level reached. A level outside the catalog anywhere stops generation and says why.
 */
export function buildActionPlan(catalog: RequirementCatalog, classification: Classification): ActionPlan {
  const base = { catalog: { id: catalog.meta.id, version: catalog.meta.version }, profileText: classification.profile.text };
  if (classification.flags.sarskildAnalys.value) {
    return {
      ...base,
      status: 'stopped',
      stoppedReason: `Inga krav tas fram: ${classification.flags.sarskildAnalys.reason} Kravkatalogen gäller inte på den nivån.`,
      requirements: [],
    };
  }
  const profile = new Map(classification.profile.aspects.map((aspect) => [aspect.aspect, aspect]));
  const requirements = catalog.requirements.flatMap((requirement): PlanRequirement[] => {
    const reasons = reasonsFor(requirement, profile, classification.lagrum);
    if (reasons.length === 0) return [];
    return [
      {
        id: requirement.id,
        version: requirement.version,
        title: requirement.title,
        theme: requirement.theme,
        iso27002: [...requirement.iso27002],
        legalReferences: [...(requirement.legalReferences ?? [])],
        arText: requirement.arText,
        skaText: requirement.skaText,
        levelText: levelTextFor(requirement, profile),
        guidance: requirement.guidance ?? null,
        reasons,
      },
    ];
  });
  return { ...base, status: 'generated', stoppedReason: null, requirements };
}
