import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedAsset, generateInstallation } from '../support/oversight-data';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdftotext } from '../support/pdf-tools';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
let org: OrgFixture;
let generated: GeneratedAsset[];
const now = new Date();
const year = now.getUTCFullYear();

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  const admin = await testApp.deps.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  generated = await generateInstallation(testApp.deps.database.db, { organisationIds: [org.socialId, org.skolaId], userId: admin.id, assets: 140, planItemsPerAsset: 5, now, seed: 11 });
});
afterAll(async () => {
  await testApp.close();
});

/** Counted here from the generated rows, independently of the server's queries. */
function expected() {
  const live = generated.filter((asset) => !asset.archived);
  const classified = live.filter((asset) => asset.status === 'faststalld');
  const items = live.flatMap((asset) => asset.plan);
  return {
    assets: live.length,
    classified: classified.length,
    inProgress: live.filter((asset) => asset.status === 'pagar').length,
    notClassified: live.filter((asset) => asset.status !== 'faststalld'),
    openItems: items.filter((item) => !['uppfyllt', 'ej_tillampligt', 'risk_accepterad'].includes(item.status)).length,
    riskAccepted: items.filter((item) => item.status === 'risk_accepterad').length,
  };
}

async function sheetValues(bytes: ArrayBuffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('Ledningens genomgång', () => {
  it('puts the right figures in the XLSX', async () => {
    const response = await org.admin.raw('GET', `/api/organisations/${org.rootId}/reports/ledningens-genomgang.xlsx?year=${year}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`ledningens-genomgang-${year}`);
    const bytes = await response.arrayBuffer();
    const summary = new Map((await sheetValues(bytes, 'Sammanfattning')).map(([key, value]) => [key, value]));
    const want = expected();
    expect(summary.get('Informationstillgångar')).toBe(want.assets);
    expect(summary.get('Klassade')).toBe(want.classified);
    expect(summary.get('Klassning pågår')).toBe(want.inProgress);
    expect(summary.get('Ej klassade')).toBe(want.assets - want.classified - want.inProgress);
    expect(summary.get('Andel klassade (%)')).toBe(Math.round((1000 * want.classified) / want.assets) / 10);
    expect(summary.get('Öppna krav i handlingsplaner')).toBe(want.openItems);
    const firstThisYear = generated.filter((asset) => asset.firstDecidedAt !== null && asset.firstDecidedAt >= `${year}-01-01`);
    expect(summary.get('  varav första klassning')).toBe(firstThisYear.length);
    const unclassified = await sheetValues(bytes, 'Ej klassade');
    expect(unclassified.slice(1).map((row) => row[0]).sort()).toEqual(want.notClassified.map((asset) => asset.name).sort());
    expect((await sheetValues(bytes, 'Riskacceptanser')).length - 1).toBe(want.riskAccepted);
  });

  it('states the headline figure in the PDF, as the seeds do', async () => {
    const response = await org.admin.raw('GET', `/api/organisations/${org.rootId}/reports/ledningens-genomgang.pdf?year=${year}`);
    expect(response.status).toBe(200);
    const text = pdftotext(new Uint8Array(await response.arrayBuffer())).replace(/\s+/g, ' ');
    const want = expected();
    expect(text).toContain(`Av ${want.assets} informationstillgångar är ${want.classified} klassade`);
    expect(text).toContain('Informationstillgångar som inte är klassade');
    expect(text).toContain(want.notClassified[0]!.name);
  });

  it('counts a past year at its last day', async () => {
    const response = await org.admin.raw('GET', `/api/organisations/${org.rootId}/reports/ledningens-genomgang.xlsx?year=${year - 1}`);
    const summary = new Map((await sheetValues(await response.arrayBuffer(), 'Sammanfattning')).map(([key, value]) => [key, value]));
    const end = `${year - 1}-12-31T23:59:59.999Z`;
    const existing = generated.filter((asset) => asset.createdAt <= end);
    expect(summary.get('Informationstillgångar')).toBe(existing.length);
    expect(summary.get('Klassade')).toBe(existing.filter((asset) => asset.firstDecidedAt !== null && asset.firstDecidedAt <= end).length);
  });

  // Last: it adds assets the tests above do not count.
  it('lists the first 300 unclassified assets in the PDF and says how many there are; the XLSX lists them all', async () => {
    const admin = await testApp.deps.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    const more = await generateInstallation(testApp.deps.database.db, { organisationIds: [org.rootId], userId: admin.id, assets: 700, planItemsPerAsset: 0, now, seed: 12 });
    const all = [...generated, ...more].filter((asset) => !asset.archived && asset.status !== 'faststalld');
    expect(all.length).toBeGreaterThan(300);
    const workbook = await org.admin.raw('GET', `/api/organisations/${org.rootId}/reports/ledningens-genomgang.xlsx?year=${year}`);
    const listed = (await sheetValues(await workbook.arrayBuffer(), 'Ej klassade')).slice(1).map((row) => String(row[0]));
    expect(listed).toHaveLength(all.length);
    const pdf = await org.admin.raw('GET', `/api/organisations/${org.rootId}/reports/ledningens-genomgang.pdf?year=${year}`);
    const text = pdftotext(new Uint8Array(await pdf.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain(`Listan visar de första 300 av ${all.length.toLocaleString('sv-SE').replace(/\s/g, ' ')}, per organisation och namn.`);
    // The PDF lists the XLSX's first 300 rows; names repeat across the two generations, so the one left out is one not listed before.
    const shown = new Set(listed.slice(0, 300));
    const left = listed.slice(300).find((name) => !shown.has(name));
    expect(text).toContain(listed[299]);
    expect(left).toBeDefined();
    expect(text).not.toContain(left);
  });
});
