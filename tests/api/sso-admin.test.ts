import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { oidcProviderBody } from '../support/sso-probes';
import { createTestApp, type TestApp } from '../support/test-app';

/** The admin side of single sign-on: settings validated field by field, the client secret write-only and encrypted at rest. */
let testApp: TestApp;
let org: OrgFixture;
const secret = 'the-client-secret-nobody-may-read';

beforeAll(async () => {
  testApp = await createTestApp({ SIGILL_PUBLIC_URL: 'https://sigill.exempelkommun.se' });
  org = await orgFixture(testApp);
});
afterAll(async () => {
  await testApp?.close();
});

async function storedSecret(id: string): Promise<string | null> {
  return (await testApp.deps.database.db.selectFrom('identity_providers').select('client_secret').where('id', '=', id).executeTakeFirstOrThrow()).client_secret;
}

describe('identity provider settings', () => {
  it('never returns the client secret, only whether one is set, and stores it encrypted', async () => {
    const created = await org.admin.post<{ id: string; clientSecretSet: boolean; redirectUrl: string }>(`/api/organisations/${org.rootId}/identity-providers`, { ...oidcProviderBody(org.socialId), clientSecret: secret });
    expect(created.status).toBe(201);
    expect(created.body.clientSecretSet).toBe(true);
    expect(created.body.redirectUrl).toBe(`https://sigill.exempelkommun.se/api/sso/oidc/${created.body.id}/callback`);
    const list = await org.admin.get(`/api/organisations/${org.rootId}/identity-providers`);
    for (const text of [JSON.stringify(created.body), JSON.stringify(list.body)]) expect(text).not.toContain(secret);
    const stored = await storedSecret(created.body.id);
    expect(stored).not.toContain(secret);
    expect(stored!.startsWith('v1:')).toBe(true);
    const audit = await testApp.deps.database.db.selectFrom('audit_events').select('payload').where('entity_id', '=', created.body.id).execute();
    expect(audit.map((row) => row.payload).join()).not.toContain(secret);

    const { clientSecret: _omitted, ...withoutSecret } = oidcProviderBody(org.socialId);
    const kept = await org.admin.put<{ clientSecretSet: boolean }>(`/api/identity-providers/${created.body.id}`, withoutSecret);
    expect(kept.body.clientSecretSet).toBe(true);
    expect(await storedSecret(created.body.id)).toBe(stored);
    // A data folder restored without its key: the secret reads as unreadable, never a 500.
    fs.writeFileSync(path.join(testApp.dataDir, 'sso-secret.key'), Buffer.alloc(32, 7).toString('base64'));
    const unreadable = await org.admin.get<{ providers: { id: string; clientSecretSet: boolean; clientSecretUnreadable: boolean }[] }>(`/api/organisations/${org.rootId}/identity-providers`);
    expect(unreadable.status).toBe(200);
    expect(unreadable.body.providers.find((provider) => provider.id === created.body.id)).toMatchObject({ clientSecretSet: false, clientSecretUnreadable: true });
    const cleared = await org.admin.put<{ clientSecretSet: boolean }>(`/api/identity-providers/${created.body.id}`, { ...withoutSecret, clientSecret: null });
    expect(cleared.body.clientSecretSet).toBe(false);
    expect(await storedSecret(created.body.id)).toBeNull();
  });

  it('refuses bad settings with 400 naming each field', async () => {
    const body = {
      displayName: '',
      settings: { protocol: 'oidc', issuer: 'http://idp.example.com', clientId: 'sigill', scopes: ['profile'] },
      roleMappings: [{ value: 'g', organisationId: org.skolaId, role: 'kung' }],
    };
    const refused = await org.admin.post<{ error: { details: { field: string }[] } }>(`/api/organisations/${org.socialId}/identity-providers`, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((detail) => detail.field).sort()).toEqual(['json.displayName', 'json.roleMappings.0.role', 'json.settings.issuer', 'json.settings.scopes'].sort());
    const saml = await org.admin.post<{ error: { details: { field: string }[] } }>(`/api/organisations/${org.socialId}/identity-providers`, {
      displayName: 'ADFS', settings: { protocol: 'saml', entryPoint: 'https://adfs.example/ls', idpCert: 'not a certificate', spEntityId: 'sigill' }, clientSecret: 'x',
    });
    expect(saml.body.error.details.map((detail) => detail.field).sort()).toEqual(['json.clientSecret', 'json.settings.idpCert']);
  });

  it('maps roles only in the provider’s organisation and below it', async () => {
    const outside = await org.admin.post<{ error: { details: { field: string }[] } }>(`/api/organisations/${org.socialId}/identity-providers`, oidcProviderBody(org.skolaId));
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0]!.field).toBe('body.roleMappings.0.organisationId');
  });

  it('answers a login at an unreachable provider with a clear 401, not a 500', async () => {
    const body = { ...oidcProviderBody(org.socialId), settings: { protocol: 'oidc', issuer: 'http://127.0.0.1:9/realms/nere', clientId: 'sigill' } };
    const created = await org.admin.post<{ id: string }>(`/api/organisations/${org.socialId}/identity-providers`, body);
    const login = await testApp.app.request(`/api/sso/providers/${created.body.id}/login`, { headers: { accept: 'application/json' } });
    expect(login.status).toBe(401);
    expect(((await login.json()) as { error: { code: string } }).error.code).toBe('sso_idp_error');
  });

  it('lists enabled providers to anyone, by name and opaque id only', async () => {
    const disabled = await org.admin.post<{ id: string }>(`/api/organisations/${org.socialId}/identity-providers`, { ...oidcProviderBody(org.socialId), displayName: 'Avstängd', enabled: false });
    const listed = await new ApiClient(testApp).get<{ providers: Record<string, unknown>[] }>('/api/sso/providers');
    expect(listed.status).toBe(200);
    expect(listed.body.providers.length).toBeGreaterThan(0);
    for (const provider of listed.body.providers) expect(Object.keys(provider).sort()).toEqual(['displayName', 'id']);
    expect(listed.body.providers.map((provider) => provider.id)).not.toContain(disabled.body.id);
    const login = await testApp.app.request(`/api/sso/providers/${disabled.body.id}/login`, { headers: { accept: 'application/json' } });
    expect(login.status).toBe(404);
  });

  it('lists the providers in Swedish order on both engines', async () => {
    for (const displayName of ['Örebro kommun', 'azure-ad', 'Zebra', 'Åtvidaberg', 'ekonomi-AD']) {
      expect((await org.admin.post(`/api/organisations/${org.skolaId}/identity-providers`, { ...oidcProviderBody(org.skolaId), displayName })).status).toBe(201);
    }
    const swedish = ['azure-ad', 'ekonomi-AD', 'Zebra', 'Åtvidaberg', 'Örebro kommun'];
    const own = await org.admin.get<{ providers: { displayName: string }[] }>(`/api/organisations/${org.skolaId}/identity-providers`);
    expect(own.body.providers.map((provider) => provider.displayName)).toEqual(swedish);
    const listed = await new ApiClient(testApp).get<{ providers: { displayName: string }[] }>('/api/sso/providers');
    const names = listed.body.providers.map((provider) => provider.displayName).filter((name) => swedish.includes(name));
    expect(names).toEqual(swedish);
  });
});
