import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { prepareDeps } from '../../server/startup';
import { loggedIn } from '../support/api-client';
import { type AssertionOptions, SamlTestIdp } from '../support/saml-test-idp';
import { rawAll } from '../support/raw-sql';
import { SigillBrowser } from '../support/sso-browser';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * SAML 2.0 with a test IdP that signs its assertions for real (xml-crypto, an openssl key):
 * a valid assertion logs in with the mapped roles; unsigned, foreign-signed, altered, expired,
 * wrong-audience, wrong-recipient, unsolicited and replayed ones are refused with a clear 4xx —
 * the replay also by a second server on the same database, as after a restart.
 */
const publicUrl = 'https://sigill.exempelkommun.se';
const spEntityId = `${publicUrl}/saml`;
const idp = new SamlTestIdp();
let testApp: TestApp;
let providerId: string;
let rootId: string;
let socialId: string;
let acsUrl: string;

beforeAll(async () => {
  testApp = await createTestApp({ SIGILL_PUBLIC_URL: publicUrl });
  const admin = await loggedIn(testApp);
  rootId = (await admin.get<{ memberships: { organisationId: string }[] }>('/api/auth/me')).body.memberships[0]!.organisationId;
  socialId = (await admin.post<{ id: string }>('/api/organisations', { parentId: rootId, name: 'Socialförvaltningen', kind: 'forvaltning' })).body.id;
  const created = await admin.post<{ id: string; redirectUrl: string }>(`/api/organisations/${rootId}/identity-providers`, {
    displayName: 'ADFS Exempelkommun',
    settings: { protocol: 'saml', entryPoint: idp.entryPoint, idpCert: idp.certificate, idpIssuer: idp.entityId, spEntityId, logoutUrl: 'https://idp.exempelkommun.test/adfs/ls/slo' },
    roleMappings: [
      { value: 'Sigill-DSO', organisationId: rootId, role: 'dso' },
      { value: 'Sigill-Granskare', organisationId: socialId, role: 'granskare' },
      { value: 'Sigill-Admin', organisationId: rootId, role: 'admin' },
    ],
  });
  if (created.status !== 201) throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
  providerId = created.body.id;
  acsUrl = created.body.redirectUrl;
});
afterAll(async () => {
  await testApp?.close();
});

/** Starts a login at Sigill and returns the AuthnRequest's ID, which the IdP answers. */
async function startLogin(browser: SigillBrowser, id = providerId): Promise<string> {
  const start = await browser.request(`/api/sso/providers/${id}/login`);
  expect(start.status).toBe(302);
  expect(start.headers.get('location')!.startsWith(idp.entryPoint)).toBe(true);
  return SamlTestIdp.requestIdOf(start.headers.get('location')!);
}

function assertion(requestId: string, overrides: Partial<AssertionOptions> = {}): string {
  return idp.response({ requestId, recipient: acsUrl, audience: spEntityId, nameId: 'S-1-5-21-1001', email: 'dora.dso@exempelkommun.se', name: 'Dora Dataskydd', groups: ['Sigill-DSO', 'Sigill-Granskare'], ...overrides });
}

function post(browser: SigillBrowser, samlResponse: string, id = providerId): Promise<Response> {
  // From the IdP's page: a cross-site form POST.
  return browser.request(`/api/sso/saml/${id}/acs`, { method: 'POST', form: { SAMLResponse: samlResponse }, headers: { origin: 'https://idp.exempelkommun.test' } });
}

async function refusal(response: Response): Promise<{ status: number; code: string; detail: string }> {
  const body = (await response.json()) as { error: { code: string; details: { message: string }[] } };
  return { status: response.status, code: body.error.code, detail: body.error.details[0]!.message };
}

function rolesOf(memberships: { organisationId: string; role: string }[] | undefined): string[] {
  return (memberships ?? []).map((membership) => `${membership.role}@${membership.organisationId === rootId ? 'root' : 'social'}`).sort();
}

let validResponse: string;

/** The response's signed assertion, unsigned and about another person, as an attacker would slip it in. */
function unsignedTwin(xml: string): string {
  const signed = /<saml:Assertion [\s\S]*<\/saml:Assertion>/.exec(xml)![0];
  return signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace('S-1-5-21-1001', 'S-1-5-21-666').replace(/ID="_[0-9a-f]+"/, 'ID="_evil"');
}

async function addProvider(organisationId: string, idpCert: string, entityId: string): Promise<{ id: string; redirectUrl: string }> {
  const admin = await loggedIn(testApp);
  const created = await admin.post<{ id: string; redirectUrl: string }>(`/api/organisations/${organisationId}/identity-providers`, {
    displayName: `IdP ${entityId}`,
    settings: { protocol: 'saml', entryPoint: idp.entryPoint, idpCert, idpIssuer: idp.entityId, spEntityId: entityId },
    roleMappings: [{ value: 'Sigill-Granskare', organisationId, role: 'granskare' }],
  });
  if (created.status !== 201) throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
  return created.body;
}

describe('SAML 2.0 login with signed assertions', () => {
  it('logs in with a valid signed assertion, creating the account with the mapped roles and a Secure cookie', async () => {
    const browser = new SigillBrowser(testApp);
    validResponse = assertion(await startLogin(browser));
    const response = await post(browser, validResponse);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.getSetCookie().find((cookie) => cookie.startsWith('sigill_session='))).toMatch(/; Secure/);
    const me = await browser.me();
    expect(me.body.user).toMatchObject({ email: 'dora.dso@exempelkommun.se', name: 'Dora Dataskydd' });
    expect(rolesOf(me.body.memberships)).toEqual(['dso@root', 'granskare@social']);
  });

  it('keeps a used assertion until its NotOnOrAfter in Sigill’s own instant form, also when the IdP writes whole seconds', async () => {
    const browser = new SigillBrowser(testApp);
    const response = assertion(await startLogin(browser), { wholeSeconds: true });
    expect((await post(browser, response)).status).toBe(302);
    const kept = await rawAll<{ expires_at: string }>(testApp.deps.database, 'select expires_at from sso_consumed_assertions');
    expect(kept.length).toBeGreaterThan(0);
    // What PostgreSQL's timestamptz reads back, and what npm run db:copy accepts from SQLite.
    for (const row of kept) expect(row.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuses the same response posted again (replay)', async () => {
    const replay = await refusal(await post(new SigillBrowser(testApp), validResponse));
    expect(replay).toMatchObject({ status: 401, code: 'sso_replayed' });
  });

  it('refuses a replay at another server on the same database, as after a restart', async () => {
    const browser = new SigillBrowser(testApp);
    const fresh = assertion(await startLogin(browser));
    expect((await post(browser, fresh)).status).toBe(302);
    const deps = await prepareDeps(loadConfig({ SIGILL_DATA_DIR: testApp.dataDir, ...testApp.databaseEnv, SIGILL_LOG_LEVEL: 'silent', SIGILL_PUBLIC_URL: publicUrl }));
    try {
      const other = new SigillBrowser({ ...testApp, app: createApp(deps), deps });
      expect(await refusal(await post(other, fresh))).toMatchObject({ status: 401, code: 'sso_replayed' });
    } finally {
      await deps.protocols.close();
      await deps.live.close();
      await deps.database.close();
    }
  });

  it('lets exactly one of two racing posts of the same response in', async () => {
    const browser = new SigillBrowser(testApp);
    const response = assertion(await startLogin(browser));
    const answers = await Promise.all([post(new SigillBrowser(testApp), response), post(new SigillBrowser(testApp), response)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 401]);
  });

  const refused: [string, Partial<AssertionOptions> | ((xml: string) => string), RegExp][] = [
    ['an unsigned assertion', { sign: 'none' }, /signature/i],
    ['an assertion signed with another key', { sign: 'other-key' }, /signature/i],
    ['an expired assertion (NotOnOrAfter passed)', { notBeforeSeconds: -1200, notOnOrAfterSeconds: -600 }, /expired/i],
    ['an assertion for another audience', { audience: 'https://other-sp.example/saml' }, /audience/i],
    ['an assertion for another recipient', { recipient: 'https://evil.example/acs' }, /recipient/i],
    ['an assertion from another issuer', { issuer: 'https://idp.elsewhere.test' }, /issuer/i],
    ['an assertion whose groups were changed after signing', (xml) => xml.replace('Sigill-Granskare', 'Sigill-Admin'), /signature/i],
    // XML signature wrapping: an unsigned assertion for someone else beside the signed one.
    ['a response that wraps an unsigned assertion beside the signed one',
      (xml) => xml.replace('<saml:Assertion ', `${unsignedTwin(xml)}<saml:Assertion `), /multiple assertions|signature/i],
  ];
  for (const [what, change, reason] of refused) {
    it(`refuses ${what} with a 401 and no session`, async () => {
      const browser = new SigillBrowser(testApp);
      const requestId = await startLogin(browser);
      const samlResponse = typeof change === 'function'
        ? Buffer.from(change(Buffer.from(assertion(requestId), 'base64').toString('utf8'))).toString('base64')
        : assertion(requestId, change);
      const answer = await refusal(await post(browser, samlResponse));
      expect(answer.status).toBe(401);
      expect(answer.code).toBe('sso_response_invalid');
      expect(answer.detail).toMatch(reason);
      expect((await browser.me()).status).toBe(401);
    });
  }

  it('refuses an assertion that answers no request of Sigill’s (unsolicited)', async () => {
    const answer = await refusal(await post(new SigillBrowser(testApp), assertion('_never-asked-for')));
    expect(answer.status).toBe(401);
  });

  it('shows a person a Swedish page when refused, never a 500', async () => {
    const browser = new SigillBrowser(testApp, 'text/html');
    const page = await post(browser, assertion(await startLogin(browser), { sign: 'none' }));
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Svaret från identitetstjänsten kunde inte godkännas.');
    const garbage = await post(browser, Buffer.from('<not-saml/>').toString('base64'));
    expect(garbage.status).toBe(401);
  });

  it('answers a body that is not the IdP’s form with 415, and a form without SAMLResponse with 400 naming it', async () => {
    const path = `/api/sso/saml/${providerId}/acs`;
    const json = await testApp.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"SAMLResponse":"x"}' });
    expect(json.status).toBe(415);
    const empty = await new SigillBrowser(testApp).request(path, { method: 'POST', form: {} });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('form.SAMLResponse');
  });

  it('re-reads the roles at the next login: a removed group removes the role', async () => {
    const browser = new SigillBrowser(testApp);
    expect((await post(browser, assertion(await startLogin(browser), { groups: ['Sigill-DSO'] }))).status).toBe(302);
    expect(rolesOf((await browser.me()).body.memberships)).toEqual(['dso@root']);
  });

  it('lands on the page the login started from', async () => {
    const browser = new SigillBrowser(testApp);
    const start = await browser.request(`/api/sso/providers/${providerId}/login?returnTo=${encodeURIComponent('/mallar')}`);
    const answer = await post(browser, assertion(SamlTestIdp.requestIdOf(start.headers.get('location')!)));
    expect(answer.headers.get('location')).toBe('/mallar');
  });

  it('logs out locally and sends the browser to the IdP’s single logout', async () => {
    const browser = new SigillBrowser(testApp);
    expect((await post(browser, assertion(await startLogin(browser)))).status).toBe(302);
    const me = await browser.me();
    const logout = await browser.request('/api/sso/logout', { method: 'POST', headers: { 'x-csrf-token': me.body.csrfToken! } });
    const { redirectUrl } = (await logout.json()) as { redirectUrl: string };
    expect(redirectUrl.startsWith('https://idp.exempelkommun.test/adfs/ls/slo?SAMLRequest=')).toBe(true);
    expect((await browser.me()).status).toBe(401);
  });

  it('links the same IdP, configured for a second organisation, to the same account', async () => {
    const second = await addProvider(socialId, idp.certificate, `${publicUrl}/saml-social`);
    const browser = new SigillBrowser(testApp);
    const requestId = await startLogin(browser, second.id);
    const response = assertion(requestId, { recipient: second.redirectUrl, audience: `${publicUrl}/saml-social` });
    expect((await post(browser, response, second.id)).status).toBe(302);
    expect((await browser.me()).body.user?.email).toBe('dora.dso@exempelkommun.se');
  });

  it('refuses an admin’s own certificate claiming this IdP’s issuer: it links to no existing account', async () => {
    const forged = await addProvider(socialId, idp.otherCertificate, `${publicUrl}/saml-forged`);
    const browser = new SigillBrowser(testApp);
    const requestId = await startLogin(browser, forged.id);
    const response = assertion(requestId, { recipient: forged.redirectUrl, audience: `${publicUrl}/saml-forged`, sign: 'other-key' });
    const answer = await refusal(await post(browser, response, forged.id));
    expect(answer).toMatchObject({ status: 409, code: 'sso_identity_elsewhere' });
    expect((await browser.me()).status).toBe(401);
  });

  it('ends the sessions an IdP’s signed LogoutRequest names, and answers with a LogoutResponse; unsigned or foreign-signed ones change nothing', async () => {
    const browser = new SigillBrowser(testApp);
    expect((await post(browser, assertion(await startLogin(browser)))).status).toBe(302);
    const slo = `${publicUrl}/api/sso/saml/${providerId}/slo`;
    for (const sign of ['none', 'other-key'] as const) {
      const unsigned = await new SigillBrowser(testApp).request(`/api/sso/saml/${providerId}/slo?${idp.logoutRequestQuery({ nameId: 'S-1-5-21-1001', destination: slo, sign })}`);
      expect(unsigned.status, sign).toBe(401);
      expect((await browser.me()).status, sign).toBe(200);
    }
    const accepted = await new SigillBrowser(testApp).request(`/api/sso/saml/${providerId}/slo?${idp.logoutRequestQuery({ nameId: 'S-1-5-21-1001', destination: slo })}`);
    expect(accepted.status).toBe(302);
    const answer = new URL(accepted.headers.get('location')!);
    expect(answer.href.startsWith('https://idp.exempelkommun.test/adfs/ls/slo?SAMLResponse=')).toBe(true);
    expect(answer.searchParams.get('RelayState')).toBe('idp-state');
    expect((await browser.me()).status).toBe(401);
  });

  it('publishes the service provider metadata with the assertion consumer service', async () => {
    const admin = await loggedIn(testApp);
    const listed = await admin.get<{ providers: { id: string; metadataUrl: string | null }[] }>(`/api/organisations/${rootId}/identity-providers`);
    const metadataUrl = listed.body.providers.find((provider) => provider.id === providerId)!.metadataUrl!;
    expect(metadataUrl).toBe(`${publicUrl}/api/sso/saml/${providerId}/metadata`);
    const metadata = await (await new SigillBrowser(testApp).request(new URL(metadataUrl).pathname)).text();
    expect(metadata).toContain(`entityID="${spEntityId}"`);
    expect(metadata).toContain(`Location="${acsUrl}"`);
    expect(metadata).toContain('WantAssertionsSigned="true"');
    expect(metadata).toContain(`Location="${publicUrl}/api/sso/saml/${providerId}/slo"`);
  });
});
