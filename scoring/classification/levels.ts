import type { ClassificationModel } from '../content/classification-model';
import type { LevelValue } from './classification-types';

/** A level with its name and label; a level not on the scale keeps its number as name so nothing is lost. */
export function levelValue(model: ClassificationModel, aspect: string, level: number): LevelValue {
  const name = model.scale.levels.find((entry) => entry.level === level)?.name ?? String(level);
  return { level, name, label: `${aspect}${level} ${name}` };
}

/** The higher of two levels, where null ("ej bedömd") is below every level. */
export function maxLevel(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** The level reached only through the säkerhetsskydd question, if the model has one. */
export function specialLevel(model: ClassificationModel): number | undefined {
  return model.scale.levels.find((entry) => entry.specialAnalysis === true)?.level;
}

export function isSpecialLevel(model: ClassificationModel, level: number | null): boolean {
  return level !== null && model.scale.levels.some((entry) => entry.level === level && entry.specialAnalysis === true);
}

/** Sorts by a text key in code-point order, so results never depend on a locale or on input order. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
