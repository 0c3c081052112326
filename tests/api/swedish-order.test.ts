import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lgReportData } from '../../server/reports/lg-report-data';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { publishedTemplate } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 16: SQLite folds case for ASCII only, so "över" did not find "Överförmyndare" and the inventory
 * sorted "Zebra | Äldreomsorg | Åtgärdsregister | Örebro | ärendesystem". Swedish order is A–Z, then
 * Å Ä Ö, case-insensitive — what Intl.Collator('sv') gives — in the inventory, its export, the
 * Ledningens genomgång report and the template library alike.
 */
const names = ['Zebra', 'Äldreomsorg', 'Åtgärdsregister', 'Örebro', 'ärendesystem'];
const swedishOrder = ['Zebra', 'Åtgärdsregister', 'Äldreomsorg', 'ärendesystem', 'Örebro'];

let testApp: TestApp;
let org: OrgFixture;
beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterEach(async () => {
  await testApp.close();
});

const listed = async (query = '') => (await org.admin.get<{ items: { name: string }[] }>(`/api/assets?${query}`)).body.items.map((asset) => asset.name);

describe('Swedish search and sort', () => {
  it('expects the order Intl.Collator("sv") gives', () => {
    expect([...names].sort(new Intl.Collator('sv').compare)).toEqual(swedishOrder);
  });

  it('lists the inventory and its export in Swedish order', async () => {
    for (const name of names) expect((await org.admin.post('/api/assets', assetInput(org.socialId, { name, tags: [], suppliers: [] }))).status).toBe(201);
    expect(await listed()).toEqual(swedishOrder);
    const csv = await (await org.admin.raw('GET', '/api/exports/inventory.csv')).text();
    const exported = csv.trim().split('\r\n').slice(1).map((line) => line.split(';')[2]!.replaceAll('"', ''));
    expect(exported).toEqual(swedishOrder);
  });

  it('lists the not yet classified assets of Ledningens genomgång in Swedish order', async () => {
    for (const name of names) await org.admin.post('/api/assets', assetInput(org.socialId, { name, tags: [], suppliers: [] }));
    const tree = await testApp.deps.organisations.current();
    const report = await lgReportData(testApp.deps.database.db, tree, org.rootId, tree.selfAndDescendants(org.rootId), new Date().getUTCFullYear());
    expect(report.notClassified.map((row) => row.name)).toEqual(swedishOrder);
  });

  it('finds "Överförmyndare" by "över" and "ÖVER", and keeps å, ä and ö apart from a and o', async () => {
    await org.admin.post('/api/assets', assetInput(org.socialId, { name: 'Överförmyndare', description: '', tags: [], suppliers: [] }));
    await org.admin.post('/api/assets', assetInput(org.socialId, { name: 'Overhead-projektor', description: '', tags: [], suppliers: [] }));
    await org.admin.post('/api/assets', assetInput(org.socialId, { name: 'Café-kassan', description: 'Kassa i Ängens café', tags: ['Kök'], suppliers: [] }));
    expect(await listed('q=%C3%B6ver')).toEqual(['Överförmyndare']);
    expect(await listed('q=%C3%96VER')).toEqual(['Överförmyndare']);
    expect(await listed('q=over')).toEqual(['Overhead-projektor']);
    expect(await listed('q=cafe')).toEqual(['Café-kassan']);
    expect(await listed('q=%C3%A4ngens')).toEqual(['Café-kassan']);
    expect(await listed('q=k%C3%96K')).toEqual(['Café-kassan']);
  });

  it('finds an asset again under its new name, and by nothing it no longer says', async () => {
    const created = await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Ärendesystem', description: '', tags: [], suppliers: [] }));
    await org.admin.patch(`/api/assets/${created.body.id}`, { name: 'Överförmyndarregister' });
    expect(await listed('q=%C3%A4rende')).toEqual([]);
    expect(await listed('q=%C3%B6verf%C3%B6rmyndar')).toEqual(['Överförmyndarregister']);
    await org.admin.patch(`/api/assets/${created.body.id}`, { tags: ['Gode män'] });
    expect(await listed('q=GODE')).toEqual(['Överförmyndarregister']);
  });

  it('lists and searches the template library by the same rule', async () => {
    await org.admin.patch(`/api/organisations/${org.rootId}`, { isCentral: true });
    for (const name of ['Örebro', 'Zebra', 'ärendesystem', 'Åtgärdsregister']) await publishedTemplate(org, org.rootId, { name });
    const library = async (query = '') => (await org.admin.get<{ templates: { latest: { name: string }; adoptions: number }[] }>(`/api/templates${query}`)).body.templates;
    expect((await library()).map((template) => template.latest.name)).toEqual(['Zebra', 'Åtgärdsregister', 'ärendesystem', 'Örebro']);
    expect((await library('?q=%C3%84RENDE')).map((template) => template.latest.name)).toEqual(['ärendesystem']);
    expect((await library()).every((template) => template.adoptions === 0)).toBe(true);
  });
});
