import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanItemStatus } from '../../server/db/schema';
import { rebuildPlanTallies } from '../../server/plans/plan-tally-store';
import { updatePlanItem } from '../../server/plans/update-plan-item';
import { planAtDate, planAtDateByOrganisation, planToday } from '../../server/reports/lg-plan-history';
import { generateInstallation } from '../support/oversight-data';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { replayedPlanAtDate } from '../support/plan-at-date-reference';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The Ledningens genomgång plan figures at an instant, now counted partly in SQL, equal the old
 * replay of every item in TypeScript: on a generated installation where some items have a history
 * (edits spread over two years), some none, some assets archived, at instants before, between and after.
 */
let testApp: TestApp;
let org: OrgFixture;
const now = new Date(Date.UTC(2026, 10, 20));

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  const { db } = testApp.deps.database;
  const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const generated = await generateInstallation(db, { organisationIds: [org.rootId, org.socialId, org.skolaId], userId: user.id, assets: 60, planItemsPerAsset: 5, now, seed: 33 });
  const statuses: PlanItemStatus[] = ['ej_bedomd', 'uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt'];
  const items = await db.selectFrom('plan_items').selectAll().orderBy('id').execute();
  for (const [index, item] of items.entries()) {
    if (index % 3 !== 0) continue;
    const asset = generated.find((entry) => entry.id === item.asset_id)!;
    await updatePlanItem(testApp.deps, item, { baseRevision: item.revision, status: statuses[index % statuses.length]!, plannedDate: index % 2 === 0 ? '2025-03-01' : '2026-12-24' }, { userId: user.id, organisationId: asset.organisationId });
    // Spread the history over two years, and for some items put all of it after the first instants.
    const month = String((index % 12) + 1).padStart(2, '0');
    await db.updateTable('plan_item_events').set({ changed_at: `${index % 5 === 0 ? 2026 : 2025}-${month}-10T12:00:00.000Z` }).where('plan_item_id', '=', item.id).execute();
  }
  // One asset archived within the period, so it counts at early instants and not at late ones.
  await db.updateTable('assets').set({ archived_at: '2025-09-01T00:00:00.000Z' }).where('id', '=', generated[1]!.id).execute();
  // Archived past the stores: the plan tallies are counted afresh, as archiving through the store keeps them.
  await rebuildPlanTallies(db);
});
afterAll(async () => {
  await testApp.close();
});

describe('the plan at an instant', { timeout: 120_000 }, () => {
  it('equals the replay of every item, at instants across the history', async () => {
    const { db } = testApp.deps.database;
    const scopes = [[org.rootId, org.socialId, org.skolaId], [org.socialId], []];
    let nonEmpty = 0;
    for (const scope of scopes) {
      for (const asOf of ['2024-12-31T23:59:59.999Z', '2025-04-01T00:00:00.000Z', '2025-10-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z', '2026-06-10T12:00:00.000Z', now.toISOString()]) {
        const counted = await planAtDate(db, scope, asOf);
        expect(counted).toEqual(await replayedPlanAtDate(db, scope, asOf));
        if (counted.total > 0 && counted.overdue > 0 && counted.riskAcceptances > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(6);
    expect((await db.selectFrom('plan_item_events').select('id').execute()).length).toBeGreaterThan(50);
  });

  it('counts each organisation apart, and today from the plan tallies the same as from the history', async () => {
    const { db } = testApp.deps.database;
    const scope = [org.rootId, org.socialId, org.skolaId];
    for (const asOf of ['2025-10-01T00:00:00.000Z', now.toISOString()]) {
      const apart = await planAtDateByOrganisation(db, scope, asOf);
      for (const id of scope) expect(apart.get(id)).toEqual(await planAtDate(db, [id], asOf));
    }
    const today = new Date();
    expect(await planToday(db, scope, today)).toEqual(await planAtDate(db, scope, today.toISOString()));
    expect(await planToday(db, [org.socialId], today)).toEqual(await planAtDate(db, [org.socialId], today.toISOString()));
  });
});
