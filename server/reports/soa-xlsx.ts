import { loadExcelJs } from '../exports/load-exceljs';
import { planStatusNames } from './labels';
import type { SoaData } from './soa-data';
import { applicabilityText, implementationNames, statusCountText, whyText } from './soa-labels';

const header = ['Åtgärd', 'Rubrik', 'Tema', 'Tillämplig', 'Varför', 'Objekt', 'Införande', 'Status i handlingsplanerna', 'Motivering'];

/** The tillämpningsförklaring as one sheet, a row per control, plus the summary. */
export async function soaWorkbook(data: SoaData): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Sigill';
  workbook.created = new Date(data.generatedAt);
  const themes = new Map(data.controlSet.themes.map((theme) => [theme.id, theme.title]));
  const sheet = workbook.addWorksheet('Tillämpningsförklaring');
  sheet.addRow(header).font = { bold: true };
  for (const row of data.rows) {
    sheet.addRow([
      row.control.id,
      row.control.title,
      themes.get(row.control.theme) ?? '',
      applicabilityText(row),
      whyText(row),
      row.assets,
      row.implementation ? implementationNames[row.implementation] : '',
      statusCountText(row, planStatusNames),
      row.justification ?? '',
    ]);
  }
  const widths = [8, 50, 30, 14, 80, 8, 16, 40, 60];
  sheet.columns.forEach((column, index) => {
    column.width = widths[index] ?? 20;
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  const summary = workbook.addWorksheet('Sammanfattning');
  summary.addRow(['Uppgift', 'Värde']).font = { bold: true };
  for (const line of [
    ['Organisation', data.organisationName],
    ['Framtagen', data.generatedAt.slice(0, 10)],
    ['Åtgärdsuppsättning', data.controlSet.title],
    ['Åtgärder', data.summary.controls],
    ['Tillämpliga', data.summary.applicable],
    ['Ej tillämpliga', data.summary.excluded],
    ['Ej tillämpliga utan motivering', data.summary.excludedWithoutJustification],
    ['Objekt med fastställd klassning', data.summary.assets],
  ]) summary.addRow(line);
  summary.getColumn(1).width = 34;
  summary.getColumn(2).width = 50;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
