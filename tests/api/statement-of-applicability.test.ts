import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { type ApiClient, loggedIn } from '../support/api-client';
import { pdftotext } from '../support/pdf-tools';
import { createTestApp, type TestApp } from '../support/test-app';

interface Row {
  control: { id: string; title: string };
  applicable: boolean;
  assets: number;
  reasons: { kind: string }[];
  statusCounts: Record<string, number>;
  implementation: string | null;
  justification: string | null;
  exclusionBasis: string | null;
}
interface Statement {
  summary: { controls: number; applicable: number; excluded: number; excludedWithoutJustification: number; assets: number };
  rows: Row[];
}

type Catalog = { meta: { version: number }; requirements: { id: string; version: number; iso27002: string[] }[] };
const catalogVersion = (catalog: Catalog) => catalog.meta.version;
const controlsIn = (list: Catalog[]) => new Set(list.flatMap((catalog) => catalog.requirements.flatMap((requirement) => requirement.iso27002)));
const catalogs = fs.readdirSync('forms/kravkatalog').map((file) => JSON.parse(fs.readFileSync(`forms/kravkatalog/${file}`, 'utf8')) as Catalog);
/** Every published requirement version's controls, read from the catalog files themselves. */
const controlsOf = new Map(catalogs.flatMap((catalog) => catalog.requirements.map((requirement) => [`${requirement.id}@${requirement.version}`, requirement.iso27002] as const)));

/** The words of a text; a break after a hyphen is a proper one, and pdftotext joins it again without the hyphen. */
const words = (line: string) => line.replace(/-/g, '').split(/[\s,–()]+/).filter((word) => word.length > 3);

let testApp: TestApp;
let isam: ApiClient;
let kommunId: string;
const path = () => `/api/organisations/${kommunId}/reports/tillampningsforklaring`;

beforeAll(async () => {
  testApp = await createTestApp({ SIGILL_DEMO: '1' });
  isam = await loggedIn(testApp, `isam@${demoDomain}`, demoPassword);
  kommunId = (await isam.get<{ organisations: { id: string; name: string }[] }>('/api/organisations')).body.organisations.find((entry) => entry.name === 'Exempelkommun')!.id;
}, 60_000);
afterAll(async () => {
  await testApp.close();
});

/** The controls the demo's fastställda plans name, read through the assessments' API and the catalog file, not the statement. */
async function controlsOfFaststalldaPlans(): Promise<{ controls: Map<string, Set<string>>; assets: { id: string; name: string }[] }> {
  const all = (await isam.get<{ items: { id: string; name: string }[] }>('/api/assets?pageSize=100')).body.items;
  const controls = new Map<string, Set<string>>();
  const assets: { id: string; name: string }[] = [];
  for (const asset of all) {
    const assessments = (await isam.get<{ assessments: { id: string; kind: string; status: string; round: number }[] }>(`/api/assets/${asset.id}/assessments`)).body.assessments;
    const inForce = assessments.filter((entry) => entry.kind === 'classification' && entry.status === 'faststalld').sort((a, b) => b.round - a.round)[0];
    if (!inForce) continue;
    assets.push(asset);
    const result = (await isam.get<{ result: { actionPlan: { requirements: { id: string; version: number }[] } } }>(`/api/assessments/${inForce.id}`)).body.result;
    for (const requirement of result.actionPlan.requirements) {
      for (const control of controlsOf.get(`${requirement.id}@${requirement.version}`)!) controls.set(control, (controls.get(control) ?? new Set()).add(asset.id));
    }
  }
  return { controls, assets };
}

describe('the tillämpningsförklaring', () => {
  it('lists all 93 controls of ISO/IEC 27002:2022 with applicability from the demo’s fastställda plans', async () => {
    const { controls, assets } = await controlsOfFaststalldaPlans();
    expect(assets.length).toBe(4);
    const statement = (await isam.get<Statement>(path())).body;
    expect(statement.rows).toHaveLength(93);
    expect(statement.summary).toMatchObject({ controls: 93, assets: 4, applicable: controls.size, excluded: 93 - controls.size });
    for (const row of statement.rows) {
      expect({ control: row.control.id, applicable: row.applicable, assets: row.assets }).toEqual({ control: row.control.id, applicable: controls.has(row.control.id), assets: controls.get(row.control.id)?.size ?? 0 });
    }
    const policies = statement.rows.find((row) => row.control.id === '5.1')!;
    expect(policies).toMatchObject({ applicable: true, assets: 4, control: { title: 'Informationssäkerhetspolicyer' } });
    expect(policies.reasons).toContainEqual({ kind: 'baseline' });
    // Covered by the newest catalog: no plan asks for it; by none at all: the catalog lacks it (older catalogs count only where a plan was made from them).
    const newest = controlsIn([catalogs.reduce((a, b) => (catalogVersion(a) > catalogVersion(b) ? a : b))]);
    const any = controlsIn(catalogs);
    const excluded = statement.rows.filter((entry) => !entry.applicable);
    const expectedBasis = (control: string, basis: string | null) => (newest.has(control) ? 'no-plan-requires' : any.has(control) ? basis : 'not-in-catalog');
    expect(excluded.map((row) => [row.control.id, row.exclusionBasis])).toEqual(excluded.map((row) => [row.control.id, expectedBasis(row.control.id, row.exclusionBasis)]));
    expect(excluded.map((row) => row.implementation)).toEqual(excluded.map(() => null));
  });

  it('counts how far a control is in place from the plan items’ statuses today', async () => {
    const before = (await isam.get<Statement>(path())).body.rows.find((row) => row.control.id === '5.1')!;
    const ekonomi = (await isam.get<{ items: { id: string; name: string }[] }>('/api/assets?q=Ekonomisystemet')).body.items[0]!;
    const item = (await isam.get<{ items: { id: string; sourceKey: string; status: string; revision: number }[] }>(`/api/assets/${ekonomi.id}/plan`)).body.items.find((entry) => entry.sourceKey === 'org-styrdokument')!;
    const target = item.status === 'uppfyllt' ? 'delvis_uppfyllt' : 'uppfyllt';
    expect((await isam.patch(`/api/plan-items/${item.id}`, { baseRevision: item.revision, status: target })).status).toBe(200);
    const after = (await isam.get<Statement>(path())).body.rows.find((row) => row.control.id === '5.1')!;
    expect(after.statusCounts[target]).toBe(before.statusCounts[target]! + 1);
    expect(after.statusCounts[item.status]).toBe(before.statusCounts[item.status]! - 1);
  });

  it('keeps the ISAM’s justification of an exclusion, and refuses others and unknown controls', async () => {
    const excluded = (await isam.get<Statement>(path())).body.rows.find((row) => !row.applicable)!;
    const text = 'Kommunen har inga egna säkra områden; lokalerna hyrs med leverantörens skydd.';
    expect((await isam.put(`/api/organisations/${kommunId}/soa-justifications/${excluded.control.id}`, { justification: text })).status).toBe(200);
    const statement = (await isam.get<Statement>(path())).body;
    expect(statement.rows.find((row) => row.control.id === excluded.control.id)!.justification).toBe(text);
    expect(statement.summary.excludedWithoutJustification).toBe(statement.summary.excluded - 1);

    const objektledare = await loggedIn(testApp, `objektledare.social@${demoDomain}`, demoPassword);
    const socialId = (await objektledare.get<{ organisations: { id: string; name: string }[] }>('/api/organisations')).body.organisations.find((entry) => entry.name === 'Socialförvaltningen')!.id;
    expect((await objektledare.put(`/api/organisations/${socialId}/soa-justifications/5.7`, { justification: 'x' })).status).toBe(403);
    const malformed = await isam.put<{ error: { code: string; details: { path: string }[] } }>(`/api/organisations/${kommunId}/soa-justifications/9.99`, { justification: 'x' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.error)).toContain('controlId');
    expect((await isam.put(`/api/organisations/${kommunId}/soa-justifications/8.35`, { justification: 'x' })).status).toBe(404);

    expect((await isam.put(`/api/organisations/${kommunId}/soa-justifications/${excluded.control.id}`, { justification: '' })).status).toBe(200);
    expect((await isam.get<Statement>(path())).body.rows.find((row) => row.control.id === excluded.control.id)!.justification).toBeNull();
  });

  it('exports every control to XLSX and PDF, by heading and never by key', async () => {
    const statement = (await isam.get<Statement>(path())).body;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await isam.raw('GET', `${path()}.xlsx`)).arrayBuffer());
    const sheet = workbook.getWorksheet('Tillämpningsförklaring')!;
    expect(sheet.rowCount).toBe(94);
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['5.1', 'Informationssäkerhetspolicyer', 'Tillämplig']));

    const pdf = new Uint8Array(await (await isam.raw('GET', `${path()}.pdf`)).arrayBuffer());
    const text = pdftotext(pdf);
    expect(text).toContain('Tillämpningsförklaring');
    // Every word of every heading whole: a narrow column would break "Informationssäkerhetspolicyer" mid-word.
    const printed = new Set(words(text));
    for (const row of statement.rows) for (const word of words(row.control.title)) expect({ control: row.control.id, word, printed: printed.has(word) }).toEqual({ control: row.control.id, word, printed: true });
    for (const key of ['no-plan-requires', 'not-in-catalog', 'delvis_infort', 'ej_bedomd', 'org-styrdokument']) expect(text).not.toContain(key);
  });
});
