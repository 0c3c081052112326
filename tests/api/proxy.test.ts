import { afterEach, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, ApiClient } from '../support/api-client';
import { createTestApp, type TestApp } from '../support/test-app';

/** Behind a TLS-terminating proxy: the socket speaks http to whatever host the proxy names; the public URL is the truth. */

const publicUrl = 'https://sigill.exempelkommun.se';
let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

describe('behind a TLS-terminating proxy', () => {
  it('logs in from the public origin, with a Secure cookie and HSTS, though the socket is plain http', async () => {
    testApp = await createTestApp({ SIGILL_PUBLIC_URL: publicUrl, SIGILL_TRUST_PROXY: '1' });
    const client = new ApiClient(testApp);
    const headers = { origin: publicUrl, 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    const response = await client.request('POST', '/api/auth/login', { email: adminEmail, password: adminPassword }, headers);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await client.get('/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('refuses every other origin once the public URL is set, the socket’s own included', async () => {
    testApp = await createTestApp({ SIGILL_PUBLIC_URL: publicUrl });
    for (const origin of ['https://evil.example', 'http://localhost', 'http://sigill.exempelkommun.se']) {
      const response = await new ApiClient(testApp).request('POST', '/api/auth/login', { email: adminEmail, password: adminPassword }, { origin });
      expect(response.status, origin).toBe(403);
      expect(response.body).toMatchObject({ error: { code: 'csrf_failed', details: [{ field: 'header.origin' }] } });
    }
  });

  it('sends no Secure flag and no HSTS when the public URL is plain http', async () => {
    testApp = await createTestApp({ SIGILL_PUBLIC_URL: 'http://sigill.intranet.local' });
    const response = await new ApiClient(testApp).request('POST', '/api/auth/login', { email: adminEmail, password: adminPassword }, { origin: 'http://sigill.intranet.local' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/i);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('records the client address the trusted proxy names, not the proxy’s', async () => {
    testApp = await createTestApp({ SIGILL_PUBLIC_URL: publicUrl, SIGILL_TRUST_PROXY: '1' });
    await new ApiClient(testApp).request('POST', '/api/auth/login', { email: adminEmail, password: adminPassword }, { origin: publicUrl, 'x-forwarded-for': '6.6.6.6, 203.0.113.9' });
    const login = await testApp.deps.database.db.selectFrom('audit_events').select('payload').where('action', '=', 'auth.login').executeTakeFirstOrThrow();
    expect(JSON.parse(login.payload)).toMatchObject({ address: '203.0.113.9' });
  });
});
