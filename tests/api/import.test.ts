import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importForm } from '../support/import-form';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

interface Preview {
  summary: { create: number; update: number; unchanged: number; error: number };
  rows: { line: number; action: string; name: string; changes: string[]; errors: { field: string; message: string }[] }[];
  created?: string[];
}

let testApp: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterAll(async () => {
  await testApp.close();
});

/** A förteckning as an ISAM keeps it: 120 systems over two förvaltningar, then four rows with faults. */
function inventoryCsv(): string {
  const lines = ['Externt id;Namn;Typ;Organisation;Beskrivning;Informationsägare;Leverantörer;Drift;Anteckning'];
  for (let index = 1; index <= 120; index += 1) {
    lines.push(`SYS-${index};System ${index};${index % 7 === 0 ? 'E-tjänst' : 'System'};${index % 2 === 0 ? 'Socialförvaltningen' : 'Utbildningsförvaltningen'};"Stöd för ""process"" ${index}";Chef ${index};Leverantör ${index}, Drift AB;${index % 3 === 0 ? 'Molntjänst' : 'Kommunens IT'};intern`);
  }
  lines.push(';;System;Socialförvaltningen;Saknar namn;;;;');
  lines.push('SYS-200;Okänd hemvist;System;Miljöförvaltningen;;;;;');
  lines.push('SYS-5;Dubblett av 5;System;Utbildningsförvaltningen;;;;;');
  lines.push('SYS-201;Fel typ;Databas;Socialförvaltningen;;;;Eget rum;');
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const upload = (fileName: string, bytes: Buffer | string, fields: Record<string, string> = {}) => importForm(bytes, fileName, fields);
const assetCount = async () => Number((await testApp.deps.database.db.selectFrom('assets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const auditCount = async () => Number((await testApp.deps.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('importing the inventory', () => {
  it('previews each row and writes nothing', async () => {
    const before = await assetCount();
    const response = await org.admin.post<Preview>(`/api/organisations/${org.rootId}/imports/preview`, upload('forteckning.csv', inventoryCsv()));
    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ create: 120, update: 0, unchanged: 0, error: 4 });
    const errors = response.body.rows.filter((row) => row.action === 'error').map((row) => ({ line: row.line, errors: row.errors }));
    expect(errors).toEqual([
      { line: 122, errors: [{ field: 'Namn', message: 'namn saknas' }] },
      { line: 123, errors: [{ field: 'Organisation', message: 'okänd organisation "Miljöförvaltningen"' }] },
      { line: 124, errors: [{ field: 'Externt id', message: 'externt id SYS-5 finns redan på rad 6' }] },
      { line: 125, errors: [expect.objectContaining({ field: 'Typ' }), expect.objectContaining({ field: 'Drift' })] },
    ]);
    expect(await assetCount()).toBe(before);
  });

  it('imports only the good rows, and the same file again changes nothing', async () => {
    const before = await assetCount();
    const first = await org.admin.post<Preview>(`/api/organisations/${org.rootId}/imports`, upload('forteckning.csv', inventoryCsv()));
    expect(first.status).toBe(200);
    expect(first.body.created).toHaveLength(120);
    expect(await assetCount()).toBe(before + 120);
    const assets = (await org.admin.get<{ items: { name: string; organisationName: string; suppliers: string[]; description: string; hosting: string; externalId: string }[]; total: number }>('/api/assets?q=System%2012&pageSize=500')).body.items;
    expect(assets.find((asset) => asset.externalId === 'SYS-12')).toMatchObject({ name: 'System 12', organisationName: 'Socialförvaltningen', suppliers: ['Leverantör 12', 'Drift AB'], description: 'Stöd för "process" 12', hosting: 'molntjanst' });

    const audit = await auditCount();
    const second = await org.admin.post<Preview>(`/api/organisations/${org.rootId}/imports`, upload('forteckning.csv', inventoryCsv()));
    expect(second.body.summary).toEqual({ create: 0, update: 0, unchanged: 120, error: 4 });
    expect(await assetCount()).toBe(before + 120);
    expect(await auditCount()).toBe(audit);
  });

  it('reads XLSX and updates only what changed', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Förteckning');
    sheet.addRow(['Externt id', 'Namn', 'Organisation', 'Beskrivning']);
    sheet.addRow(['SYS-2', 'System 2', 'Socialförvaltningen', 'Ny beskrivning']);
    sheet.addRow(['SYS-4', 'System 4', 'Socialförvaltningen', 'Stöd för "process" 4']);
    sheet.addRow(['SYS-300', 'Nytt system', 'Socialförvaltningen', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await org.admin.post<Preview>(`/api/organisations/${org.rootId}/imports`, upload('forteckning.xlsx', bytes));
    expect(result.status).toBe(200);
    expect(result.body.summary).toEqual({ create: 1, update: 1, unchanged: 1, error: 0 });
    expect(result.body.rows[0]!.changes).toEqual(['Beskrivning']);
  });

  it('refuses an ISAM of one förvaltning rows for the other, and a granskare altogether', async () => {
    const isam = await org.userWith('isam', org.socialId);
    const preview = await isam.post<Preview>(`/api/organisations/${org.socialId}/imports/preview`, upload('forteckning.csv', inventoryCsv()));
    expect(preview.body.summary.error).toBe(64);
    const granskare = await org.userWith('granskare', org.socialId);
    expect((await granskare.post(`/api/organisations/${org.socialId}/imports/preview`, upload('a.csv', 'Namn\nX\n'))).status).toBe(403);
    expect((await org.admin.post(`/api/organisations/${org.socialId}/imports/preview`, upload('a.xlsx', 'PK not a zip'))).status).toBe(400);
  });
});

interface Refused {
  error: { code: string; details: { field: string; message: string; code: string }[] };
}

const preview = (form: FormData) => org.admin.post<Preview & Refused & { encoding: string }>(`/api/organisations/${org.rootId}/imports/preview`, form);

describe('the upload and the CSV reader', () => {
  it('reads a file far above the 1 MB JSON limit as a multipart upload (base64 JSON capped imports at about 750 KB)', async () => {
    const lines = ['Namn;Beskrivning'];
    for (let index = 1; index <= 6_000; index += 1) lines.push(`Stort system ${index};${'Lång beskrivning av systemet. '.repeat(20)}`);
    const file = Buffer.from(lines.join('\n'), 'utf8');
    expect(file.length).toBeGreaterThan(3_000_000);
    const response = await preview(upload('stor.csv', file));
    expect(response.status).toBe(200);
    expect(response.body.summary.create).toBe(6_000);
  });

  it('refuses a file over 20 MB with 413, and a JSON body with 415', async () => {
    const tooLarge = await preview(upload('enorm.csv', Buffer.alloc(21 * 1024 * 1024, 'a')));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.details[0]).toMatchObject({ field: 'file', code: 'file_too_large' });
    // A declared length over the limit is refused before a byte of the body is read, with the same answer.
    const declared = 25 * 1024 * 1024;
    const headers = { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(declared) };
    const early = await org.admin.raw('POST', `/api/organisations/${org.rootId}/imports/preview`, 'x'.repeat(declared), headers);
    expect(early.status).toBe(413);
    expect(((await early.json()) as Refused).error.details[0]).toMatchObject({ field: 'file', code: 'file_too_large' });
    const json = await org.admin.post<Refused>(`/api/organisations/${org.rootId}/imports/preview`, { fileName: 'a.csv', content: Buffer.from('Namn\nX\n').toString('base64') });
    expect(json.status).toBe(415);
    expect(json.body.error.details[0]!.message).toContain('application/json');
  });

  it('refuses a form without the file, with two files or with an unknown field, naming the part', async () => {
    const empty = new FormData();
    empty.append('delimiter', 'auto');
    expect((await preview(empty)).body.error.details[0]).toMatchObject({ field: 'file', message: 'no file part' });
    const two = upload('a.csv', 'Namn\nA\n');
    two.append('file', new Blob(['Namn\nB\n']), 'b.csv');
    const twoFiles = await preview(two);
    expect(twoFiles.status).toBe(400);
    expect(twoFiles.body.error.details[0]).toMatchObject({ field: 'file', message: 'send one file' });
    const unknown = await preview(upload('a.csv', 'Namn\nA\n', { note: 'x' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'note', message: 'unknown field' });
  });

  it('reads Windows-1252 (plain "CSV" from a Swedish Excel) and says so', async () => {
    const file = Buffer.from('Namn;Beskrivning\nLönesystemet;Ärenden för förvaltningen\n', 'latin1');
    const response = await preview(upload('latin.csv', file));
    expect(response.status).toBe(200);
    expect(response.body.encoding).toBe('windows-1252');
    expect(response.body.rows[0]!.name).toBe('Lönesystemet');
    const utf8 = await preview(upload('utf8.csv', Buffer.from('Namn;Beskrivning\nLönesystemet;Ärenden\n', 'utf8')));
    expect(utf8.body.encoding).toBe('utf-8');
  });

  it('refuses UTF-16 and bytes that are no text, naming the encoding', async () => {
    const utf16 = await preview(upload('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Namn\nA\n', 'utf16le')])));
    expect(utf16.status).toBe(400);
    expect(utf16.body.error.details[0]).toMatchObject({ field: 'file', code: 'encoding' });
    const binary = await preview(upload('binar.csv', Buffer.from([0x4e, 0x61, 0x81, 0x8d, 0x0a])));
    expect(binary.body.error.details[0]).toMatchObject({ field: 'file', code: 'encoding' });
  });

  it('finds the delimiter over the header and the first lines, with quoted delimiters inside cells', async () => {
    const comma = await preview(upload('komma.csv', 'Namn,Beskrivning\n"System, nytt","Stöd för ""A; B"""\nAnnat,Text\n'));
    expect(comma.body.rows.map((row) => row.name)).toEqual(['System, nytt', 'Annat']);
    // Commas in every description would split the lines evenly too; the recognised headings decide.
    const semicolon = await preview(upload('semikolon.csv', 'Namn;Beskrivning\nA-system;Stöd, drift\nB-system;Bokning, lokaler\n'));
    expect(semicolon.body.rows.map((row) => row.name)).toEqual(['A-system', 'B-system']);
    const tab = await preview(upload('tabb.csv', 'Namn\tBeskrivning\nC-system\tX\n'));
    expect(tab.body.rows.map((row) => row.name)).toEqual(['C-system']);
  });

  it('asks the person to choose when two delimiters fit equally, and reads the one chosen', async () => {
    const file = 'Namn;Kod,Nummer\nD-system;1,2\n';
    const ambiguous = await preview(upload('tvetydig.csv', file));
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.details[0]).toMatchObject({ field: 'file', code: 'delimiter_ambiguous' });
    const chosen = await preview(upload('tvetydig.csv', file, { delimiter: 'semicolon' }));
    expect(chosen.status).toBe(200);
    expect(chosen.body.rows.map((row) => row.name)).toEqual(['D-system']);
    const wrong = await preview(upload('tvetydig.csv', file, { delimiter: 'pipe' }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0]!.field).toBe('delimiter');
  });

  it('refuses a quote that never closes, naming the line', async () => {
    const response = await preview(upload('citat.csv', 'Namn;Beskrivning\nE-system;"öppet citat\n'));
    expect(response.status).toBe(400);
    expect(response.body.error.details[0]).toMatchObject({ field: 'file', code: 'csv_syntax' });
    expect(response.body.error.details[0]!.message).toMatch(/line 2/);
  });
});

