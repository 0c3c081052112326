import type { AssessedRisk, RatedState } from '../../scoring/dpia/assessment-types';
import type { RiskMatrix } from '../protocols/protocol-types';
import type { Content } from './doc-types';
import { colours } from './layout';

/** Light fills by rank, lowest first; the level name is printed too, so colour is never the only cue. */
const fills = ['#e3f0dc', '#fff1b8', '#f9c98f', '#ee9a90'];

/**
 * The number of each risk in scope, as the workshop numbers them (1, 2, 3 … over the risks in scope,
 * in the form's order): a risk that is not applicable has none, so the PDF and the UI agree.
 */
export function riskNumbers(risks: readonly Pick<AssessedRisk, 'id' | 'inScope'>[]): Map<string, number> {
  return new Map(risks.filter((risk) => risk.inScope).map((risk, index) => [risk.id, index + 1]));
}

/**
 * The 4×4 risk map of one state: severity up, likelihood across, each cell shaded by its level
 * and naming the risks that sit in it.
 */
export function riskMap(matrix: RiskMatrix, risks: AssessedRisk[], state: 'current' | 'residual', title: string): Content {
  const rankOf = (id: string) => Math.max(0, matrix.levels.findIndex((level) => level.id === id));
  const labelOf = (id: string) => matrix.levels.find((level) => level.id === id)?.label ?? id;
  const numbers = riskNumbers(risks);
  const placed = (severity: number, likelihood: number) =>
    risks
      .filter((risk) => {
        const rated: RatedState | null = risk[state];
        return risk.inScope && rated?.severity.value === severity && rated.likelihood.value === likelihood;
      })
      .map((risk) => String(numbers.get(risk.id)))
      .join(' ');
  const rows = [...matrix.cells].sort((a, b) => b.severity - a.severity);
  const body = rows.map((row) => {
    const severity = matrix.severity.find((step) => step.value === row.severity);
    return [
      { text: `${row.severity} ${severity?.label ?? ''}`, fontSize: 7, bold: true },
      ...row.levels.map((levelId, column) => {
        const likelihood = matrix.likelihood[column]?.value ?? column + 1;
        return { stack: [{ text: placed(row.severity, likelihood) || ' ', bold: true, fontSize: 8 }, { text: labelOf(levelId), fontSize: 6, color: colours.muted }], fillColor: fills[Math.min(rankOf(levelId), fills.length - 1)], alignment: 'center' };
      }),
    ];
  });
  const footer = [
    { text: 'Allvarlighet ↑ / Sannolikhet →', fontSize: 6, color: colours.muted },
    // Number and name on lines of their own: a narrow cell would otherwise break the name mid-word.
    ...matrix.likelihood.map((step) => ({ stack: [{ text: String(step.value), fontSize: 7, bold: true }, { text: step.label, fontSize: 6 }], alignment: 'center' })),
  ];
  return {
    unbreakable: true,
    stack: [
      { text: title, bold: true, fontSize: 9, margin: [0, 0, 0, 3] },
      {
        // Two maps stand side by side on A4 (≈240 pt each with the gap): narrow cells and padding keep them inside.
        table: { widths: [46, 40, 40, 40, 40], heights: (row: number) => (row < rows.length ? 30 : 12), body: [...body, footer] },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => '#ffffff', vLineColor: () => '#ffffff', paddingLeft: () => 2, paddingRight: () => 2 },
      },
    ],
  };
}
