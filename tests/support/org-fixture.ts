import type { Role } from '../../server/db/schema';
import { ApiClient, loggedIn } from './api-client';
import type { TestApp } from './test-app';

export const userPassword = 'a-long-test-password';

export interface OrgFixture {
  admin: ApiClient;
  rootId: string;
  /** Two förvaltningar under the root. */
  socialId: string;
  skolaId: string;
  /** Logs in a user holding one role in one organisation, creating the user on first use. */
  userWith(role: Role, organisationId: string): Promise<ApiClient>;
}

/** A kommun with two förvaltningar, built through the real API as the first-start admin. */
export async function orgFixture(testApp: TestApp): Promise<OrgFixture> {
  const admin = await loggedIn(testApp);
  const me = await admin.get<{ memberships: { organisationId: string }[] }>('/api/auth/me');
  const rootId = me.body.memberships[0]!.organisationId;
  const create = async (name: string) => (await admin.post<{ id: string }>('/api/organisations', { parentId: rootId, name, kind: 'forvaltning' })).body.id;
  const socialId = await create('Socialförvaltningen');
  const skolaId = await create('Utbildningsförvaltningen');
  const clients = new Map<string, ApiClient>();
  return {
    admin,
    rootId,
    socialId,
    skolaId,
    async userWith(role, organisationId) {
      const key = `${role}@${organisationId}`;
      const known = clients.get(key);
      if (known) return known;
      const email = `${role}.${organisationId.slice(-8)}@kommun.test`;
      const granted = await admin.post(`/api/organisations/${organisationId}/members`, { email, name: `${role} ${organisationId.slice(-4)}`, password: userPassword, role });
      if (granted.status !== 201) throw new Error(`could not grant ${key}: ${JSON.stringify(granted.body)}`);
      const client = await loggedIn(testApp, email, userPassword);
      clients.set(key, client);
      return client;
    },
  };
}

export function assetInput(organisationId: string, overrides: Record<string, unknown> = {}) {
  return { organisationId, name: 'Verksamhetssystem för ekonomiskt bistånd', type: 'system', description: 'Handläggning av försörjningsstöd', suppliers: ['Leverantören AB'], hosting: 'kommunens_it', tags: ['socialtjänst'], ...overrides };
}
