import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { exemptionScreeningAnswers } from '../support/dpia-probes';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { screeningAnswersV2 } from '../support/screening-answers';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstAuthorAnswers, hemtjanstFixture } from '../support/hemtjanst-fixture';

/** Issue 17: the dataskyddsombud's column and filters in the inventory, and the overview of screenings and DPIAs. */

interface Listed {
  items: { id: string; name: string; dataProtection: { screening: string; screeningId: string | null; dpia: string; dpiaId: string | null } }[];
  total: number;
}
interface Overview {
  organisationName: string;
  screenings: { state: string; count: number }[];
  dpias: { state: string; count: number }[];
  assets: { assetName: string; screening: string; screeningId: string | null; screeningStatus: string | null; dpia: string; dpiaId: string | null; dpiaDecision: string | null }[];
  truncated: boolean;
}

const hemtjanst = hemtjanstFixture();
const dpiaAnswers = hemtjanstAuthorAnswers();

let testApp: TestApp;
let org: OrgFixture;
let author: ApiClient;
let dso: ApiClient;
let decider: ApiClient;
const ids: Record<string, string> = {};

async function asset(name: string, organisationId = org.socialId): Promise<string> {
  return (await org.admin.post<{ id: string }>('/api/assets', assetInput(organisationId, { name }))).body.id;
}

async function started(assetId: string, kind: 'dpia-screening' | 'dpia', answers: Record<string, unknown>): Promise<string> {
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind })).body;
  expect((await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers })).status).toBe(200);
  return id;
}

async function submit(id: string): Promise<void> {
  expect((await author.post(`/api/assessments/${id}/submit`)).status).toBe(200);
}

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  author = await org.userWith('objektledare', org.rootId);
  dso = await org.userWith('dso', org.rootId);
  decider = await org.userWith('beslutsfattare', org.rootId);
  // Nothing yet: Arkiv. A screening saying Krävs and a DPIA in utkast: Hemtjänstens larm.
  ids.arkiv = await asset('Arkiv');
  ids.larm = await asset('Hemtjänstens larm');
  ids.larmScreening = await started(ids.larm, 'dpia-screening', screeningAnswersV2(hemtjanst.screening));
  ids.larmDpia = await started(ids.larm, 'dpia', dpiaAnswers);
  // A claimed exemption waiting for the DSO: Elevhälsans journal (in the other förvaltning).
  ids.elev = await asset('Elevhälsans journal', org.skolaId);
  ids.elevScreening = await started(ids.elev, 'dpia-screening', exemptionScreeningAnswers());
  await submit(ids.elevScreening);
  // A DPIA waiting for the DSO's advice: Boendeplanering.
  ids.boende = await asset('Boendeplanering');
  ids.boendeDpia = await started(ids.boende, 'dpia', dpiaAnswers);
  await submit(ids.boendeDpia);
});
afterAll(async () => {
  await testApp.close();
});

async function listed(query: string, client: ApiClient = dso): Promise<Listed> {
  const response = await client.get<Listed>(`/api/assets?pageSize=100${query}`);
  expect(response.status).toBe(200);
  return response.body;
}
const names = (list: Listed) => list.items.map((item) => item.name).sort();

async function overview(organisationId = org.rootId, client: ApiClient = dso): Promise<Overview> {
  const response = await client.get<Overview>(`/api/organisations/${organisationId}/reports/dataskydd`);
  expect(response.status).toBe(200);
  return response.body;
}
const countOf = (counts: { state: string; count: number }[], state: string) => counts.find((entry) => entry.state === state)?.count;

describe('the DSO in the inventory', () => {
  it('shows each asset’s newest screening outcome and DPIA step, linked to the assessments', async () => {
    const byName = new Map((await listed('')).items.map((item) => [item.name, item.dataProtection]));
    expect(byName.get('Arkiv')).toEqual({ screening: 'ej-screenad', screeningId: null, dpia: 'ej-paborjad', dpiaId: null });
    expect(byName.get('Hemtjänstens larm')).toEqual({ screening: 'kravs', screeningId: ids.larmScreening, dpia: 'utkast', dpiaId: ids.larmDpia });
    expect(byName.get('Elevhälsans journal')).toMatchObject({ screening: 'undantag-vantar', dpia: 'ej-paborjad' });
    expect(byName.get('Boendeplanering')).toMatchObject({ screening: 'ej-screenad', dpia: 'vantar-dso-rad', dpiaId: ids.boendeDpia });
  });

  it('filters by outcome and by step, paging on the filtered total, and refuses an unknown value naming the field', async () => {
    expect(names(await listed('&screening=kravs'))).toEqual(['Hemtjänstens larm']);
    expect(names(await listed('&screening=undantag-vantar'))).toEqual(['Elevhälsans journal']);
    const onePage = await dso.get<Listed>('/api/assets?screening=ej-screenad&pageSize=1');
    expect([onePage.body.items.length, onePage.body.total]).toEqual([1, 2]);
    expect(names(await listed('&screening=ej-screenad'))).toEqual(['Arkiv', 'Boendeplanering']);
    expect(names(await listed('&dpia=vantar-dso-rad'))).toEqual(['Boendeplanering']);
    expect(names(await listed('&dpia=ej-paborjad&screening=ej-screenad'))).toEqual(['Arkiv']);
    const refused = await dso.get<{ error: { details: { field: string }[] } }>('/api/assets?screening=kravs_inte');
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((detail) => detail.field)).toEqual(['query.screening']);
  });

  it('follows the sign-off: the DSO’s exemption decision, the advice and the decision move the states', async () => {
    expect((await dso.post(`/api/assessments/${ids.elevScreening}/exemption-decision`, { decision: 'godtas', reasons: 'Skäl 91 gäller för en enskild psykologs anteckningar.', statement: 'Jag avgör.' })).status).toBe(200);
    expect(names(await listed('&screening=undantag-godtaget'))).toEqual(['Elevhälsans journal']);
    expect((await dso.post(`/api/assessments/${ids.boendeDpia}/advise`, { advice: 'tillstyrker', reasons: 'Proportionerlig behandling.', statement: 'Mitt råd.' })).status).toBe(200);
    expect(names(await listed('&dpia=vantar-beslut'))).toEqual(['Boendeplanering']);
    const decided = await decider.post(`/api/assessments/${ids.boendeDpia}/decide`, { statement: 'Beslut.', decision: 'godkann' });
    expect(decided.status).toBe(200);
    expect(names(await listed('&dpia=beslutad'))).toEqual(['Boendeplanering']);

    const view = await overview();
    expect(view.organisationName.length).toBeGreaterThan(0);
    expect(countOf(view.screenings, 'ej-screenad')).toBe(2);
    expect(countOf(view.screenings, 'kravs')).toBe(1);
    expect(countOf(view.screenings, 'undantag-godtaget')).toBe(1);
    expect(countOf(view.screenings, 'undantag-vantar')).toBe(0);
    expect(countOf(view.dpias, 'ej-paborjad')).toBe(2);
    expect(countOf(view.dpias, 'utkast')).toBe(1);
    expect(countOf(view.dpias, 'beslutad')).toBe(1);
    expect(view.truncated).toBe(false);
    expect(view.assets.map((row) => row.assetName)).toEqual(['Boendeplanering', 'Elevhälsans journal', 'Hemtjänstens larm']);
    expect(view.assets[0]).toMatchObject({ dpia: 'beslutad', dpiaDecision: 'godkann', dpiaId: ids.boendeDpia, screeningId: null });
    expect(view.assets[1]).toMatchObject({ screening: 'undantag-godtaget', screeningStatus: 'for_granskning', screeningId: ids.elevScreening });
  });
});

describe('the overview of screenings and DPIAs', () => {
  it('covers the chosen organisation and those below it only', async () => {
    const skola = await overview(org.skolaId);
    expect(skola.assets.map((row) => row.assetName)).toEqual(['Elevhälsans journal']);
    expect(skola.screenings.reduce((sum, entry) => sum + entry.count, 0)).toBe(1);
  });

  it('is the DSO’s, the ISAM’s and the granskare’s; a beslutsfattare or objektledare gets 403', async () => {
    expect((await (await org.userWith('isam', org.rootId)).get(`/api/organisations/${org.rootId}/reports/dataskydd`)).status).toBe(200);
    expect((await (await org.userWith('granskare', org.rootId)).get(`/api/organisations/${org.rootId}/reports/dataskydd`)).status).toBe(200);
    expect((await decider.get(`/api/organisations/${org.rootId}/reports/dataskydd`)).status).toBe(403);
    expect((await author.get(`/api/organisations/${org.rootId}/reports/dataskydd`)).status).toBe(403);
  });

  it('puts the outcome and the step into the inventory export in words', async () => {
    const response = await dso.raw('GET', '/api/exports/inventory.xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    const row = rows.find((values) => values[at('Namn')] === 'Hemtjänstens larm')!;
    expect([row[at('Förhandsbedömning')], row[at('Konsekvensbedömning')]]).toEqual(['Krävs', 'Utkast']);
    const elev = rows.find((values) => values[at('Namn')] === 'Elevhälsans journal')!;
    expect(elev[at('Förhandsbedömning')]).toBe('Krävs inte – undantag godtaget av DSO');
  });
});
