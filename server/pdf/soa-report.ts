import { planStatusNames, swedishDay } from '../reports/labels';
import type { SoaData } from '../reports/soa-data';
import { applicabilityText, implementationNames, statusCountText, whyText } from '../reports/soa-labels';
import type { Content, DocumentDefinition } from './doc-types';
import { dataTable, factTable, heading, pageFrame } from './layout';

/** The tillämpningsförklaring: a summary, then every control by theme with applicability, why, and how far it is in place. */
export function soaDocument(data: SoaData): DocumentDefinition {
  const { summary } = data;
  const content: Content[] = [
    { text: 'Tillämpningsförklaring', style: 'title' },
    { text: `${data.organisationName} – ${data.controlSet.title}`, style: 'subtitle' },
    factTable([
      ['Åtgärder', String(summary.controls)],
      ['Tillämpliga', String(summary.applicable)],
      ['Ej tillämpliga', String(summary.excluded)],
      ['Ej tillämpliga utan motivering', String(summary.excludedWithoutJustification)],
      ['Objekt med fastställd klassning', String(summary.assets)],
    ]),
    {
      text: 'En åtgärd är tillämplig när minst ett objekts fastställda handlingsplan har ett krav under den. Införandet räknas ur kravens status i handlingsplanerna i dag; krav som objektet har bedömt som ej tillämpliga räknas inte.',
      style: 'note',
      margin: [0, 6, 0, 0],
    },
  ];
  for (const theme of data.controlSet.themes) {
    const rows = data.rows.filter((row) => row.control.theme === theme.id);
    if (rows.length === 0) continue;
    content.push(
      heading(theme.title),
      dataTable(
        [26, 150, 50, '*', 68],
        ['Nr', 'Rubrik', 'Tillämplig', 'Varför', 'Införande'],
        rows.map((row) => [
          row.control.id,
          row.control.title,
          applicabilityText(row),
          row.applicable && row.justification ? `${whyText(row)} ${row.justification}` : whyText(row),
          row.implementation ? { stack: [implementationNames[row.implementation], { text: statusCountText(row, planStatusNames), style: 'small' }] } : '',
        ]),
      ),
    );
  }
  return pageFrame(
    {
      title: `Tillämpningsförklaring: ${data.organisationName}`,
      subject: 'Tillämpningsförklaring enligt ISO/IEC 27001',
      author: data.organisationName,
      date: new Date(data.generatedAt),
      header: [data.organisationName, 'Tillämpningsförklaring'],
      footer: `Framtagen ${swedishDay(data.generatedAt)}`,
    },
    content,
  );
}
