import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

interface Asset {
  id: string;
  name: string;
  organisationId: string;
  classificationStatus: string;
  archivedAt: string | null;
  tags: string[];
}

let testApp: TestApp;
let org: OrgFixture;
beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterEach(async () => {
  await testApp.close();
});

describe('the inventory', () => {
  it('registers an asset as an objektledare and lists it, not yet classified', async () => {
    const objektledare = await org.userWith('objektledare', org.socialId);
    const created = await objektledare.post<Asset>('/api/assets', assetInput(org.socialId));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Verksamhetssystem för ekonomiskt bistånd', classificationStatus: 'ej_klassad', tags: ['socialtjänst'], archivedAt: null });
    const list = await objektledare.get<{ items: Asset[]; total: number }>('/api/assets');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]!.id).toBe(created.body.id);
  });

  it('searches, filters and pages', async () => {
    for (const [name, type] of [['Gruppdisk IFO', 'gruppdisk'], ['Procapita', 'system'], ['E-tjänst försörjningsstöd', 'e-tjanst'], ['Gruppdisk ekonomi', 'gruppdisk']] as const) {
      await org.admin.post('/api/assets', assetInput(org.socialId, { name, type, tags: [] }));
    }
    await org.admin.post('/api/assets', assetInput(org.skolaId, { name: 'Gruppdisk skola', type: 'gruppdisk', tags: [] }));
    const names = async (query: string) => (await org.admin.get<{ items: Asset[] }>(`/api/assets?${query}`)).body.items.map((asset) => asset.name);
    expect(await names('q=gruppdisk')).toEqual(['Gruppdisk ekonomi', 'Gruppdisk IFO', 'Gruppdisk skola']);
    expect(await names(`type=gruppdisk&organisationId=${org.socialId}`)).toEqual(['Gruppdisk ekonomi', 'Gruppdisk IFO']);
    expect(await names('q=50%25')).toEqual([]);
    const page2 = await org.admin.get<{ items: Asset[]; total: number; page: number }>('/api/assets?pageSize=2&page=2');
    expect(page2.body.total).toBe(5);
    expect(page2.body.items.map((asset) => asset.name)).toEqual(['Gruppdisk IFO', 'Gruppdisk skola']);
  });

  it('shows a user only the assets of their organisations, and others’ ids as 404', async () => {
    const socialAsset = (await org.admin.post<Asset>('/api/assets', assetInput(org.socialId))).body;
    const skolaReader = await org.userWith('granskare', org.skolaId);
    expect((await skolaReader.get<{ total: number }>('/api/assets')).body.total).toBe(0);
    const peek = await skolaReader.get(`/api/assets/${socialAsset.id}`);
    expect(peek.status).toBe(404);
    expect(peek.body).toMatchObject({ error: { code: 'not_found' } });
    expect((await skolaReader.patch(`/api/assets/${socialAsset.id}`, { name: 'x' })).status).toBe(404);
  });

  it('lets a reader read but not write, with 403', async () => {
    const asset = (await org.admin.post<Asset>('/api/assets', assetInput(org.socialId))).body;
    const reader = await org.userWith('granskare', org.socialId);
    expect((await reader.get(`/api/assets/${asset.id}`)).status).toBe(200);
    const attempt = await reader.patch(`/api/assets/${asset.id}`, { name: 'Ändrat' });
    expect(attempt.status).toBe(403);
    expect((await reader.get<Asset>(`/api/assets/${asset.id}`)).body.name).toBe(asset.name);
  });

  it('names every bad field and stores nothing', async () => {
    const response = await org.admin.post('/api/assets', { organisationId: org.socialId, name: '', type: 'dator', hosting: 'moln', suppliers: 'ett', color: 'blå' });
    expect(response.status).toBe(400);
    const fields = (response.body as { error: { details: { field: string }[] } }).error.details.map((detail) => detail.field).sort();
    expect(fields).toEqual(['json.color', 'json.hosting', 'json.name', 'json.suppliers', 'json.type']);
    expect((await org.admin.get<{ total: number }>('/api/assets')).body.total).toBe(0);
  });

  it('refuses a second asset with the same external id in an organisation', async () => {
    expect((await org.admin.post('/api/assets', assetInput(org.socialId, { externalId: 'SYS-17' }))).status).toBe(201);
    const duplicate = await org.admin.post('/api/assets', assetInput(org.socialId, { externalId: 'SYS-17', name: 'Annat' }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ error: { details: [{ field: 'body.externalId' }] } });
    expect((await org.admin.post('/api/assets', assetInput(org.skolaId, { externalId: 'SYS-17' }))).status).toBe(201);
  });

  it('deletes an asset without assessments, archives one with', async () => {
    const bare = (await org.admin.post<Asset>('/api/assets', assetInput(org.socialId, { name: 'Tom' }))).body;
    expect((await org.admin.delete(`/api/assets/${bare.id}`)).status).toBe(204);
    expect((await org.admin.get(`/api/assets/${bare.id}`)).status).toBe(404);

    const used = (await org.admin.post<Asset>('/api/assets', assetInput(org.socialId))).body;
    expect((await org.admin.post(`/api/assets/${used.id}/assessments`, { kind: 'dpia-screening' })).status).toBe(201);
    expect((await org.admin.delete(`/api/assets/${used.id}`)).status).toBe(409);
    const archived = await org.admin.post<Asset>(`/api/assets/${used.id}/archive`);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await org.admin.get<{ total: number }>('/api/assets')).body.total).toBe(0);
    expect((await org.admin.get<{ total: number }>('/api/assets?includeArchived=true')).body.total).toBe(1);
    expect((await org.admin.post<Asset>(`/api/assets/${used.id}/restore`)).body.archivedAt).toBeNull();
  });

  it('exports the inventory as CSV for Excel, defusing formulas', async () => {
    await org.admin.post('/api/assets', assetInput(org.socialId, { name: '=HYPERLINK("http://x")', suppliers: ['A; B'] }));
    const response = await org.admin.raw('GET', '/api/exports/inventory.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('"Id";"Externt id";"Namn"')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain('"A; B"');
  });

  it('needs a login', async () => {
    expect((await new ApiClient(testApp).get('/api/assets')).status).toBe(401);
  });
});
