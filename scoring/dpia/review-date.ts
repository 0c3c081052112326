import type { RiskModel } from '../content/dpia-risk-model';
import type { OverallLevel, ReviewSuggestion } from './assessment-types';
import { levelById } from './risk-matrix';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})/;

/** Adds calendar months to an ISO date, clamping to the month's last day (31 jan + 1 month = 28/29 feb). */
export function addMonths(date: string, months: number): string | null {
  const match = isoDate.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Number.isNaN(target.getTime()) ? null : target.toISOString().slice(0, 10);
}

/**
 * When the DPIA should be reviewed, from the residual level (or the current one while residual is unrated).
 * With no level at all, the shortest interval of the model: an unknown risk is not a low one.
 */
export function suggestReview(model: RiskModel, residual: OverallLevel | null, current: OverallLevel | null, from: string | null): ReviewSuggestion {
  const basis = residual?.level ?? current?.level ?? null;
  const rule = basis ? model.review.rules.find((candidate) => basis.rank >= (levelById(model, candidate.fromLevel)?.rank ?? Infinity)) : undefined;
  const shortest = Math.min(model.review.otherwiseMonths, ...model.review.rules.map((candidate) => candidate.months));
  const months = basis ? (rule?.months ?? model.review.otherwiseMonths) : shortest;
  const date = from ? addMonths(from, months) : null;
  const reason = basis
    ? `${residual ? 'den kvarstående' : 'den nuvarande'} risknivån är ${basis.label}`
    : 'ingen risk är bedömd ännu';
  return {
    months,
    basedOn: basis,
    from,
    date,
    explanation: `Omprövning föreslås efter ${months} månader${date ? `, senast ${date}` : ''}, eftersom ${reason}. Gör om bedömningen tidigare om kategorierna av uppgifter, personuppgiftsbiträdena eller landet där uppgifterna lagras ändras (artikel 35.11).`,
  };
}
