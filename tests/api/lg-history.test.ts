import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdftotext } from '../support/pdf-tools';
import { decidedClassification } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { rebuildRoundSummaries } from '../../server/assets/round-summary-store';

interface Item { id: string; sourceKey: string; status: string; revision: number; applicable: boolean }

let testApp: TestApp;
let org: OrgFixture;
const year = new Date().getUTCFullYear();
const lastYear = year - 1;
const lastSummer = `${lastYear}-06-01T10:00:00.000Z`;
let assetId = '';

async function sheet(bytes: ArrayBuffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const report = async (forYear: number, kind: 'xlsx' | 'pdf') => (await org.admin.raw('GET', `/api/organisations/${org.socialId}/reports/ledningens-genomgang.${kind}?year=${forYear}`)).arrayBuffer();
const planOf = async () => (await org.admin.get<{ items: Item[] }>(`/api/assets/${assetId}/plan`)).body.items.filter((item) => item.applicable);

const row = (rows: unknown[][], label: string) => rows.find((entry) => entry[0] === label)?.slice(1);
const section3 = (text: string) => text.slice(text.indexOf('3. Handlingsplaner'), text.indexOf('Läget i dag:'));

async function setStatus(item: Item, status: string): Promise<void> {
  const response = await org.admin.patch(`/api/plan-items/${item.id}`, { baseRevision: item.revision, status });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  ({ assetId } = await decidedClassification(org, org.socialId));
  const items = await planOf();
  for (const item of items.slice(0, 4)) await setStatus(item, 'uppfyllt');
  await setStatus(items[4]!, 'ej_uppfyllt');
  // All of that happened last year: the rows are moved back, as if the workshop had been held then.
  const { db } = testApp.deps.database;
  await db.updateTable('assets').set({ created_at: lastSummer }).where('id', '=', assetId).execute();
  await db.updateTable('assessments').set({ created_at: lastSummer, updated_at: lastSummer, decided_at: lastSummer }).where('asset_id', '=', assetId).execute();
  await db.updateTable('plan_items').set({ created_at: lastSummer }).where('asset_id', '=', assetId).execute();
  await db.updateTable('plan_item_events').set({ changed_at: lastSummer }).where('asset_id', '=', assetId).execute();
  // Written past the stores, so the asset's round summary is made afresh, as the stores would have kept it then.
  await rebuildRoundSummaries(db);
});
afterAll(async () => {
  await testApp.close();
});

describe('Ledningens genomgång over the years', () => {
  it('keeps last year’s report as it was when this year’s plan is edited, with the comparison and the ISAM’s section', async () => {
    const path = `/api/organisations/${org.socialId}/reports/ledningens-genomgang/statement`;
    const isam = await org.userWith('isam', org.socialId);
    const written = await isam.put<{ revision: number }>(path, { year: lastYear, conclusions: 'Klassningen av lönesystemen är klar.\n\nHandlingsplanerna följs upp kvartalsvis.', proposedActions: 'Utbilda alla objektledare under våren.', baseRevision: 0 });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect((await isam.put(path, { year: lastYear, conclusions: 'Ett annat utkast', proposedActions: '', baseRevision: 0 })).status).toBe(409);
    expect((await org.userWith('granskare', org.socialId).then((reader) => reader.put(path, { year: lastYear, conclusions: 'x', proposedActions: 'y', baseRevision: 1 }))).status).toBe(403);

    const before = await report(lastYear, 'xlsx');
    const comparison = await sheet(before, 'Jämförelse');
    expect(comparison[0]).toEqual(['Uppgift', String(lastYear - 1), String(lastYear)]);
    expect(row(comparison, 'Klassade')).toEqual([0, 1]);
    expect(row(comparison, 'Krav: Uppfyllt')).toEqual([0, 4]);
    expect(row(comparison, 'Krav: Ej uppfyllt')).toEqual([0, 1]);
    expect(await sheet(before, 'Slutsatser')).toEqual([
      ['Avsnitt', 'Text'],
      ['Slutsatser', 'Klassningen av lönesystemen är klar.\n\nHandlingsplanerna följs upp kvartalsvis.'],
      ['Förslag till åtgärder', 'Utbilda alla objektledare under våren.'],
    ]);
    const pdfBefore = pdftotext(new Uint8Array(await report(lastYear, 'pdf'))).replace(/\s+/g, ' ');
    expect(pdfBefore).toContain(`7. Jämförelse med ${lastYear - 1}`);
    expect(pdfBefore).toContain('8. Slutsatser och förslag till åtgärder');
    expect(pdfBefore).toContain('Handlingsplanerna följs upp kvartalsvis.');
    expect(pdfBefore).toContain('Utbilda alla objektledare under våren.');

    // This year: everything fulfilled last year is reopened, and more is fulfilled.
    const items = await planOf();
    for (const item of items.slice(0, 4)) await setStatus(item, 'delvis_uppfyllt');
    for (const item of items.slice(5, 8)) await setStatus(item, 'uppfyllt');

    const after = await report(lastYear, 'xlsx');
    expect(await sheet(after, 'Jämförelse')).toEqual(comparison);
    expect(await sheet(after, 'Slutsatser')).toEqual(await sheet(before, 'Slutsatser'));
    const pdfAfter = pdftotext(new Uint8Array(await report(lastYear, 'pdf'))).replace(/\s+/g, ' ');
    // The PDF differs only in what is labelled as today's state.
    expect(section3(pdfAfter)).toBe(section3(pdfBefore));
    expect(pdfAfter.slice(pdfAfter.indexOf('7. Jämförelse'))).toBe(pdfBefore.slice(pdfBefore.indexOf('7. Jämförelse')));

    // This year's report compares with last year's state, and counts this year's edits.
    const thisYear = await sheet(await report(year, 'xlsx'), 'Jämförelse');
    expect(row(thisYear, 'Krav: Uppfyllt')).toEqual([4, 3]);
    expect(row(thisYear, 'Krav: Delvis uppfyllt')).toEqual([0, 4]);
    expect(row(thisYear, 'Klassade')).toEqual([1, 1]);
    expect(await sheet(await report(year, 'xlsx'), 'Slutsatser')).toEqual([['Avsnitt', 'Text'], ['Slutsatser', ''], ['Förslag till åtgärder', '']]);
  });
});
