import type { PlanItemStatus } from '../db/schema';
import type { PlanLine } from '../protocols/protocol-types';
import type { Content } from './doc-types';
import { dataTable, heading, swedishDate, text } from './layout';

export const planStatusText: Record<PlanItemStatus, string> = {
  ej_bedomd: 'Ej bedömt',
  uppfyllt: 'Uppfyllt',
  delvis_uppfyllt: 'Delvis uppfyllt',
  ej_uppfyllt: 'Ej uppfyllt',
  ej_tillampligt: 'Ej tillämpligt',
  risk_accepterad: 'Risk accepterad',
};

/** The action plan as it stood at the decision: what, why, status, who and when. */
export function planSection(plan: PlanLine[], stoppedReason: string | null, title: string): Content[] {
  if (stoppedReason) return [heading(title), { text: stoppedReason, style: 'note' }];
  if (plan.length === 0) return [heading(title), { text: 'Handlingsplanen är tom.', style: 'note' }];
  return [
    heading(title),
    dataTable(
      ['*', '*', 'auto', 'auto', 'auto'],
      ['Krav eller åtgärd', 'Varför', 'Status', 'Ansvarig', 'Datum'],
      plan.map((line) => [
        { stack: [{ text: line.title, bold: true }, ...(line.hur ? [{ text: `Hur: ${line.hur}`, fontSize: 7.5, color: '#5a5a5a' }] : [])] },
        { text: line.why, fontSize: 7.5 },
        // A status and a date are short: kept on one line, the wide columns give way instead.
        { text: planStatusText[line.status], noWrap: true },
        text(line.ansvarig),
        { text: line.date ? swedishDate(line.date) : '–', noWrap: true },
      ]),
    ),
  ];
}
