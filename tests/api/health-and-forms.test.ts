import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sigillVersion } from '../../server/version';
import { createTestApp, jsonOf, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(async () => {
  await testApp.close();
});

describe('GET /api/health', () => {
  it('answers ok with the version and a reachable database', async () => {
    const response = await testApp.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toEqual({ status: 'ok', version: sigillVersion, db: 'ok' });
  });

  it('answers 503 degraded when the database is gone', async () => {
    await testApp.deps.database.db.destroy();
    const response = await testApp.app.request('/api/health');
    expect(response.status).toBe(503);
    expect(await jsonOf(response)).toMatchObject({ status: 'degraded', db: 'unavailable' });
  });
});

describe('GET /api/forms', () => {
  it('lists the published forms by their headers', async () => {
    const response = await testApp.app.request('/api/forms');
    expect(response.status).toBe(200);
    const body = await jsonOf<{ forms: { id: string; version: number; kind: string }[] }>(response);
    expect(body.forms.length).toBe(testApp.deps.forms.list().length);
    expect(body.forms.every((form) => form.id && form.version >= 1 && form.kind)).toBe(true);
  });

  it('serves one form version whole and marks it immutable', async () => {
    const first = testApp.deps.forms.list()[0]!;
    const response = await testApp.app.request(`/api/forms/${first.id}/${first.version}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/immutable/);
    const body = await jsonOf<{ meta: { id: string } }>(response);
    expect(body.meta.id).toBe(first.id);
  });

  it('sends a form brotli- or gzip-compressed as the request accepts, and plain JSON otherwise', async () => {
    const first = testApp.deps.forms.list()[0]!;
    const url = `/api/forms/${first.id}/${first.version}`;
    const plain = await testApp.app.request(url);
    const json = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const br = await testApp.app.request(url, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(json);
    const gzip = await testApp.app.request(url, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(json);
  });

  it('answers an unknown form with 404 in the error shape', async () => {
    const response = await testApp.app.request('/api/forms/finns-inte/1');
    expect(response.status).toBe(404);
    expect(await jsonOf(response)).toMatchObject({ error: { code: 'not_found', details: [{ field: 'param.id' }] } });
  });

  it('names the parameter that is malformed', async () => {
    const response = await testApp.app.request('/api/forms/Inte%20OK/0');
    expect(response.status).toBe(400);
    const body = await jsonOf<{ error: { code: string; details: { field: string }[] } }>(response);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((detail) => detail.field).sort()).toEqual(['param.id', 'param.version']);
  });
});

describe('errors and documents', () => {
  it('answers an unknown API route with a JSON 404, never HTML', async () => {
    const response = await testApp.app.request('/api/no/such/route', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await jsonOf(response)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses a body over the limit with 413 in the error shape', async () => {
    const response = await testApp.app.request('/api/forms', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(await jsonOf(response)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('describes every route in the OpenAPI document', async () => {
    const response = await testApp.app.request('/api/openapi.json');
    const document = await jsonOf<{ openapi: string; paths: Record<string, unknown> }>(response);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/forms', '/api/forms/{id}/{version}']));
  });
});
