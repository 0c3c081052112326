import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compressFromBytes } from '../../server/compress-json';
import { tenInformationSets } from '../bench/support/ten-information-sets';
import { orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(async () => {
  await testApp.close();
});

/** An assessment with ten informationsmängder: the workshop's largest API answer (issue 14). */
async function largeAssessment() {
  const org = await orgFixture(testApp);
  const objektledare = await org.userWith('objektledare', org.socialId);
  const asset = await objektledare.post<{ id: string }>('/api/assets', { organisationId: org.socialId, name: 'Elevhälsans journalsystem', type: 'system' });
  const started = await objektledare.post<{ id: string; revision: number }>(`/api/assets/${asset.body.id}/assessments`, { kind: 'classification' });
  const saved = await objektledare.put(`/api/assessments/${started.body.id}/answers`, { baseRevision: started.body.revision, answers: tenInformationSets() });
  expect(saved.status).toBe(200);
  return { client: objektledare, path: `/api/assessments/${started.body.id}` };
}

describe('large JSON answers to GET are compressed by Accept-Encoding', () => {
  it('sends an assessment brotli or gzip encoded, the same JSON once decoded, and plain to a client that accepts neither', async () => {
    const { client, path } = await largeAssessment();
    const plain = await client.raw('GET', path);
    const json = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.byteLength(json)).toBeGreaterThan(compressFromBytes);

    const br = await client.raw('GET', path, undefined, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(br.headers.get('content-type')).toMatch(/^application\/json/);
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(zlib.brotliDecompressSync(brBody).toString()).toBe(json);
    expect(brBody.length).toBeLessThan(Buffer.byteLength(json) / 4);

    const gzip = await client.raw('GET', path, undefined, { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(json);
  });

  it('keeps the security headers and the session cookie handling on a compressed answer', async () => {
    const { client, path } = await largeAssessment();
    const br = await client.raw('GET', path, undefined, { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-security-policy')).toMatch(/default-src/);
    expect(br.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('leaves small answers, the session (with its CSRF token) and writes uncompressed', async () => {
    const { client, path } = await largeAssessment();
    const me = await client.raw('GET', '/api/auth/me', undefined, { 'accept-encoding': 'br, gzip' });
    expect(me.headers.get('content-encoding')).toBeNull();
    expect(((await me.json()) as { csrfToken: string }).csrfToken).toBe(client.csrfToken);
    const health = await client.raw('GET', '/api/health', undefined, { 'accept-encoding': 'br, gzip' });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const current = (await client.get<{ revision: number; answers: Record<string, unknown> }>(path)).body;
    const write = await client.raw('PUT', `${path}/answers`, { baseRevision: current.revision, answers: current.answers }, { 'accept-encoding': 'br, gzip' });
    expect(write.status).toBe(200);
    expect(write.headers.get('content-encoding')).toBeNull();
  });

  it('does not encode a published form twice (it is compressed once, at its route)', async () => {
    const first = testApp.deps.forms.list()[0]!;
    const response = await testApp.app.request(`/api/forms/${first.id}/${first.version}`, { headers: { 'accept-encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    const text = zlib.brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString();
    expect((JSON.parse(text) as { meta: { id: string } }).meta.id).toBe(first.id);
  });
});
