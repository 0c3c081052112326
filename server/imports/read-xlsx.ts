import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../exports/load-exceljs';
import { importLimits, refusal } from './import-limits';
import { checkSharedStrings, checkWorksheet } from './sheet-checks';
import { inflateEntry, readZipDirectory } from './zip-reader';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined || value.result === null ? '' : cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/**
 * Every part of the workbook inflated once under the zip limits and its sheets checked, before
 * exceljs builds its model: what exceljs would expand (cells out to column XFD, a 100 MB string,
 * a merged range over a million cells) is refused here instead.
 */
function checkWorkbook(bytes: Buffer): void {
  for (const entry of readZipDirectory(bytes)) {
    const data = inflateEntry(bytes, entry);
    if (entry.name === 'xl/sharedStrings.xml') checkSharedStrings(entry.name, data);
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const rows = checkWorksheet(entry.name, data);
      // The header plus the data rows.
      if (rows > importLimits.rows + 1) throw refusal('too_many_rows', `At most ${importLimits.rows} rows per file`, `${entry.name}: ${rows - 1} data rows, at most ${importLimits.rows}`);
    }
  }
}

/** The first worksheet as rows of cell texts. */
export async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  checkWorkbook(bytes);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like; hand it a copy of exactly the file's bytes.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw refusal('not_xlsx', 'The file is not a readable XLSX workbook', 'exceljs cannot read it', 'bad_request');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= Math.min(row.cellCount, importLimits.columns); column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  }
  return rows;
}
