import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * U+0000 in text: SQLite stores it, PostgreSQL refuses it ("invalid byte sequence"), which
 * surfaced as a 500 on PostgreSQL (found by the fuzz test: GET /api/templates?q=%00). Sigill
 * refuses it at the boundary on both engines, naming the field, before anything is stored.
 */

let testApp: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
}, 60_000);
afterAll(async () => {
  await testApp.close();
});

interface Refusal {
  error: { code: string; details?: { field: string; message: string }[] };
}

describe('a NUL character in a request', () => {
  it('in a query string is refused with the parameter named', async () => {
    for (const url of ['/api/templates?q=%00', '/api/assets?q=a%00b', '/api/templates?q=x&q=%00']) {
      const response = await org.admin.get<Refusal>(url);
      expect(response.status, url).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details).toEqual([{ field: 'query.q', message: expect.stringMatching(/NUL/), code: 'nul_character' }]);
    }
  });

  it('in a path segment is refused', async () => {
    const response = await org.admin.get<Refusal>('/api/assets/abc%00def');
    expect(response.status).toBe(400);
    expect(response.body.error.details?.[0]?.field).toBe('path');
  });

  it('in a JSON body is refused with the path of the field, and nothing is saved', async () => {
    const before = await org.admin.get<{ total: number }>('/api/assets');
    const response = await org.admin.post<Refusal>('/api/assets', assetInput(org.socialId, { name: 'Lön\u0000system', description: 'ok' }));
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.name', message: expect.stringMatching(/NUL/), code: 'nul_character' }]);
    const nested = await org.admin.post<Refusal>('/api/assets', assetInput(org.socialId, { suppliers: ['Leverantören AB', 'Annan\u0000'] }));
    expect(nested.status).toBe(400);
    expect(nested.body.error.details?.[0]?.field).toBe('body.suppliers.1');
    expect((await org.admin.get<{ total: number }>('/api/assets')).body.total).toBe(before.body.total);
  });

  it('written as an escaped backslash followed by u0000 is ordinary text', async () => {
    const response = await org.admin.post<{ id: string; name: string }>('/api/assets', assetInput(org.socialId, { name: 'Sökväg C:\\u0000' }));
    expect(response.status).toBe(201);
    expect(response.body.name).toBe('Sökväg C:\\u0000');
  });
});
