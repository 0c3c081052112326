import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procurementRequirements } from '../../scoring/classification/procurement';
import { type ActionPlanSummary, buildActionPlan } from '../../scoring/classification/action-plan';
import type { Classification } from '../../scoring/classification/classification-types';
import type { RequirementCatalog } from '../../scoring/content/requirement-catalog';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdftotext } from '../support/pdf-tools';
import { createTestApp, type TestApp } from '../support/test-app';

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;
let assetId: string;
let assessmentId: string;
let draftAssetId: string;

async function rows(response: Response): Promise<unknown[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const values: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  return values;
}
function csvRows(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(';').map((cell) => cell.replace(/^"|"$/g, '')));
}

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  assetId = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Ekonomisystem', externalId: 'SYS-7' }))).body.id;
  assessmentId = (await org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body.id;
  await org.admin.put(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers: ekonomisystem });
  await org.admin.post(`/api/assessments/${assessmentId}/submit`);
  await (await org.userWith('beslutsfattare', org.socialId)).post(`/api/assessments/${assessmentId}/decide`, { statement: 'Fastställs' });
  draftAssetId = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Gruppdisk' }))).body.id;
});
afterAll(async () => {
  await testApp.close();
});

describe('exports', () => {
  it('gives the inventory as XLSX with profiles and review dates', async () => {
    const asset = (await org.admin.get<{ nextReviewAt: string; profile: Record<string, number> }>(`/api/assets/${assetId}`)).body;
    const sheet = await rows(await org.admin.raw('GET', '/api/exports/inventory.xlsx'));
    const header = sheet[0] as string[];
    expect(header).toEqual(expect.arrayContaining(['Namn', 'Profil', 'K', 'Fastställd', 'Nästa omprövning']));
    const row = sheet.find((line) => line[header.indexOf('Id')] === assetId)!;
    expect(row[header.indexOf('Externt id')]).toBe('SYS-7');
    expect(row[header.indexOf('K')]).toBe(asset.profile.K);
    expect(row[header.indexOf('Profil')]).toBe(`K${asset.profile.K} R${asset.profile.R} T${asset.profile.T} S${asset.profile.S}`);
    expect(row[header.indexOf('Nästa omprövning')]).toBe(asset.nextReviewAt.slice(0, 10));
    expect(row[header.indexOf('Klassning')]).toBe('Fastställd');
    expect(sheet.some((line) => line[header.indexOf('Id')] === draftAssetId)).toBe(true);
    // Only what the caller may read: a user of the other förvaltning gets none of these assets.
    const stranger = await rows(await (await org.userWith('granskare', org.skolaId)).raw('GET', '/api/exports/inventory.xlsx'));
    expect(stranger).toHaveLength(1);
  });

  it('gives the action plan as XLSX and CSV with the same items as the plan', async () => {
    const plan = (await org.admin.get<{ items: { sourceKey: string; applicable: boolean; title: string }[] }>(`/api/assets/${assetId}/plan`)).body.items.filter((item) => item.applicable);
    const sheet = await rows(await org.admin.raw('GET', `/api/assets/${assetId}/plan.xlsx`));
    expect(sheet.slice(1).map((line) => line[0])).toEqual(plan.map((item) => item.sourceKey));
    const csv = await org.admin.raw('GET', `/api/assets/${assetId}/plan.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csvRows(await csv.text());
    expect(lines[0]![1]).toBe('Krav');
    expect(lines.slice(1).map((line) => line[0])).toEqual(plan.map((item) => item.sourceKey));
  });

  it('gives upphandlingskrav as the SKA-krav of the fastställd classification, XLSX and PDF', async () => {
    const stored = (await testApp.deps.database.db.selectFrom('assessments').select('result').where('id', '=', assessmentId).executeTakeFirstOrThrow()).result!;
    const result = JSON.parse(stored) as { classification: Classification; actionPlan: ActionPlanSummary };
    const catalog = JSON.parse(fs.readFileSync(`forms/kravkatalog/v${result.actionPlan.catalog.version}.json`, 'utf8')) as RequirementCatalog;
    const want = procurementRequirements(buildActionPlan(catalog, result.classification)).requirements;
    expect(want.length).toBeGreaterThan(0);
    expect(want.map((requirement) => requirement.id)).toEqual(result.actionPlan.requirements.map((requirement) => requirement.id));
    const sheet = await rows(await org.admin.raw('GET', `/api/assets/${assetId}/upphandlingskrav.xlsx`));
    expect(sheet.slice(1).map((line) => [line[1], line[4]])).toEqual(want.map((requirement) => [requirement.id, requirement.text]));
    const pdf = await org.admin.raw('GET', `/api/assets/${assetId}/upphandlingskrav.pdf`);
    expect(pdf.status).toBe(200);
    const text = pdftotext(new Uint8Array(await pdf.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain('Upphandlingskrav');
    expect(text).toContain(want[0]!.title);
    // No fastställd classification: nothing to require yet.
    expect((await org.admin.raw('GET', `/api/assets/${draftAssetId}/upphandlingskrav.pdf`)).status).toBe(409);
  });

  it('gives the levels as the value list Säkerhetsklass, CSV and XLSX', async () => {
    const asset = (await org.admin.get<{ profile: Record<string, number | null> }>(`/api/assets/${assetId}`)).body;
    const sheet = await rows(await org.admin.raw('GET', `/api/assets/${assetId}/sakerhetsklass.xlsx`));
    const header = sheet[0] as string[];
    const objectRows = sheet.filter((line) => line[header.indexOf('Nivå')] === 'Objekt');
    expect(objectRows.map((line) => [line[header.indexOf('Skyddsaspekt')], line[header.indexOf('Säkerhetsklass')] ?? null])).toEqual(['K', 'R', 'T', 'S'].map((aspect) => [aspect, asset.profile[aspect] ?? null]));
    const names = ['Försumbar', 'Måttlig', 'Betydande', 'Allvarlig', 'Synnerligen allvarlig'];
    for (const line of objectRows) expect(line[header.indexOf('Säkerhetsklass (benämning)')]).toBe(names[line[header.indexOf('Säkerhetsklass')] as number]);
    expect(sheet.some((line) => line[header.indexOf('Nivå')] === 'Informationsmängd')).toBe(true);
    const csv = csvRows(await (await org.admin.raw('GET', `/api/assets/${assetId}/sakerhetsklass.csv`)).text());
    expect(csv).toHaveLength(sheet.length);
    expect((await org.admin.raw('GET', `/api/assets/${draftAssetId}/sakerhetsklass.csv`)).status).toBe(409);
  });
});
