import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseXlsx } from '../../../server/imports/read-xlsx';

/** What the import read through exceljs before: the reference the direct reader must match. */
function exceljsText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined || value.result === null ? '' : exceljsText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function viaExceljs(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(exceljsText(row.getCell(column).value));
    rows.push(cells);
  }
  return rows;
}

/** Trailing empty cells carry no meaning for an import; exceljs and the reader differ only there. */
const withoutTrailingBlanks = (rows: string[][]) => rows.map((cells) => cells.slice(0, cells.findLastIndex((cell) => cell !== '') + 1));

describe('reading XLSX cells without a spreadsheet model', () => {
  it('reads every kind of cell exactly as exceljs did', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Förteckning');
    workbook.addWorksheet('Andra bladet').addRow(['läses inte']);
    sheet.addRow(['Externt id', 'Namn', 'Beskrivning', 'Antal', 'Datum', 'Aktiv', 'Formel']);
    sheet.addRow(['SYS-1', 'Lönesystemet', 'Stöd för <lön> & "ersättning"', 42, new Date(Date.UTC(2026, 2, 15)), true, { formula: 'A2&"-x"', result: 'SYS-1-x' }]);
    sheet.addRow(['SYS-2', { richText: [{ text: 'Ärende' }, { text: 'hantering', font: { bold: true } }] }, 'rad ett\nrad två', 3.25, null, false, { formula: 'D3*2', result: 6.5 }]);
    sheet.getRow(5).values = ['SYS-4', 'Efter en tom rad'];
    sheet.getCell('G6').value = 'bara sista kolumnen';
    sheet.getCell('E2').numFmt = 'yyyy-mm-dd';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const direct = parseXlsx(bytes);
    expect(withoutTrailingBlanks(direct)).toEqual(withoutTrailingBlanks(await viaExceljs(bytes)));
    expect(direct[1]).toEqual(['SYS-1', 'Lönesystemet', 'Stöd för <lön> & "ersättning"', '42', '2026-03-15', 'true', 'SYS-1-x']);
    expect(direct[2]![1]).toBe('Ärendehantering');
    expect(direct[4]).toEqual(['SYS-4', 'Efter en tom rad']);
    expect(direct[5]).toEqual(['', '', '', '', '', '', 'bara sista kolumnen']);
  });
});
