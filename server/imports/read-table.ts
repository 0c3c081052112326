import { refusal } from './import-limits';
import { type DelimiterName, parseCsv, type TextEncoding } from './read-csv';
import { parseXlsx } from './read-xlsx';

/** A spreadsheet as text: the header row and the data rows, every cell a trimmed string. */
export interface Table {
  format: 'csv' | 'xlsx';
  /** How a CSV file's bytes were read; XLSX is always UTF-8. */
  encoding: TextEncoding;
  header: string[];
  /** Data rows with their row number in the file (the header is row 1), blank rows left out. */
  rows: { line: number; cells: string[] }[];
}

export interface ReadOptions {
  /** The CSV delimiter the person chose; detected from the file when absent. */
  delimiter?: DelimiterName;
}

/**
 * Reads an uploaded inventory: XLSX when it is a zip (or named .xlsx), otherwise CSV. Runs inside
 * the import thread (read-table-isolated.ts), never on the server's main thread.
 */
export function readTable(bytes: Buffer, fileName: string, options: ReadOptions = {}): Table {
  const isXlsx = /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  const parsed = isXlsx ? { rows: parseXlsx(bytes), encoding: 'utf-8' as const } : parseCsv(bytes, options.delimiter);
  const trimmed = parsed.rows.map((cells) => cells.map((cell) => cell.trim()));
  const headerIndex = trimmed.findIndex((cells) => cells.some((cell) => cell !== ''));
  if (headerIndex < 0) throw refusal('no_header', 'The file has no header row', 'empty file');
  return {
    format: isXlsx ? 'xlsx' : 'csv',
    encoding: parsed.encoding,
    header: trimmed[headerIndex]!,
    rows: trimmed
      .map((cells, index) => ({ line: index + 1, cells }))
      .slice(headerIndex + 1)
      .filter((row) => row.cells.some((cell) => cell !== '')),
  };
}
