import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 13 finding 8: only an objektledare of the asset's organisation, or above it, can be assigned. */

interface ErrorBody {
  error: { code: string; details: { field: string }[] };
}

let testApp: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterAll(async () => {
  await testApp.close();
});

async function userIdOf(role: Parameters<OrgFixture['userWith']>[0], organisationId: string): Promise<string> {
  return (await (await org.userWith(role, organisationId)).get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
}

describe('assigning an objektledare', () => {
  it('refuses, naming the field, someone outside the organisation or without the objektledare role', async () => {
    const assetId = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    for (const [who, userId] of [['sibling objektledare', await userIdOf('objektledare', org.skolaId)], ['granskare of the organisation', await userIdOf('granskare', org.socialId)]] as const) {
      const patched = await org.admin.patch<ErrorBody>(`/api/assets/${assetId}`, { objektledareUserId: userId });
      expect(patched.status, who).toBe(400);
      expect(patched.body.error.details, who).toEqual([expect.objectContaining({ field: 'body.objektledareUserId' })]);
      const created = await org.admin.post<ErrorBody>('/api/assets', assetInput(org.socialId, { name: `Nytt ${who}`, objektledareUserId: userId }));
      expect(created.status, who).toBe(400);
    }
    expect((await org.admin.get<{ objektledareUserId: string | null }>(`/api/assets/${assetId}`)).body.objektledareUserId).toBeNull();
  });

  it('accepts an objektledare of the organisation or of one above it, and clearing the field', async () => {
    const assetId = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    for (const organisationId of [org.socialId, org.rootId]) {
      const userId = await userIdOf('objektledare', organisationId);
      const patched = await org.admin.patch<{ objektledareUserId: string }>(`/api/assets/${assetId}`, { objektledareUserId: userId });
      expect(patched.status).toBe(200);
      expect(patched.body.objektledareUserId).toBe(userId);
    }
    expect((await org.admin.patch(`/api/assets/${assetId}`, { objektledareUserId: null })).status).toBe(200);
  });
});
