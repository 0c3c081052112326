import { CsvError, parse } from 'csv-parse/sync';
import { mapHeader } from './import-columns';
import { importLimits, refusal } from './import-limits';

export const delimiters = { semicolon: ';', comma: ',', tab: '\t' } as const;
export type DelimiterName = keyof typeof delimiters;
export type TextEncoding = 'utf-8' | 'windows-1252';

/** Bytes that Windows-1252 leaves undefined: a file holding them is not Windows-1252 text either. */
const undefinedIn1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * The file as text. UTF-8 (with or without BOM) is what "CSV UTF-8" in Excel writes; plain "CSV"
 * from a Swedish Excel is Windows-1252, recognised by not being valid UTF-8. Anything else (UTF-16,
 * a binary file) is refused rather than read as mojibake.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refusal('encoding', 'The file is UTF-16; save it as CSV UTF-8', 'a UTF-16 byte order mark');
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw refusal('encoding', 'The file holds NUL bytes: it is not a text file', 'a NUL byte');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (body.length !== bytes.length) throw refusal('encoding', 'The file starts with a UTF-8 mark but is not valid UTF-8', 'invalid UTF-8 after the BOM');
    const stray = body.findIndex((byte) => undefinedIn1252.has(byte));
    if (stray >= 0) throw refusal('encoding', 'The file is neither UTF-8 nor Windows-1252 text', `byte 0x${body[stray]!.toString(16)} at offset ${stray}`);
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

const sampleLines = 20;
/** csv-parse's bound on one record's characters: a few cells at Excel's maximum. */
const maxRecordChars = importLimits.cellChars * 8;

interface Candidate {
  name: DelimiterName;
  width: number;
  known: number;
  consistent: number;
}

function sample(text: string, name: DelimiterName): Candidate | undefined {
  try {
    const options = { delimiter: delimiters[name], to_line: sampleLines, relax_column_count: true, skip_empty_lines: true, max_record_size: maxRecordChars };
    const records = parse(text, options) as string[][];
    const header = records[0] ?? [];
    const rows = records.slice(1);
    const consistent = rows.length === 0 ? 1 : rows.filter((row) => row.length === header.length).length / rows.length;
    return { name, width: header.length, known: mapHeader(header).columns.size, consistent };
  } catch {
    // Quotes that do not pair up under this delimiter rule it out.
    return undefined;
  }
}

/**
 * The delimiter, judged over the header and the first lines as RFC 4180 reads them: a candidate
 * must split the header; the one whose headings Sigill recognises wins, then the one that splits
 * every line into as many cells as the header. Two that remain equal are a question for the person.
 */
export function detectDelimiter(text: string): DelimiterName {
  const candidates = (Object.keys(delimiters) as DelimiterName[])
    .map((name) => sample(text, name))
    .filter((candidate): candidate is Candidate => !!candidate && candidate.width > 1);
  if (candidates.length === 0) return 'semicolon';
  candidates.sort((a, b) => b.known - a.known || b.consistent - a.consistent);
  const [best, second] = candidates;
  if (second && second.known === best!.known && second.consistent === best!.consistent) {
    const found = `${best!.name} and ${second.name} both fit the first ${sampleLines} lines`;
    throw refusal('delimiter_ambiguous', 'The columns could be split by more than one delimiter; choose one', found);
  }
  return best!.name;
}

/** Counts rows with a value as they are parsed, so an oversized file stops at the first row too many. */
function rowGuard() {
  let rows = 0;
  return (record: string[], info: { lines: number }) => {
    if (record.length > importLimits.columns) {
      throw refusal('sheet_size', 'The file has more columns than an inventory can have', `line ${info.lines}: ${record.length} columns, at most ${importLimits.columns}`);
    }
    const long = record.find((cell) => cell.length > importLimits.cellChars);
    if (long !== undefined) throw refusal('text_too_long', `A cell holds more than ${importLimits.cellChars} characters`, `line ${info.lines}: ${long.length} characters`);
    if (record.some((cell) => cell.trim() !== '')) rows += 1;
    if (rows > importLimits.rows + 1) {
      throw refusal('too_many_rows', `At most ${importLimits.rows} rows per file`, `more than ${importLimits.rows} data rows, at most ${importLimits.rows}`);
    }
    return record;
  };
}

/** RFC 4180 CSV through csv-parse, with the delimiter the person chose or the one the file shows. */
export function parseCsv(bytes: Buffer, chosen?: DelimiterName): { rows: string[][]; encoding: TextEncoding; delimiter: DelimiterName } {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = chosen ?? detectDelimiter(text);
  try {
    // Blank lines stay as records, so a row's number is the one a spreadsheet shows.
    const rows = parse(text, { delimiter: delimiters[delimiter], relax_column_count: true, max_record_size: maxRecordChars, on_record: rowGuard() }) as string[][];
    return { rows, encoding, delimiter };
  } catch (error) {
    if (error instanceof CsvError) {
      const tooLong = error.code === 'CSV_MAX_RECORD_SIZE';
      if (tooLong) throw refusal('text_too_long', 'A line of the file is longer than an inventory row can be', error.message);
      throw refusal('csv_syntax', 'The file is not valid CSV', error.message);
    }
    throw error;
  }
}
