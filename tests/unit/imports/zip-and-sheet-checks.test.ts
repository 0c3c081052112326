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

/** Deterministic bytes that deflate does not shrink (xorshift32 from a fixed seed). */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 2_463_534_242;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

const zipOf = (name: string, data: Buffer, declaredSize?: number) => writeZip([{ name, data, declaredSize }]);
const inflateAll = (zip: Buffer) => readZipDirectory(zip).map((entry) => inflateEntry(zip, entry).length);
const sheet = (body: string) => Buffer.from(`<worksheet><sheetData>${body}</sheetData></worksheet>`, 'utf8');

describe('the zip directory and bounded inflation', () => {
  it('reads honest entries whole', () => {
    const zip = writeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: 'b.xml', data: Buffer.alloc(5000, 'b') }]);
    expect(inflateAll(zip)).toEqual([4, 5000]);
  });

  it('stops an entry that inflates past its declared size, and refuses one that falls short of it', () => {
    const data = Buffer.alloc(3_000_000, 'x');
    const larger = refusal(() => inflateAll(zipOf('sheet.xml', data, 1000)));
    expect(larger).toMatchObject({ code: 'zip_size', message: 'sheet.xml inflates to more than its declared 1000 bytes' });
    const smaller = refusal(() => inflateAll(zipOf('sheet.xml', Buffer.from('<a/>'), 10)));
    expect(smaller).toMatchObject({ code: 'zip_size', message: 'sheet.xml inflates to 4 bytes, not the declared 10' });
  });

  it('refuses declared sizes, sums and ratios beyond the limits before inflating', () => {
    const big = importLimits.entryBytes + 1;
    const oneTooBig = refusal(() => readZipDirectory(zipOf('a.xml', Buffer.from('x'), big)));
    expect(oneTooBig).toMatchObject({ code: 'zip_size', message: `a.xml inflates to ${big} bytes, at most ${importLimits.entryBytes}` });
    const half = Math.floor(importLimits.totalBytes / 2) + 1;
    // Bytes that do not pack, so each entry's ratio passes and only the sum is too much.
    const twoHalves = ['a', 'b'].map((name) => ({ name, data: noise(200_000), declaredSize: half }));
    expect(refusal(() => readZipDirectory(writeZip(twoHalves)))?.message).toBe(`the entries inflate to more than ${importLimits.totalBytes} bytes together`);
    const packed = refusal(() => readZipDirectory(zipOf('packed.xml', Buffer.alloc(10_000_000, 'a'))));
    expect(packed?.message).toMatch(/^packed.xml packs \d+ to 1, at most 200 to 1$/);
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
    const merged = Buffer.from('<worksheet><sheetData/><mergeCells><mergeCell ref="A1:CV20000"/></mergeCells></worksheet>');
    expect(refusal(() => checkWorksheet('s', merged))?.message).toContain('merged ranges cover more than');
  });

  it('refuses a text longer than a cell may hold, counted in characters', () => {
    const fits = 'å'.repeat(importLimits.cellChars);
    expect(refusal(() => checkSharedStrings('ss', Buffer.from(`<sst><si><t>${fits}</t></si></sst>`)))).toBeUndefined();
    expect(refusal(() => checkSharedStrings('ss', Buffer.from(`<sst><si><t>${fits}a</t></si></sst>`)))).toMatchObject({ code: 'text_too_long' });
    const inline = sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(40_000)}</t></is></c></row>`);
    expect(refusal(() => checkWorksheet('s', inline))).toMatchObject({ code: 'text_too_long' });
  });
});
