import type { RequirementTheme } from '../content/requirement-catalog';
import type { ActionPlan } from './action-plan';

export interface ProcurementRequirement {
  id: string;
  version: number;
  title: string;
  theme: RequirementTheme;
  iso27002: string[];
  /** The SKA-krav, with the level's stronger SKA text appended where there is one. */
  text: string;
  /** Why it is asked for, in one line, for the procurement's reader. */
  basis: string;
}

export interface ProcurementRequirements {
  catalog: ActionPlan['catalog'];
  profileText: string;
  status: ActionPlan['status'];
  stoppedReason: string | null;
  requirements: ProcurementRequirement[];
}

/** The action plan's requirements phrased as SKA-krav, for a procurement. */
export function procurementRequirements(plan: ActionPlan): ProcurementRequirements {
  return {
    catalog: plan.catalog,
    profileText: plan.profileText,
    status: plan.status,
    stoppedReason: plan.stoppedReason,
    requirements: plan.requirements.map((requirement) => ({
      id: requirement.id,
      version: requirement.version,
      title: requirement.title,
      theme: requirement.theme,
      iso27002: requirement.iso27002,
      text: requirement.levelText ? `${requirement.skaText} ${requirement.levelText.skaText}` : requirement.skaText,
      basis: requirement.reasons.map((reason) => reason.text).join(' '),
    })),
  };
}
