import { describe, expect, it } from 'vitest';
import { importLimits } from '../../../server/imports/import-limits';
import { checkSharedStrings, checkWorksheet } from '../../../server/imports/sheet-checks';
import { inflateEntry, readZipDirectory } from '../../../server/imports/zip-reader';
import { writeZip } from '../../support/zip-writer';

function refusal(run: () => unknown): { code: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { details: { code: string; message: string }[] }).details[0];
  }
}

const inflateAll = (zip: Buffer) => readZipDirectory(zip).map((entry) => inflateEntry(zip, entry).length);
const sheet = (body: string) => Buffer.from(`<worksheet><sheetData>${body}</sheetData></worksheet>`, 'utf8');

describe('the zip directory and bounded inflation', () => {
  it('reads honest entries whole', () => {
    expect(inflateAll(writeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: 'b.xml', data: Buffer.alloc(5000, 'b') }]))).toEqual([4, 5000]);
  });

  it('stops an entry that inflates past its declared size, and refuses one that falls short of it', () => {
    const data = Buffer.alloc(3_000_000, 'x');
    expect(refusal(() => inflateAll(writeZip([{ name: 'sheet.xml', data, declaredSize: 1000 }])))).toMatchObject({ code: 'zip_size', message: 'sheet.xml inflates to more than its declared 1000 bytes' });
    expect(refusal(() => inflateAll(writeZip([{ name: 'sheet.xml', data: Buffer.from('<a/>'), declaredSize: 10 }])))).toMatchObject({ code: 'zip_size', message: 'sheet.xml inflates to 4 bytes, not the declared 10' });
  });

  it('refuses declared sizes, sums and ratios beyond the limits before inflating', () => {
    const big = importLimits.entryBytes + 1;
    expect(refusal(() => readZipDirectory(writeZip([{ name: 'a.xml', data: Buffer.from('x'), declaredSize: big }])))).toMatchObject({ code: 'zip_size', message: `a.xml inflates to ${big} bytes, at most ${importLimits.entryBytes}` });
    const half = Math.floor(importLimits.totalBytes / 2) + 1;
    expect(refusal(() => readZipDirectory(writeZip(['a', 'b'].map((name) => ({ name, data: Buffer.from('x'), declaredSize: Math.min(half, importLimits.entryBytes) })))))).toMatchObject({ code: 'zip_size' });
    expect(refusal(() => readZipDirectory(writeZip([{ name: 'packed.xml', data: Buffer.alloc(10_000_000, 'a') }])))?.message).toMatch(/^packed.xml packs \d+ to 1, at most 200 to 1$/);
  });

  it('refuses a changed byte (checksum), an encrypted entry and bytes that are no zip', () => {
    const zip = writeZip([{ name: 'a.xml', data: Buffer.from('<hello/>') }]);
    const central = zip.indexOf('PK\u0001\u0002');
    const tampered = Buffer.from(zip);
    tampered.writeUInt32LE((tampered.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
    expect(refusal(() => inflateAll(tampered))).toMatchObject({ code: 'not_xlsx', message: 'a.xml fails its checksum' });
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(central + 8) | 1, central + 8);
    expect(refusal(() => readZipDirectory(encrypted))).toMatchObject({ code: 'not_xlsx', message: 'a.xml is encrypted' });
    expect(refusal(() => readZipDirectory(Buffer.from('PK not a zip at all, only text')))).toMatchObject({ code: 'not_xlsx' });
  });
});

describe('the worksheet checks', () => {
  it('counts the rows that hold a value', () => {
    expect(checkWorksheet('s', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Namn</t></is></c></row><row r="2" s="3"/><row r="3"><c r="A3"><v>1</v></c></row>'))).toBe(2);
  });

  it('refuses a declared dimension, a cell or a merged range beyond the last column or row', () => {
    expect(refusal(() => checkWorksheet('s', Buffer.from('<worksheet><dimension ref="A1:CV3"/><sheetData/></worksheet>')))).toBeUndefined();
    expect(refusal(() => checkWorksheet('s', Buffer.from('<worksheet><dimension ref="A1:XFD3"/><sheetData/></worksheet>')))?.message).toContain('column XFD (16384)');
    expect(refusal(() => checkWorksheet('s', Buffer.from('<worksheet><dimension ref="A1:C1048576"/><sheetData/></worksheet>')))?.message).toContain('row 1048576');
    expect(refusal(() => checkWorksheet('s', sheet('<row r="1"><c r="CW1"><v>1</v></c></row>')))?.message).toContain('column CW (101)');
    expect(refusal(() => checkWorksheet('s', Buffer.from('<worksheet><sheetData/><mergeCells><mergeCell ref="A1:CV20000"/></mergeCells></worksheet>')))?.message).toContain('merged ranges cover more than');
  });

  it('refuses a text longer than a cell may hold, counted in characters', () => {
    const fits = 'å'.repeat(importLimits.cellChars);
    expect(refusal(() => checkSharedStrings('ss', Buffer.from(`<sst><si><t>${fits}</t></si></sst>`)))).toBeUndefined();
    expect(refusal(() => checkSharedStrings('ss', Buffer.from(`<sst><si><t>${fits}a</t></si></sst>`)))).toMatchObject({ code: 'text_too_long' });
    expect(refusal(() => checkWorksheet('s', sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(40_000)}</t></is></c></row>`)))).toMatchObject({ code: 'text_too_long' });
  });
});
