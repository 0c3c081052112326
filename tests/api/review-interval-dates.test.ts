import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshClassificationStatus } from '../../server/assets/refresh-classification-status';
import { withTransaction } from '../../server/db/transaction';
import { generateInstallation } from '../support/oversight-data';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Setting a review interval moves the review dates of every fastställd asset below the organisation
 * in a few batched queries (it recomputed each asset's status one by one); the dates must be exactly
 * those the per-asset recomputation gives: the newest classification and DPIA due, older rounds not.
 */
let testApp: TestApp;
let org: OrgFixture;
beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterEach(async () => {
  await testApp.close();
});

async function reviewDates() {
  const { db } = testApp.deps.database;
  const assessments = await db.selectFrom('assessments').select(['id', 'next_review_at']).orderBy('id').execute();
  const assets = await db.selectFrom('assets').select(['id', 'classification_status', 'profile', 'next_review_at']).orderBy('id').execute();
  return { assessments, assets };
}

describe('a changed review interval', () => {
  it('gives every asset below the organisation the dates a per-asset recomputation gives', async () => {
    const { db } = testApp.deps.database;
    const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await generateInstallation(db, { organisationIds: [org.rootId, org.socialId, org.skolaId], userId: user.id, assets: 120, planItemsPerAsset: 1, seed: 7 });
    expect((await org.admin.put(`/api/organisations/${org.rootId}/review-interval`, { months: 7 })).status).toBe(200);
    expect((await org.admin.put(`/api/organisations/${org.skolaId}/review-interval`, { months: 30 })).status).toBe(200);
    const batched = await reviewDates();
    const decided = batched.assets.filter((asset) => asset.classification_status === 'faststalld');
    expect(decided.length).toBeGreaterThan(20);
    await withTransaction(db, async (trx) => {
      for (const asset of decided) await refreshClassificationStatus(trx, asset.id);
    });
    expect(await reviewDates()).toEqual(batched);
    // The generator counted 12 months; the new intervals moved them.
    const moved = batched.assets.filter((asset) => asset.next_review_at !== null);
    expect(moved.length).toBe(decided.length);
  });
});
