import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 13 finding 9: a unique violation is a 409 for every route, and two starts race to one winner. */

let testApp: TestApp;
let org: OrgFixture;
let objektledare: ApiClient;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  objektledare = await org.userWith('objektledare', org.socialId);
});
afterEach(async () => {
  await testApp.close();
});

describe('unique violations', () => {
  it('give 201 and 409 when two people press "Starta klassning" at once', async () => {
    const assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
    const colleague = await org.userWith('isam', org.socialId);
    const results = await Promise.all([objektledare, colleague].map((client) => client.post<{ error?: { code: string } }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })));
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect(results.find((result) => result.status === 409)!.body.error!.code).toBe('conflict');
    const rounds = await testApp.deps.database.db.selectFrom('assessments').select('round').where('asset_id', '=', assetId).execute();
    expect(rounds).toEqual([{ round: 1 }]);
  });

  it('give 409 naming the field when two assets are registered with one external id at once', async () => {
    const results = await Promise.all(
      ['Första', 'Andra'].map((name) => objektledare.post<{ error?: { code: string; details: { field: string }[] } }>('/api/assets', assetInput(org.socialId, { name, externalId: 'SYS-1' }))),
    );
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect(results.find((result) => result.status === 409)!.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'body.externalId' }] });
  });
});
