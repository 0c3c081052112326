import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestOpenIdProvider } from '../support/oidc-test-provider';
import { launchChromium } from './support/chromium';
import { freePort } from './support/free-port';
import { adminEmail, adminPassword, type Kommun, seedKommun } from './support/http-setup';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

/**
 * Single sign-on in Chromium through a real OpenID Provider (oidc-provider on 127.0.0.1): the
 * admin connects it on the Inloggning page, a person logs in with "Logga in med …" and lands
 * with the roles their groups map to; a group removed at the provider removes the role at the
 * next login, after a logout that also ends the provider's session (RP-initiated logout).
 */
let server: RunningServer;
let op: TestOpenIdProvider;
let browser: Browser;
let kommun: Kommun;
const idpName = 'Kommunens inloggning';

beforeAll(async () => {
  op = await TestOpenIdProvider.listen();
  const port = await freePort();
  server = await startServer({ SIGILL_ADMIN_PASSWORD: adminPassword, SIGILL_PORT: String(port), SIGILL_PUBLIC_URL: `http://127.0.0.1:${port}` });
  kommun = await seedKommun(server.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await op?.close();
});

async function rolesInPage(page: Page): Promise<string[]> {
  const me = await page.evaluate(async () => (await fetch('/api/auth/me', { headers: { accept: 'application/json' } })).json() as Promise<{ memberships: { organisationName: string; role: string }[] }>);
  return me.memberships.map((membership) => `${membership.role}@${membership.organisationName}`).sort();
}

async function signInAtProvider(page: Page, accountId: string): Promise<void> {
  await page.getByRole('link', { name: `Logga in med ${idpName}` }).click();
  await page.waitForURL((url) => url.href.startsWith(op.issuer));
  await page.locator('input[name="login"]').fill(accountId);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Informationstillgångar' }).waitFor();
}

describe('logging in through the organisation’s OpenID Provider', () => {
  let person: Page;

  it('the admin connects the provider and maps groups to roles on the Inloggning page', async () => {
    const admin = await loginInUi(browser, server.url, adminEmail, adminPassword);
    await admin.getByRole('link', { name: 'Inloggning', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Inloggning via identitetstjänst' }).waitFor();
    await admin.getByRole('button', { name: 'Lägg till identitetstjänst' }).click();
    await admin.getByLabel('Namn på inloggningsknappen').fill(idpName);
    await admin.getByLabel('Utfärdare (issuer URL)').fill(op.issuer);
    await admin.getByLabel('Klient-id').fill(op.clientId);
    await admin.getByLabel('Klienthemlighet').fill(op.clientSecret);
    await admin.getByLabel('Scopes (mellanslag mellan)').fill('openid profile email groups');
    await admin.getByRole('button', { name: 'Lägg till grupp' }).click();
    await admin.locator('#mapping-value-0').fill('sigill-isam');
    await admin.locator('#mapping-role-0').selectOption('isam');
    await admin.getByRole('button', { name: 'Lägg till grupp' }).click();
    await admin.locator('#mapping-value-1').fill('forv-objektledare');
    await admin.locator('#mapping-org-1').selectOption(kommun.forvaltningId);
    await admin.locator('#mapping-role-1').selectOption('objektledare');
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Spara', exact: true }).click();
    await admin.getByTestId('sso-redirect-url').waitFor();
    expect(await admin.getByTestId('sso-secret-state').textContent()).toContain('En klienthemlighet är sparad');
    expect(await admin.content()).not.toContain(op.clientSecret);
    const redirectUrl = /Registrera denna adress hos identitetstjänsten: (\S+)/.exec((await admin.getByTestId('sso-redirect-url').textContent()) ?? '')?.[1];
    expect(redirectUrl).toMatch(new RegExp(`^${server.url}/api/sso/oidc/[0-9a-f-]+/callback$`));
    await op.configure(redirectUrl!, `${server.url}/`);
    op.accounts.set('karin-42', { email: 'karin.kommunal@kommun.test', name: 'Karin Kommunal', groups: ['sigill-isam', 'forv-objektledare'] });
    await admin.close();
  });

  it('offers “Logga in med …” beside the local login and lands with the roles the groups map to', async () => {
    person = await browser.newPage({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
    await person.goto(server.url);
    await person.getByRole('link', { name: `Logga in med ${idpName}` }).waitFor();
    expect(await person.getByLabel('E-postadress').count()).toBe(1);
    await expectAccessible(person);
    await signInAtProvider(person, 'karin-42');
    expect(await person.getByText('Inloggad som Karin Kommunal').count()).toBe(1);
    expect(await rolesInPage(person)).toEqual(['isam@Kommunen', 'objektledare@Kommunstyrelseförvaltningen']);
  });

  it('logs out at the provider too, and a group removed there removes the role at the next login', async () => {
    await person.getByRole('button', { name: 'Logga ut' }).click();
    await person.waitForURL((url) => url.href.startsWith(`${op.issuer}/session/end`));
    await person.getByRole('button', { name: 'Yes, sign me out' }).click();
    await person.waitForURL((url) => url.href.startsWith(server.url));
    await person.getByRole('link', { name: `Logga in med ${idpName}` }).waitFor();
    op.accounts.get('karin-42')!.groups = ['sigill-isam'];
    await signInAtProvider(person, 'karin-42');
    expect(await rolesInPage(person)).toEqual(['isam@Kommunen']);
  });
});
