import { columnNumber } from './sheet-checks';

/**
 * Cell texts from SpreadsheetML (ECMA-376 part 1, §18.3 sheets, §18.4 shared strings, §18.8.30
 * number formats), read straight from the checked XML: a full spreadsheet model (exceljs) took
 * 7.5 s and 110 MB for a 10,000-row förteckning; an import needs only the text of each cell.
 * The XML is held as latin1 (one char per byte), and each text decoded from UTF-8 when taken.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entities, numeric references and Excel's _xHHHH_ escapes for control characters. */
function decodeText(latin1: string): string {
  return Buffer.from(latin1, 'latin1')
    .toString('utf8')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/_x([0-9A-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const textRun = /<t\b[^>]*?(?:\/>|>([^<]*)<\/t>)/g;

/** A string item's text: every run joined, phonetic hints (<rPh>) left out. */
function itemText(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(textRun)].map((run) => decodeText(run[1] ?? '')).join('');
}

export function readSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((item) => itemText(item[1] ?? ''));
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
}

/** Which cell styles show a number as a date: built-in formats 14–22 and 45–47, or a custom one with d, m or y outside quotes. */
export function readDateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map([...xml.matchAll(/<numFmt\b[^>]*>/g)].map((tag) => [Number(attribute(tag[0].slice(7), 'numFmtId')), attribute(tag[0].slice(7), 'formatCode') ?? '']));
  const isDate = (id: number) => (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || /[dmy]/i.test((custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b([^>]*)>/g)].map((xf) => isDate(Number(attribute(xf[1]!, 'numFmtId') ?? 0)));
}

export interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  /** Whether the workbook counts days from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
}

function excelDate(serial: number, date1904: boolean): string {
  // Day 25569 of the 1900 system is 1970-01-01; the 1904 system starts 1462 days later.
  const days = serial + (date1904 ? 1462 : 0) - 25569;
  return new Date(Math.round(days * 86_400_000)).toISOString().slice(0, 10);
}

function cellValue(attributes: string, content: string, context: SheetContext): string {
  const type = attribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') return itemText(/<is>([\s\S]*?)<\/is>/.exec(content)?.[1] ?? '');
  const raw = /<v>([^<]*)<\/v>/.exec(content)?.[1];
  if (raw === undefined) return '';
  if (type === 's') return context.sharedStrings[Number(raw)] ?? '';
  if (type === 'str') return decodeText(raw);
  if (type === 'b') return raw === '1' ? 'true' : 'false';
  if (type === 'e') return '';
  const number = Number(raw);
  if (Number.isNaN(number)) return decodeText(raw);
  return context.dateStyles[Number(attribute(attributes, 's') ?? 0)] ? excelDate(number, context.date1904) : String(number);
}

/** The sheet as rows of cell texts, each at its row and column (gaps filled with empty cells). */
export function readSheetRows(xml: string, context: SheetContext): string[][] {
  const rows: string[][] = [];
  let rowIndex = -1;
  let columnIndex = -1;
  const tokens = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (const token of xml.matchAll(tokens)) {
    if (token[1] !== undefined) {
      const number = attribute(token[1], 'r');
      rowIndex = number ? Number(number) - 1 : rowIndex + 1;
      columnIndex = -1;
      continue;
    }
    const attributes = token[3]!;
    const ref = /^([A-Z]{1,3})(\d+)$/.exec(attribute(attributes, 'r') ?? '');
    columnIndex = ref ? columnNumber(ref[1]!) - 1 : columnIndex + 1;
    if (ref) rowIndex = Number(ref[2]) - 1;
    const text = cellValue(attributes, token[4] ?? '', context);
    if (text === '') continue;
    while (rows.length <= rowIndex) rows.push([]);
    const cells = rows[rowIndex]!;
    while (cells.length < columnIndex) cells.push('');
    cells[columnIndex] = text;
  }
  return rows;
}

/** The zip path of the workbook's first sheet (the first tab), through the workbook's relationships. */
export function firstSheetPath(workbookXml: string, relationshipsXml: string): string | undefined {
  const id = /<sheet\b[^>]*\s[\w]+:id="([^"]+)"/.exec(workbookXml)?.[1];
  if (!id) return undefined;
  const relationship = [...relationshipsXml.matchAll(/<Relationship\b([^>]*)>/g)].find((tag) => attribute(tag[1]!, 'Id') === id);
  const target = relationship ? attribute(relationship[1]!, 'Target') : undefined;
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}
