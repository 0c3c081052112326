import { loadExcelJs } from './load-exceljs';
import { toCsv } from './csv';

export type Cell = string | number | null;

/** One exported table: the same header and rows become a CSV file or a worksheet. */
export interface ExportTable {
  sheet: string;
  header: string[];
  rows: Cell[][];
}

export function tableCsv(table: ExportTable): string {
  return toCsv(table.header, table.rows);
}

/**
 * An XLSX workbook, one worksheet per table, header bold and frozen. exceljs writes cell text as
 * inline values, never formulas, so a name starting with "=" stays text.
 */
export async function tablesWorkbook(tables: readonly ExportTable[], created: Date = new Date()): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Sigill';
  workbook.created = created;
  for (const table of tables) {
    const worksheet = workbook.addWorksheet(table.sheet);
    worksheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) worksheet.addRow(row);
    worksheet.columns.forEach((column, index) => {
      const texts = [table.header[index] ?? '', ...table.rows.slice(0, 500).map((row) => String(row[index] ?? ''))];
      column.width = Math.min(60, Math.max(10, ...texts.map((text) => text.length + 2)));
    });
    worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name from a person's text: ASCII, dashes, short. */
export function fileSlug(text: string, fallback: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || fallback;
}
