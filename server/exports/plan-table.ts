import type { PlanItem } from '../plans/plan-schemas';
import { planStatusNames, priorityNames } from '../reports/labels';
import type { ExportTable } from './export-table';

function reasons(item: PlanItem): string {
  const list = Array.isArray(item.detail.reasons) ? item.detail.reasons : [];
  return list.map((reason) => (typeof reason === 'object' && reason !== null && 'text' in reason ? String(reason.text) : '')).filter(Boolean).join(' ');
}

/** The catalog's guidance stored with the item; empty for a DPIA measure and for catalog versions without guidance. */
const guidance = (item: PlanItem): string | null => (typeof item.detail.guidance === 'string' ? item.detail.guidance : null);

/** An asset's action plan: every applicable requirement with its självskattning and follow-up. */
export function planTable(items: readonly PlanItem[]): ExportTable {
  return {
    sheet: 'Handlingsplan',
    header: ['Id', 'Krav', 'Källa', 'Status', 'Motivering', 'Prioritet', 'Ansvarig', 'Planerat datum', 'Vägledning', 'Hur kravet uppfylls', 'Underlag', 'Riskacceptans beslutad av', 'Beslutad', 'Gäller till', 'Varför', 'Kommentar'],
    rows: items
      .filter((item) => item.applicable)
      .map((item) => [
        // A requirement's id is the kravkatalog's; a DPIA measure's key is internal and not shown.
        item.source === 'classification' ? item.sourceKey : null,
        item.title,
        item.source === 'dpia' ? 'Konsekvensbedömning' : 'Klassning',
        planStatusNames[item.status] ?? item.status,
        item.statusMotivation,
        item.priority ? (priorityNames[item.priority] ?? item.priority) : null,
        item.ansvarig,
        item.plannedDate,
        guidance(item),
        item.hur,
        item.evidenceUrl,
        item.riskDecidedBy,
        item.riskDecidedOn,
        item.riskValidUntil,
        reasons(item),
        item.comment,
      ]),
  };
}
