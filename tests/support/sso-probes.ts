import type { OrgFixture } from './org-fixture';
import type { Probe } from './route-probe';

/** A provider's settings as an admin sends them; the issuer is never contacted by these routes. */
export function oidcProviderBody(organisationId: string) {
  return {
    displayName: `Kommunens inloggning ${Math.random()}`,
    settings: { protocol: 'oidc', issuer: 'https://login.exempelkommun.se/realms/kommun', clientId: 'sigill' },
    clientSecret: 'a-client-secret',
    roleMappings: [{ value: 'sigill-granskare', organisationId, role: 'granskare' }],
  };
}

/** The identity provider routes for the permission walk (tests/api/permissions.test.ts): all need user.manage. */
export function ssoProbes(fixture: () => OrgFixture): Record<string, Probe> {
  const created = async () => {
    const org = fixture();
    const response = await org.admin.post<{ id: string }>(`/api/organisations/${org.socialId}/identity-providers`, oidcProviderBody(org.socialId));
    if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id;
  };
  return {
    'GET /api/organisations/{id}/identity-providers': { permission: 'user.manage', prepare: async () => ({ method: 'GET', path: `/api/organisations/${fixture().socialId}/identity-providers` }) },
    'POST /api/organisations/{id}/identity-providers': {
      permission: 'user.manage',
      prepare: async () => ({ method: 'POST', path: `/api/organisations/${fixture().socialId}/identity-providers`, body: oidcProviderBody(fixture().socialId) }),
    },
    'PUT /api/identity-providers/{id}': { permission: 'user.manage', prepare: async () => ({ method: 'PUT', path: `/api/identity-providers/${await created()}`, body: oidcProviderBody(fixture().socialId) }) },
    'DELETE /api/identity-providers/{id}': { permission: 'user.manage', prepare: async () => ({ method: 'DELETE', path: `/api/identity-providers/${await created()}` }) },
  };
}

/** The anonymous steps of a single sign-on, and logout of one's own session: scoped by no organisation. */
export const ssoOpenRoutes = [
  'GET /api/sso/providers',
  'GET /api/sso/providers/{id}/login',
  'GET /api/sso/oidc/{id}/callback',
  'POST /api/sso/saml/{id}/acs',
  'GET /api/sso/saml/{id}/metadata',
  'GET /api/sso/saml/{id}/slo',
  'POST /api/sso/logout',
];
