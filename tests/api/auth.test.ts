import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, ApiClient, loggedIn } from '../support/api-client';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp();
});
afterEach(async () => {
  await testApp.close();
});

describe('login', () => {
  it('logs the first-start admin in with an HttpOnly, SameSite=Lax session cookie', async () => {
    const client = new ApiClient(testApp);
    const response = await client.login(adminEmail, adminPassword);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ user: { email: adminEmail }, memberships: [{ organisationName: 'Kommunen', role: 'admin' }] });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sigill_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await client.get('/api/auth/me')).body).toMatchObject({ user: { email: adminEmail } });
  });

  it('ignores the case of the e-mail', async () => {
    expect((await new ApiClient(testApp).login(adminEmail.toUpperCase(), adminPassword)).status).toBe(200);
  });

  it('refuses a wrong password with the same answer as an unknown account, and records both (the unknown e-mail not kept)', async () => {
    const wrong = await new ApiClient(testApp).login(adminEmail, 'not the password');
    const unknown = await new ApiClient(testApp).login('nobody@example.se', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    const failures = await testApp.deps.database.db.selectFrom('audit_events').select('payload').where('action', '=', 'auth.login_failed').execute();
    expect(failures.map((row) => JSON.parse(row.payload).email)).toEqual([adminEmail, 'unknown']);
  });

  it('rate-limits an account after ten failures, even with the right password', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await new ApiClient(testApp).login(adminEmail, `wrong-${attempt}`)).status).toBe(401);
    }
    const blocked = await new ApiClient(testApp).login(adminEmail, adminPassword);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('names each bad field of the body', async () => {
    const response = await new ApiClient(testApp).post('/api/auth/login', { email: 42, extra: true });
    expect(response.status).toBe(400);
    const fields = (response.body as { error: { details: { field: string }[] } }).error.details.map((detail) => detail.field);
    expect(fields.sort()).toEqual(['json.email', 'json.extra', 'json.password']);
  });

  it('answers a body that is not JSON with 400 invalid_json', async () => {
    const response = await new ApiClient(testApp).post('/api/auth/login', '{"email": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_json', details: [{ field: 'body' }] } });
  });

  it('answers a form post with 415', async () => {
    const response = await new ApiClient(testApp).request('POST', '/api/auth/login', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ error: { code: 'unsupported_media_type', details: [{ field: 'header.content-type' }] } });
  });
});

describe('the session', () => {
  it('needs a login for /me', async () => {
    const response = await new ApiClient(testApp).get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses an unsafe request without the CSRF token', async () => {
    const client = await loggedIn(testApp);
    const response = await client.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'forged' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'csrf_failed' } });
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses an unsafe request from another origin, even with the token', async () => {
    const client = await loggedIn(testApp);
    const response = await client.request('POST', '/api/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'csrf_failed', details: [{ field: 'header.origin' }] } });
  });

  it('ends on logout', async () => {
    const client = await loggedIn(testApp);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('changes the password, ends the other sessions and keeps this one under a new token', async () => {
    const here = await loggedIn(testApp);
    const elsewhere = await loggedIn(testApp);
    const tooShort = await here.post('/api/auth/password', { currentPassword: adminPassword, newPassword: 'short' });
    expect(tooShort.status).toBe(400);
    const wrongCurrent = await here.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'a-much-longer-password' });
    expect(wrongCurrent.status).toBe(403);
    const changed = await here.post<{ csrfToken: string }>('/api/auth/password', { currentPassword: adminPassword, newPassword: 'a-much-longer-password' });
    expect(changed.status).toBe(200);
    here.csrfToken = changed.body.csrfToken;
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(testApp).login(adminEmail, adminPassword)).status).toBe(401);
    expect((await new ApiClient(testApp).login(adminEmail, 'a-much-longer-password')).status).toBe(200);
  });
});
