import { importLimits, refusal } from './import-limits';
import { checkSharedStrings, checkWorksheet } from './sheet-checks';
import { firstSheetPath, readDateStyles, readSharedStrings, readSheetRows } from './xlsx-cells';
import { inflateEntry, readZipDirectory } from './zip-reader';

const notXlsx = (found: string) => refusal('not_xlsx', 'The file is not a readable XLSX workbook', found, 'bad_request');

/**
 * Every part of the workbook inflated once under the zip limits, and every sheet checked before
 * a cell is read: what a spreadsheet model would expand (cells out to column XFD, a 100 MB
 * string, a merged range over a million cells) is refused here instead.
 */
function inflateChecked(bytes: Buffer): Map<string, string> {
  const parts = new Map<string, string>();
  for (const entry of readZipDirectory(bytes)) {
    const data = inflateEntry(bytes, entry);
    if (entry.name === 'xl/sharedStrings.xml') checkSharedStrings(entry.name, data);
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const rows = checkWorksheet(entry.name, data);
      // The header plus the data rows.
      if (rows > importLimits.rows + 1) {
        throw refusal('too_many_rows', `At most ${importLimits.rows} rows per file`, `${entry.name}: ${rows - 1} data rows, at most ${importLimits.rows}`);
      }
    }
    if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) parts.set(entry.name, data.toString('latin1'));
  }
  return parts;
}

/** The first worksheet (the first tab) as rows of cell texts. */
export function parseXlsx(bytes: Buffer): string[][] {
  const parts = inflateChecked(bytes);
  const workbook = parts.get('xl/workbook.xml');
  const path = workbook && firstSheetPath(workbook, parts.get('xl/_rels/workbook.xml.rels') ?? '');
  const sheet = path && parts.get(path);
  if (!workbook || !sheet) throw notXlsx('no workbook with a first worksheet');
  return readSheetRows(sheet, {
    sharedStrings: readSharedStrings(parts.get('xl/sharedStrings.xml') ?? ''),
    dateStyles: readDateStyles(parts.get('xl/styles.xml')),
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook),
  });
}
