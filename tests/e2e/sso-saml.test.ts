import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SamlTestIdp } from '../support/saml-test-idp';
import { launchChromium } from './support/chromium';
import { freePort } from './support/free-port';
import { adminPassword, type Kommun, seedKommun } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';

/**
 * SAML in Chromium: the test IdP's page (on localhost, another site than Sigill's 127.0.0.1)
 * posts a signed assertion to the ACS, as ADFS does; the session cookie set on that cross-site
 * POST must survive into the app (SameSite=Lax), and the person lands with the mapped role.
 */
let server: RunningServer;
let idpServer: Server;
let browser: Browser;
let kommun: Kommun;
const idp = new SamlTestIdp();
const idpName = 'ADFS Exempelkommun';

beforeAll(async () => {
  const port = await freePort();
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword, SIGILL_PORT: String(port), SIGILL_PUBLIC_URL: `http://127.0.0.1:${port}` });
  kommun = await seedKommun(server.url);
  let acsUrl = '';
  const spEntityId = `${server.url}/saml`;
  // The IdP's sign-in page: it answers the AuthnRequest with a form the person submits.
  idpServer = createServer((request, response) => {
    if (!request.url?.includes('SAMLRequest=')) return void response.writeHead(404).end();
    const requestId = SamlTestIdp.requestIdOf(`http://localhost${request.url}`);
    const samlResponse = idp.response({
      requestId, recipient: acsUrl, audience: spEntityId, nameId: 'S-1-5-21-2002', email: 'greta.granskare@kommun.test', name: 'Greta Granskare', groups: ['Sigill-Granskare'],
    });
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="sv"><title>IdP</title><form method="post" action="${acsUrl}">`
      + `<input type="hidden" name="SAMLResponse" value="${samlResponse}"><button type="submit">Fortsätt till Sigill</button></form></html>`);
  });
  await new Promise<void>((resolve) => idpServer.listen(0, '127.0.0.1', resolve));
  const entryPoint = `http://localhost:${(idpServer.address() as AddressInfo).port}/adfs/ls/`;
  const created = await kommun.admin.request<{ redirectUrl: string }>('POST', `/api/organisations/${kommun.forvaltningId}/identity-providers`, {
    displayName: idpName,
    settings: { protocol: 'saml', entryPoint, idpCert: idp.certificate, idpIssuer: idp.entityId, spEntityId },
    roleMappings: [{ value: 'Sigill-Granskare', organisationId: kommun.forvaltningId, role: 'granskare' }],
  });
  acsUrl = created.redirectUrl;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => idpServer?.close(resolve));
});

describe('logging in through a SAML IdP in the browser', () => {
  it('posts the signed assertion across sites and lands logged in with the mapped role', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.url);
    await page.getByRole('link', { name: `Logga in med ${idpName}` }).click();
    await page.waitForURL((url) => url.hostname === 'localhost');
    await page.getByRole('button', { name: 'Fortsätt till Sigill' }).click();
    await page.getByRole('heading', { level: 1, name: 'Informationstillgångar' }).waitFor();
    expect(await page.getByText('Inloggad som Greta Granskare').count()).toBe(1);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json() as Promise<{ memberships: { organisationName: string; role: string }[] }>);
    expect(me.memberships.map((membership) => `${membership.role}@${membership.organisationName}`)).toEqual(['granskare@Kommunstyrelseförvaltningen']);
  });
});
