import type { RequirementReason } from '../../scoring/classification/action-plan';
import type { Control, ControlSet } from '../../scoring/content/control-set';
import type { PlanItemStatus } from '../db/schema';
import { planStatuses } from '../../scoring/enumerations';

/** A requirement of one asset's fastställd plan, with the status its plan item has today. */
export interface SoaRequirement {
  id: string;
  title: string;
  iso27002: readonly string[];
  reasons: readonly RequirementReason[];
  status: PlanItemStatus;
}

export interface SoaAssetPlan {
  assetId: string;
  requirements: readonly SoaRequirement[];
}

export type SoaReason = { kind: 'baseline' } | { kind: 'aspect'; aspect: string; threshold: number } | { kind: 'lagrum'; name: string };

/** How far a control is in place across the assets it applies to. */
export type Implementation = 'infort' | 'delvis_infort' | 'ej_infort' | 'ej_bedomd' | 'ej_tillampligt';

export interface SoaRow {
  control: Control;
  applicable: boolean;
  /** Assets whose fastställd plan has a requirement under the control. */
  assets: number;
  requirements: { id: string; title: string; assets: number }[];
  /** Why it applies, once each: a baseline requirement, an aspect from a level, a lagrum ticked. */
  reasons: SoaReason[];
  statusCounts: Record<PlanItemStatus, number>;
  implementation: Implementation | null;
  /** The ISAM's own words, for any control; required for an exclusion. */
  justification: string | null;
  /** Why an excluded control does not apply, as far as the plans show: no plan asks for it, or no requirement names it. */
  exclusionBasis: 'no-plan-requires' | 'not-in-catalog' | null;
}

export interface SoaSummary {
  controls: number;
  applicable: number;
  excluded: number;
  excludedWithoutJustification: number;
  assets: number;
}

const zeroCounts = (): Record<PlanItemStatus, number> => Object.fromEntries(planStatuses.map((status) => [status, 0])) as Record<PlanItemStatus, number>;

function soaReason(reason: RequirementReason): SoaReason {
  if (reason.kind === 'baseline') return { kind: 'baseline' };
  if (reason.kind === 'aspect') return { kind: 'aspect', aspect: reason.aspect, threshold: reason.threshold };
  return { kind: 'lagrum', name: reason.lagrum.name };
}

/** Items judged not applicable on an asset leave the count; the rest decide how far the control is in place. */
function implementationOf(counts: Record<PlanItemStatus, number>): Implementation {
  const judged = planStatuses.filter((status) => status !== 'ej_tillampligt').reduce((total, status) => total + counts[status], 0);
  if (judged === 0) return 'ej_tillampligt';
  if (counts.uppfyllt === judged) return 'infort';
  if (counts.uppfyllt + counts.delvis_uppfyllt > 0) return 'delvis_infort';
  if (counts.ej_bedomd === judged) return 'ej_bedomd';
  return 'ej_infort';
}

/**
 * The statement of applicability (ISO/IEC 27001, 6.1.3 d): every control of the set, applicable
 * when some asset's fastställd plan has a requirement under it, with why, how far it is in place,
 * and for an exclusion the justification. `catalogControls` are the controls any requirement of the
 * catalogs in use names, to tell "no plan asks for it" from "no requirement covers it".
 */
export function statementOfApplicability(
  controlSet: ControlSet,
  plans: readonly SoaAssetPlan[],
  catalogControls: ReadonlySet<string>,
  justifications: ReadonlyMap<string, string>,
): { rows: SoaRow[]; summary: SoaSummary } {
  const rows = controlSet.controls.map((control): SoaRow => {
    const requirements = new Map<string, { id: string; title: string; assets: Set<string> }>();
    const reasons = new Map<string, SoaReason>();
    const assets = new Set<string>();
    const statusCounts = zeroCounts();
    for (const plan of plans) {
      for (const requirement of plan.requirements) {
        if (!requirement.iso27002.includes(control.id)) continue;
        assets.add(plan.assetId);
        const entry = requirements.get(requirement.id) ?? { id: requirement.id, title: requirement.title, assets: new Set<string>() };
        entry.assets.add(plan.assetId);
        requirements.set(requirement.id, entry);
        for (const reason of requirement.reasons) {
          const why = soaReason(reason);
          reasons.set(JSON.stringify(why), why);
        }
        statusCounts[requirement.status] += 1;
      }
    }
    const applicable = assets.size > 0;
    return {
      control,
      applicable,
      assets: assets.size,
      requirements: [...requirements.values()].map((entry) => ({ id: entry.id, title: entry.title, assets: entry.assets.size })),
      reasons: [...reasons.values()],
      statusCounts,
      implementation: applicable ? implementationOf(statusCounts) : null,
      justification: justifications.get(control.id) ?? null,
      exclusionBasis: applicable ? null : catalogControls.has(control.id) ? 'no-plan-requires' : 'not-in-catalog',
    };
  });
  const excluded = rows.filter((row) => !row.applicable);
  return {
    rows,
    summary: {
      controls: rows.length,
      applicable: rows.length - excluded.length,
      excluded: excluded.length,
      excludedWithoutJustification: excluded.filter((row) => row.justification === null).length,
      assets: plans.length,
    },
  };
}
