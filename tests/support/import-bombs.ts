import { writeZip, type ZipInput } from './zip-writer';

const text = (name: string, xml: string): ZipInput => ({ name, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${xml}`, 'utf8') });
const ooxml = 'http://schemas.openxmlformats.org';
const officeType = `${ooxml}/officeDocument/2006/relationships`;
const contentType = 'application/vnd.openxmlformats';
const relationship = (type: string, target: string) =>
  `<Relationships xmlns="${ooxml}/package/2006/relationships"><Relationship Id="rId1" Type="${officeType}/${type}" Target="${target}"/></Relationships>`;
const contentTypes = [
  `<Types xmlns="${ooxml}/package/2006/content-types">`,
  `<Default Extension="rels" ContentType="${contentType}-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`,
  `<Override PartName="/xl/workbook.xml" ContentType="${contentType}-officedocument.spreadsheetml.sheet.main+xml"/>`,
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${contentType}-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
].join('');
const workbookXml = `<workbook xmlns="${ooxml}/spreadsheetml/2006/main" xmlns:r="${officeType}"><sheets><sheet name="Förteckning" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/** The smallest workbook Excel and exceljs open: one sheet, inline strings, no shared strings. */
function workbook(sheetXml: Buffer, sheetDeclaredSize?: number): Buffer {
  return writeZip([
    text('[Content_Types].xml', contentTypes),
    text('_rels/.rels', relationship('officeDocument', 'xl/workbook.xml')),
    text('xl/workbook.xml', workbookXml),
    text('xl/_rels/workbook.xml.rels', relationship('worksheet', 'worksheets/sheet1.xml')),
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, declaredSize: sheetDeclaredSize },
  ]);
}

const sheetStart = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const sheetEnd = '</sheetData></worksheet>';
const inline = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const header = `<row r="1">${inline('A1', 'Namn')}</row>`;

/** 400 rows, each with a name in A and one more cell in XFD, the last column: a few KB that expand to 6.5 million cells. */
export function lastColumnBomb(): Buffer {
  const rows = Array.from({ length: 400 }, (_, index) => `<row r="${index + 2}">${inline(`A${index + 2}`, `System ${index}`)}${inline(`XFD${index + 2}`, 'x')}</row>`);
  return workbook(Buffer.from(`${sheetStart}${header}${rows.join('')}${sheetEnd}`, 'utf8'));
}

/** One cell holding a 100 MB inline string, which deflates to about 100 KB. */
export function longStringBomb(): Buffer {
  const megabytes = 100;
  const cellStart = Buffer.from(`${sheetStart}${header}<row r="2"><c r="A2" t="inlineStr"><is><t>`, 'utf8');
  const cellEnd = Buffer.from(`</t></is></c></row>${sheetEnd}`, 'utf8');
  return workbook(Buffer.concat([cellStart, Buffer.alloc(megabytes * 1024 * 1024, 'a'), cellEnd]));
}

/** A sheet whose headers claim 2 KB while the deflated data holds 60 MB of rows. */
export function lyingSizeBomb(): Buffer {
  // Rows without a reference (allowed: each follows the one before) repeat exactly and deflate well.
  const rows = '<row><c t="inlineStr"><is><t>System</t></is></c></row>'.repeat(1_000_000);
  return workbook(Buffer.from(`${sheetStart}${header}${rows}${sheetEnd}`, 'utf8'), 2048);
}

/** An inventory CSV with the given number of data rows (Swedish Excel's semicolons). */
export function inventoryRows(count: number): Buffer {
  const lines = ['Externt id;Namn;Typ;Beskrivning'];
  for (let index = 1; index <= count; index += 1) lines.push(`BULK-${index};System ${index};System;Rad ${index}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

const row = (number: number, cells: string[]) => `<row r="${number}">${cells.map((cell, index) => inline(`${'ABCD'[index]}${number}`, cell)).join('')}</row>`;

/** The same inventory as a workbook, one inline string per cell. */
export function inventoryWorkbook(count: number): Buffer {
  const rows = [row(1, ['Externt id', 'Namn', 'Typ', 'Beskrivning'])];
  for (let index = 1; index <= count; index += 1) rows.push(row(index + 1, [`BULK-${index}`, `System ${index}`, 'System', `Rad ${index}`]));
  return workbook(Buffer.from(`${sheetStart}${rows.join('')}${sheetEnd}`, 'utf8'));
}
