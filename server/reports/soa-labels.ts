import type { Implementation, SoaReason, SoaRow } from './soa-rows';

export const implementationNames: Record<Implementation, string> = {
  infort: 'Införd',
  delvis_infort: 'Delvis införd',
  ej_infort: 'Ej införd',
  ej_bedomd: 'Ej bedömd',
  ej_tillampligt: 'Ej tillämplig på objekten',
};

export const exclusionBasisNames: Record<NonNullable<SoaRow['exclusionBasis']>, string> = {
  'no-plan-requires': 'Inget fastställt objekt har ett krav under åtgärden.',
  'not-in-catalog': 'Kravkatalogen har inget krav under åtgärden.',
};

/** A reason in Swedish; no-break spaces keep "R ≥ 2" on one line. */
export function reasonText(reason: SoaReason): string {
  if (reason.kind === 'baseline') return 'Grundkrav';
  if (reason.kind === 'aspect') return `${reason.aspect}\u00a0≥\u00a0${reason.threshold}`;
  return `Lagrum: ${reason.name}`;
}

/** Applies or not, in words, as the PDF and the workbook say it. */
export function applicabilityText(row: SoaRow): string {
  return row.applicable ? 'Tillämplig' : 'Ej tillämplig';
}

/** Why: the reasons the plans give, or for an exclusion what the plans show followed by the ISAM's justification. */
export function whyText(row: SoaRow): string {
  if (row.applicable) return `Krav i handlingsplanen för ${row.assets} objekt: ${row.requirements.map((requirement) => requirement.title).join('; ')} (${row.reasons.map(reasonText).join(', ')}).`;
  return [row.exclusionBasis ? exclusionBasisNames[row.exclusionBasis] : null, row.justification ?? 'Motivering saknas.'].filter(Boolean).join(' ');
}

/** The plan items under the control, counted by status: "Uppfyllt 3, Ej bedömd 2". */
export function statusCountText(row: SoaRow, names: Record<string, string>): string {
  return Object.entries(row.statusCounts)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${names[status] ?? status} ${count}`)
    .join(', ');
}
