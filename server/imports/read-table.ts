import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../exports/load-exceljs';
import { AppError } from '../errors';

/** A spreadsheet as text: the header row and the data rows, every cell a trimmed string. */
export interface Table {
  format: 'csv' | 'xlsx';
  header: string[];
  /** Data rows with their row number in the file (the header is row 1), blank rows left out. */
  rows: { line: number; cells: string[] }[];
}

/** RFC 4180 CSV with the delimiter the header line uses (Swedish Excel writes semicolons). */
function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].map((candidate) => ({ candidate, count: firstLine.split(candidate).length })).sort((a, b) => b.count - a.count)[0]!.candidate;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

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

async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like; hand it a copy of exactly the file's bytes.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new AppError('bad_request', 'The file is not a readable XLSX workbook', [{ field: 'body.content', message: 'not an XLSX file' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  }
  return rows;
}

/** Reads an uploaded inventory: XLSX when it is a zip (or named .xlsx), otherwise UTF-8 CSV. */
export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  const raw = isXlsx ? await parseXlsx(bytes) : parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  const trimmed = raw.map((cells) => cells.map((cell) => cell.trim()));
  const headerIndex = trimmed.findIndex((cells) => cells.some((cell) => cell !== ''));
  if (headerIndex < 0) throw new AppError('validation_failed', 'The file has no header row', [{ field: 'body.content', message: 'empty file' }]);
  return {
    format: isXlsx ? 'xlsx' : 'csv',
    header: trimmed[headerIndex]!,
    rows: trimmed
      .map((cells, index) => ({ line: index + 1, cells }))
      .slice(headerIndex + 1)
      .filter((row) => row.cells.some((cell) => cell !== '')),
  };
}
