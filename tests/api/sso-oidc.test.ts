import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, type ApiClient } from '../support/api-client';
import { TestOpenIdProvider } from '../support/oidc-test-provider';
import { OpUserAgent } from '../support/oidc-user-agent';
import { SigillBrowser } from '../support/sso-browser';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * OpenID Connect against a real OpenID Provider (oidc-provider) on 127.0.0.1: code flow with
 * PKCE, roles from the groups claim re-read at every login, and the ID token checks — signature,
 * audience, nonce — each refused with a clear 4xx when the provider's answer is tampered with.
 */
const publicUrl = 'http://sigill.test';
let testApp: TestApp;
let op: TestOpenIdProvider;
let admin: ApiClient;
let rootId: string;
let socialId: string;
let providerId: string;

beforeAll(async () => {
  op = await TestOpenIdProvider.listen();
  testApp = await createTestApp({ SIGILL_PUBLIC_URL: publicUrl });
  admin = await loggedIn(testApp);
  rootId = (await admin.get<{ memberships: { organisationId: string }[] }>('/api/auth/me')).body.memberships[0]!.organisationId;
  socialId = (await admin.post<{ id: string }>('/api/organisations', { parentId: rootId, name: 'Socialförvaltningen', kind: 'forvaltning' })).body.id;
  const created = await admin.post<{ id: string; redirectUrl: string }>(`/api/organisations/${rootId}/identity-providers`, {
    displayName: 'Kommunens inloggning',
    settings: { protocol: 'oidc', issuer: op.issuer, clientId: op.clientId, scopes: ['openid', 'profile', 'email', 'groups'], groupClaim: 'groups' },
    clientSecret: op.clientSecret,
    roleMappings: [
      { value: 'sigill-isam', organisationId: rootId, role: 'isam' },
      { value: 'soc-objektledare', organisationId: socialId, role: 'objektledare' },
      { value: 'sigill-admins', organisationId: rootId, role: 'admin' },
    ],
  });
  if (created.status !== 201) throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
  providerId = created.body.id;
  await op.configure(created.body.redirectUrl, `${publicUrl}/`);
  op.accounts.set('anna-1001', { email: 'anna.andersson@kommun.test', name: 'Anna Andersson', groups: ['sigill-isam', 'soc-objektledare'] });
});
afterAll(async () => {
  await testApp?.close();
  await op?.close();
});

/** The whole round trip: Sigill → provider (sign in) → Sigill's callback. */
async function logIn(accountId: string, browser = new SigillBrowser(testApp)): Promise<{ browser: SigillBrowser; callback: Response; callbackUrl: URL }> {
  const start = await browser.request(`/api/sso/providers/${providerId}/login`);
  expect(start.status).toBe(302);
  const callbackUrl = await new OpUserAgent(op.issuer).signIn(start.headers.get('location')!, accountId);
  expect(callbackUrl.href.startsWith(`${publicUrl}/api/sso/oidc/${providerId}/callback?`)).toBe(true);
  const callback = await browser.request(callbackUrl.pathname + callbackUrl.search);
  return { browser, callback, callbackUrl };
}

function rolesOf(memberships: { organisationId: string; role: string }[] | undefined): string[] {
  return (memberships ?? []).map((membership) => `${membership.role}@${membership.organisationId === rootId ? 'root' : membership.organisationId === socialId ? 'social' : '?'}`).sort();
}

async function auditActions(): Promise<string[]> {
  const rows = await testApp.deps.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'sso.%').orderBy('seq').execute();
  return rows.map((row) => row.action);
}

describe('OpenID Connect login through a real provider', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const start = await new SigillBrowser(testApp).request(`/api/sso/providers/${providerId}/login`);
    const url = new URL(start.headers.get('location')!);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (const name of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(name)?.length ?? 0, name).toBeGreaterThan(20);
    expect(url.searchParams.get('redirect_uri')).toBe(`${publicUrl}/api/sso/oidc/${providerId}/callback`);
  });

  it('creates the account at the first login and gives the roles its groups map to', async () => {
    const { browser, callback } = await logIn('anna-1001');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    const me = await browser.me();
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'anna.andersson@kommun.test', name: 'Anna Andersson' });
    expect(rolesOf(me.body.memberships)).toEqual(['isam@root', 'objektledare@social']);
    expect(await auditActions()).toEqual(['sso.provider_created', 'sso.account_created', 'sso.roles_synced']);
  });

  it('re-reads the roles at the next login: a removed group removes its role, audited', async () => {
    const before = await testApp.deps.database.db.selectFrom('users').select('id').where('email', '=', 'anna.andersson@kommun.test').executeTakeFirstOrThrow();
    op.accounts.get('anna-1001')!.groups = ['sigill-isam'];
    const { browser, callback } = await logIn('anna-1001');
    expect(callback.status).toBe(302);
    const me = await browser.me();
    expect(rolesOf(me.body.memberships)).toEqual(['isam@root']);
    const users = await testApp.deps.database.db.selectFrom('users').select('id').where('email', '=', 'anna.andersson@kommun.test').execute();
    expect(users.map((user) => user.id)).toEqual([before.id]);
    const synced = await testApp.deps.database.db.selectFrom('audit_events').select('payload').where('action', '=', 'sso.roles_synced').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(synced.payload)).toMatchObject({ added: [], removed: [{ organisationId: socialId, role: 'objektledare' }] });
  });

  for (const [tamper, expected] of [['payload', /signature/i], ['audience', /aud/i], ['nonce', /nonce/i]] as const) {
    it(`refuses an ID token with ${tamper === 'payload' ? 'claims changed after signing' : `the wrong ${tamper}`}, with a 401 and no session`, async () => {
      op.tamper = tamper;
      try {
        const { browser, callback } = await logIn('anna-1001');
        expect(callback.status).toBe(401);
        const body = (await callback.json()) as { error: { code: string; details: { message: string }[] } };
        expect(body.error.code).toBe('sso_response_invalid');
        expect(body.error.details[0]!.message).toMatch(expected);
        expect((await browser.me()).status).toBe(401);
      } finally {
        op.tamper = 'none';
      }
    });
  }

  it('the tampered groups gave no role', async () => {
    const user = await testApp.deps.database.db.selectFrom('users').select('id').where('email', '=', 'anna.andersson@kommun.test').executeTakeFirstOrThrow();
    const roles = await testApp.deps.database.db.selectFrom('memberships').select('role').where('user_id', '=', user.id).execute();
    expect(roles.map((row) => row.role)).toEqual(['isam']);
  });

  it('refuses a callback replayed, or brought to another browser', async () => {
    const { callbackUrl } = await logIn('anna-1001');
    const again = await new SigillBrowser(testApp).request(callbackUrl.pathname + callbackUrl.search);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('sso_login_expired');

    const starter = new SigillBrowser(testApp);
    const start = await starter.request(`/api/sso/providers/${providerId}/login`);
    const stolen = await new OpUserAgent(op.issuer).signIn(start.headers.get('location')!, 'anna-1001');
    const elsewhere = await new SigillBrowser(testApp).request(stolen.pathname + stolen.search);
    expect(elsewhere.status).toBe(400);
  });

  it('lets exactly one of two racing callbacks with the same code and state in', async () => {
    const browser = new SigillBrowser(testApp);
    const start = await browser.request(`/api/sso/providers/${providerId}/login`);
    const callbackUrl = await new OpUserAgent(op.issuer).signIn(start.headers.get('location')!, 'anna-1001');
    const twin = new SigillBrowser(testApp);
    for (const [name, value] of browser.cookies) twin.cookies.set(name, value);
    const answers = await Promise.all([browser, twin].map((each) => each.request(callbackUrl.pathname + callbackUrl.search)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 400]);
  });

  it('shows a person a Swedish page, not JSON, when a login is refused', async () => {
    const page = await new SigillBrowser(testApp, 'text/html').request(`/api/sso/oidc/${providerId}/callback?state=unknown&code=x`);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('Inloggningen misslyckades');
    expect(html).toContain('lang="sv"');
  });

  it('never links an account by e-mail alone: a local account with the same address is refused', async () => {
    op.accounts.set('imposter-7', { email: 'admin@sigill.local', name: 'Not the admin', groups: ['sigill-admins'] });
    const { browser, callback } = await logIn('imposter-7');
    expect(callback.status).toBe(409);
    expect(((await callback.json()) as { error: { code: string } }).error.code).toBe('sso_email_taken');
    expect((await browser.me()).status).toBe(401);
  });

  it('lands on the page the login started from, and refuses a return address off this site', async () => {
    const browser = new SigillBrowser(testApp);
    const start = await browser.request(`/api/sso/providers/${providerId}/login?returnTo=${encodeURIComponent('/bedomningar/abc?flik=plan')}`);
    const callbackUrl = await new OpUserAgent(op.issuer).signIn(start.headers.get('location')!, 'anna-1001');
    const callback = await browser.request(callbackUrl.pathname + callbackUrl.search);
    expect(callback.headers.get('location')).toBe('/bedomningar/abc?flik=plan');
    for (const elsewhere of ['//evil.example/', '/\\evil.example', 'https://evil.example/', '/a\r\nSet-Cookie: x=1']) {
      const refused = await browser.request(`/api/sso/providers/${providerId}/login?returnTo=${encodeURIComponent(elsewhere)}`);
      expect(refused.status, elsewhere).toBe(400);
    }
  });

  it('refuses an account disabled in Sigill, whatever the provider says', async () => {
    const { db } = testApp.deps.database;
    await db.updateTable('users').set({ is_active: 0 }).where('email', '=', 'anna.andersson@kommun.test').execute();
    try {
      const { browser, callback } = await logIn('anna-1001');
      expect(callback.status).toBe(403);
      expect(((await callback.json()) as { error: { code: string } }).error.code).toBe('sso_account_disabled');
      expect((await browser.me()).status).toBe(401);
    } finally {
      await db.updateTable('users').set({ is_active: 1 }).where('email', '=', 'anna.andersson@kommun.test').execute();
    }
  });

  it('logs out locally and hands back the provider’s end-session address (RP-initiated logout)', async () => {
    const { browser } = await logIn('anna-1001');
    const me = await browser.me();
    const logout = await browser.request('/api/sso/logout', { method: 'POST', headers: { 'x-csrf-token': me.body.csrfToken! } });
    expect(logout.status).toBe(200);
    const { redirectUrl } = (await logout.json()) as { redirectUrl: string };
    const url = new URL(redirectUrl);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${publicUrl}/`);
    expect((await browser.me()).status).toBe(401);
  });
});
