import type { ClassificationModel } from '../content/classification-model';

export interface ThresholdAmount {
  level: number;
  /** The threshold as the model states it (a percentage, or kronor). */
  from: number;
  /** What it is in kronor for the owning organisation, rounded to whole kronor; null without a budget. */
  kronor: number | null;
}

export interface AreaThreshold {
  areaId: string;
  areaName: string;
  unit: 'procent' | 'kronor';
  basis: string;
  basisDefinition: string;
  amounts: ThresholdAmount[];
}

/** Each consequence area's numeric thresholds, with the kronor they mean for an owner with this annual budget. */
export function thresholdAmounts(model: ClassificationModel, annualBudgetSek: number | null): AreaThreshold[] {
  return model.consequenceAreas.flatMap((area) => {
    const threshold = area.threshold;
    if (!threshold) return [];
    const amounts = threshold.levels.map((entry) => {
      if (threshold.unit === 'kronor') return { level: entry.level, from: entry.from, kronor: entry.from };
      return { level: entry.level, from: entry.from, kronor: annualBudgetSek === null ? null : Math.round((annualBudgetSek * entry.from) / 100) };
    });
    return [{ areaId: area.id, areaName: area.name, unit: threshold.unit, basis: threshold.basis, basisDefinition: threshold.basisDefinition, amounts }];
  });
}
