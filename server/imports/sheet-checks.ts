import { importLimits, refusal } from './import-limits';

/** A column's number from its letters: A = 1, Z = 26, AA = 27, XFD = 16384. */
export function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

export function columnLetters(number: number): string {
  let letters = '';
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

const sheetTooBig = (found: string) => refusal('sheet_size', 'The worksheet is larger than an inventory can be', found);

function checkColumn(letters: string, where: string): void {
  const number = columnNumber(letters);
  const last = importLimits.columns;
  if (number > last) throw sheetTooBig(`${where}: column ${letters} (${number}) is beyond the last allowed column ${columnLetters(last)} (${last})`);
}

function checkRow(row: number, where: string): void {
  if (row > importLimits.sheetRows) throw sheetTooBig(`${where}: row ${row} is beyond the last allowed row ${importLimits.sheetRows}`);
}

/** The text between `start` and the next tag, in characters (the XML is held as latin1, one char per byte). */
function checkText(xml: string, bytes: Buffer, start: number, where: string): void {
  const end = xml.indexOf('<', start);
  const byteLength = (end < 0 ? xml.length : end) - start;
  // UTF-8 takes one to four bytes a character: decode only when the bytes alone could be too many.
  if (byteLength > importLimits.cellChars && bytes.toString('utf8', start, start + byteLength).length > importLimits.cellChars) {
    const found = `${where}: a text of ${byteLength} bytes, at most ${importLimits.cellChars} characters`;
    throw refusal('text_too_long', `A cell holds more than ${importLimits.cellChars} characters`, found);
  }
}

const dimension = /<dimension\b[^>]*\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/;
const reference = /\br="([A-Z]{1,3})(\d+)"/;
const rowNumber = /\br="(\d+)"/;
const merged = /<mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/g;

/**
 * A worksheet's XML checked before any spreadsheet library sees it: the declared dimension, every
 * cell's column and row, the number of cells and of rows with a value, every text's length and the
 * merged ranges (which a reader fills cell by cell). Returns the number of rows that hold a value.
 */
export function checkWorksheet(name: string, bytes: Buffer): number {
  const xml = bytes.toString('latin1');
  const declared = dimension.exec(xml);
  if (declared) {
    checkColumn(declared[3] ?? declared[1]!, `${name} <dimension>`);
    checkRow(Number(declared[4] ?? declared[2]), `${name} <dimension>`);
  }
  const tokens = /<row\b([^>]*)>|<c\b([^>]*)>|<v>|<t\b[^>]*>/g;
  let cells = 0;
  let rows = 0;
  let rowsWithValue = 0;
  let rowHasValue = false;
  for (let token = tokens.exec(xml); token; token = tokens.exec(xml)) {
    if (token[1] !== undefined) {
      rows += 1;
      if (rowHasValue) rowsWithValue += 1;
      rowHasValue = false;
      checkRow(Number(rowNumber.exec(token[1])?.[1] ?? rows), name);
    } else if (token[2] !== undefined) {
      cells += 1;
      if (cells > importLimits.cells) throw sheetTooBig(`${name}: more than ${importLimits.cells} cells`);
      const ref = reference.exec(token[2]);
      if (ref) checkColumn(ref[1]!, `${name} cell ${ref[1]}${ref[2]}`);
    } else {
      rowHasValue = true;
      checkText(xml, bytes, tokens.lastIndex, name);
    }
  }
  if (rowHasValue) rowsWithValue += 1;
  checkRow(rows, name);
  checkMerged(name, xml);
  return rowsWithValue;
}

function checkMerged(name: string, xml: string): void {
  let area = 0;
  for (const range of xml.matchAll(merged)) {
    checkColumn(range[3]!, `${name} merged range`);
    checkRow(Number(range[4]), `${name} merged range`);
    area += (columnNumber(range[3]!) - columnNumber(range[1]!) + 1) * (Number(range[4]) - Number(range[2]) + 1);
    if (area > importLimits.cells) throw sheetTooBig(`${name}: merged ranges cover more than ${importLimits.cells} cells`);
  }
}

/** The shared strings: as many as cells may be, each no longer than a cell's text. */
export function checkSharedStrings(name: string, bytes: Buffer): void {
  const xml = bytes.toString('latin1');
  const tokens = /<si>|<t\b[^>]*>/g;
  let strings = 0;
  for (let token = tokens.exec(xml); token; token = tokens.exec(xml)) {
    if (token[0] === '<si>') {
      strings += 1;
      if (strings > importLimits.cells) throw sheetTooBig(`${name}: more than ${importLimits.cells} strings`);
    } else checkText(xml, bytes, tokens.lastIndex, name);
  }
}
