import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../server/config';
import { adminEmail, adminPassword, ApiClient, loggedIn } from '../support/api-client';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Limits that hold when the attempts come all at once. The app trusts one proxy hop, so each request's
 * X-Forwarded-For names its client, as nginx would; tests/api/reverse-proxy.test.ts does the same through a real nginx.
 */

let testApp: TestApp;
beforeEach(async () => {
  testApp = await createTestApp({ SIGILL_TRUST_PROXY: '1' });
});
afterEach(async () => {
  await testApp.close();
});

function loginFrom(address: string, email: string, password: string) {
  return new ApiClient(testApp).request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address });
}

function statuses(responses: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('failed logins sent in parallel', () => {
  it('50 wrong passwords at once reach at most ten password checks; the right one after them is refused, yet another address logs in', async () => {
    const wrong = await Promise.all(Array.from({ length: 50 }, (_, index) => loginFrom('203.0.113.1', adminEmail, `wrong-password-${index}`)));
    expect(statuses(wrong)).toEqual({ 401: 10, 429: 40 });
    const right = await loginFrom('203.0.113.1', adminEmail, adminPassword);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(right.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await loginFrom('203.0.113.2', adminEmail, adminPassword)).status).toBe(200);
  });

  it('44 wrong and the right one together: no more than ten get a password check', async () => {
    const attempts = [...Array.from({ length: 44 }, (_, index) => ['wrong', `wrong-password-${index}`] as const), ['right', adminPassword] as const];
    const responses = await Promise.all(attempts.map(([, password]) => loginFrom('203.0.113.1', adminEmail, password)));
    const checked = responses.filter((response) => response.status !== 429);
    expect(checked.length).toBe(10);
    expect(responses.filter((response) => response.status === 429)).toHaveLength(35);
  });

  it('random e-mails from one address lock only that address', async () => {
    const guesses = await Promise.all(Array.from({ length: 55 }, (_, index) => loginFrom('198.51.100.7', `guess-${index}@example.se`, 'Sommar2026!x')));
    expect(statuses(guesses)).toEqual({ 401: 50, 429: 5 });
    expect((await loginFrom('198.51.100.7', adminEmail, adminPassword)).status).toBe(429);
    expect((await loginFrom('198.51.100.8', adminEmail, adminPassword)).status).toBe(200);
  });

  it('keeps what was typed as e-mail only when it names an account', async () => {
    await loginFrom('203.0.113.1', adminEmail, 'wrong-password');
    await loginFrom('203.0.113.1', 'my-secret-passw0rd', 'oops');
    const failures = await testApp.deps.database.db.selectFrom('audit_events').select(['entity_id', 'payload']).where('action', '=', 'auth.login_failed').execute();
    expect(failures.map((row) => JSON.parse(row.payload).email)).toEqual([adminEmail, 'unknown']);
    expect(failures[1]!.entity_id).toBe('unknown');
    expect(JSON.stringify(await testApp.deps.database.db.selectFrom('audit_events').selectAll().execute())).not.toContain('my-secret-passw0rd');
    expect(JSON.stringify(await testApp.deps.database.db.selectFrom('rate_limits').selectAll().execute())).not.toContain('my-secret-passw0rd');
  });
});

describe('changing the password', () => {
  it('throttles the current-password check: ten wrong tries, then 429 even for the right one', async () => {
    const client = await loggedIn(testApp);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await client.post('/api/auth/password', { currentPassword: `wrong-${attempt}`, newPassword: 'Ny lösenfras för Sigill' })).status).toBe(403);
    }
    const blocked = await client.post('/api/auth/password', { currentPassword: adminPassword, newPassword: 'Ny lösenfras för Sigill' });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('rotates the session: a new cookie and CSRF token, the old token no longer valid', async () => {
    const client = await loggedIn(testApp);
    const oldCsrf = client.csrfToken!;
    const oldSession = (await testApp.deps.database.db.selectFrom('sessions').select('token_hash').executeTakeFirstOrThrow()).token_hash;
    const changed = await client.post<{ csrfToken: string }>('/api/auth/password', { currentPassword: adminPassword, newPassword: 'Ny lösenfras för Sigill' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('set-cookie')).toMatch(/^sigill_session=[^;]+;.*HttpOnly/);
    expect(changed.body.csrfToken).not.toBe(oldCsrf);
    const sessions = await testApp.deps.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.token_hash).not.toBe(oldSession);
    client.csrfToken = changed.body.csrfToken;
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('ends the old cookie: a copy taken before the change is logged out', async () => {
    const client = await loggedIn(testApp);
    const login = await new ApiClient(testApp).login(adminEmail, adminPassword);
    const copiedCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const changed = await client.post('/api/auth/password', { currentPassword: adminPassword, newPassword: 'Ny lösenfras för Sigill' });
    expect(changed.status).toBe(200);
    const newCookie = changed.headers.get('set-cookie')!.split(';')[0]!;
    const withCookie = (cookie: string) => testApp.app.request('/api/auth/me', { headers: { cookie } });
    expect((await withCookie(copiedCookie)).status).toBe(401);
    expect((await withCookie(newCookie)).status).toBe(200);
  });

  it('refuses weak new passwords with a code per reason, naming the field', async () => {
    const client = await loggedIn(testApp);
    const cases: [string, string][] = [
      [' '.repeat(12), 'password_only_whitespace'],
      ['aaaaaaaaaaaa', 'password_repeated'],
      ['abcdefghijkl', 'password_sequential'],
      ['password1234', 'password_common'],
      [adminEmail, 'password_is_email'],
      [adminPassword, 'password_is_current'],
    ];
    for (const [password, code] of cases) {
      const response = await client.post('/api/auth/password', { currentPassword: adminPassword, newPassword: password });
      expect(response.status, password).toBe(400);
      expect(response.body, password).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'body.newPassword', code }] } });
    }
  });
});

describe('passwords set elsewhere', () => {
  it('refuses a weak password for a user an admin creates', async () => {
    const admin = await loggedIn(testApp);
    const organisationId = (await admin.get<{ memberships: { organisationId: string }[] }>('/api/auth/me')).body.memberships[0]!.organisationId;
    const response = await admin.post(`/api/organisations/${organisationId}/members`, { email: 'anna.svensson@kommun.se', name: 'Anna', password: 'anna.svensson2026', role: 'isam' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { details: [{ field: 'body.password', code: 'password_is_email' }] } });
  });

  it('refuses to start with a weak SIGILL_ADMIN_PASSWORD, naming the variable', async () => {
    const attempt = createTestApp({ SIGILL_ADMIN_PASSWORD: 'abcdefghijklm' });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/SIGILL_ADMIN_PASSWORD: must not be a run/);
  });
});

function verifyFrom(address: string) {
  return testApp.app.request('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf', 'x-forwarded-for': address }, body: 'not a pdf' });
}

describe('anonymous verification', () => {
  it('is limited per client address before the body is read; another address still verifies', async () => {
    const responses = await Promise.all(Array.from({ length: 35 }, () => verifyFrom('203.0.113.50')));
    expect(statuses(responses)).toEqual({ 400: 30, 429: 5 });
    expect((await verifyFrom('203.0.113.51')).status).toBe(400);
  });
});
