import type { RiskModel } from '../content/dpia-risk-model';

/** A level of the risk model as results carry it: id for code, label for people, rank for ordering. */
export interface RiskLevelRef {
  id: string;
  label: string;
  /** 0 for the lowest level of the model. */
  rank: number;
}

export function levelById(model: RiskModel, id: string): RiskLevelRef | undefined {
  const rank = model.levels.findIndex((level) => level.id === id);
  const level = model.levels[rank];
  return level ? { id: level.id, label: level.label, rank } : undefined;
}

/** The matrix cell for a severity and a likelihood; undefined when either is not on its scale. */
export function riskLevel(model: RiskModel, severity: number, likelihood: number): RiskLevelRef | undefined {
  const row = model.matrix.find((candidate) => candidate.severity === severity);
  const column = model.likelihood.steps.findIndex((step) => step.value === likelihood);
  const id = column >= 0 ? row?.levels[column] : undefined;
  return id === undefined ? undefined : levelById(model, id);
}

/** The overall level is the highest one, never an average: one serious risk is not diluted by mild ones. */
export function highestLevel(levels: readonly (RiskLevelRef | undefined)[]): RiskLevelRef | undefined {
  let highest: RiskLevelRef | undefined;
  for (const level of levels) if (level && (!highest || level.rank > highest.rank)) highest = level;
  return highest;
}

export function scaleLabel(model: RiskModel, scale: 'severity' | 'likelihood', value: number): string | undefined {
  return model[scale].steps.find((step) => step.value === value)?.label;
}
