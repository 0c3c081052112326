import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRoundSummaries } from '../../server/assets/round-summary-store';
import { planAtDate } from '../../server/reports/lg-plan-history';
import { keepLastYearEnds, planAtYearEnd, yearEnd } from '../../server/reports/plan-year-end-store';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { decidedClassification } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 16: Ledningens genomgång reads an ended year's plans from figures kept per organisation
 * (migration 026) instead of replaying every plan item. Kept as first counted, equal to the count
 * from the history then; kept before an asset archived in that year is restored, so restoring does
 * not rewrite a year that has ended; counted once when several reports ask at the same time.
 */

let testApp: TestApp;
let org: OrgFixture;
const lastYear = new Date().getUTCFullYear() - 1;
const lastSummer = `${lastYear}-06-01T10:00:00.000Z`;
const lastAutumn = `${lastYear}-10-01T10:00:00.000Z`;
const assets: Record<string, string> = {};

/** A fastställd classification whose rows are moved back to last summer, as if the workshop had been held then. */
async function classifiedLastSummer(organisationId: string, archivedLastAutumn = false, fixture = org, app = testApp): Promise<string> {
  const { assetId } = await decidedClassification(fixture, organisationId);
  const { db } = app.deps.database;
  await db.updateTable('assets').set({ created_at: lastSummer, archived_at: archivedLastAutumn ? lastAutumn : null }).where('id', '=', assetId).execute();
  await db.updateTable('assessments').set({ created_at: lastSummer, updated_at: lastSummer, decided_at: lastSummer }).where('asset_id', '=', assetId).execute();
  await db.updateTable('plan_items').set({ created_at: lastSummer }).where('asset_id', '=', assetId).execute();
  await db.updateTable('plan_item_events').set({ changed_at: lastSummer }).where('asset_id', '=', assetId).execute();
  return assetId;
}

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  assets.kept = await classifiedLastSummer(org.socialId);
  assets.archivedInSocial = await classifiedLastSummer(org.socialId, true);
  assets.archivedInSkola = await classifiedLastSummer(org.skolaId, true);
  // Written past the stores, so the round summaries are made afresh, as the stores would have kept them then.
  await rebuildRoundSummaries(testApp.deps.database.db);
});
afterAll(async () => {
  await testApp.close();
});

const keptRows = (year: number) => testApp.deps.database.db.selectFrom('plan_year_ends').select(['organisation_id']).where('year', '=', year).execute();

describe('the plans at the end of an ended year', { timeout: 60_000 }, () => {
  it('are kept as first counted, and a restore after that does not move them', async () => {
    const { db } = testApp.deps.database;
    const counted = await planAtDate(db, [org.socialId], yearEnd(lastYear));
    expect(counted.total).toBeGreaterThan(0);
    expect(await planAtYearEnd(db, [org.socialId], lastYear)).toEqual(counted);
    expect(await keptRows(lastYear)).toEqual([{ organisation_id: org.socialId }]);
    expect((await org.admin.post(`/api/assets/${assets.archivedInSocial}/restore`)).status).toBe(200);
    // Counted now, the restored asset would join a year in which it was archived.
    expect((await planAtDate(db, [org.socialId], yearEnd(lastYear))).total).toBeGreaterThan(counted.total);
    expect(await planAtYearEnd(db, [org.socialId], lastYear)).toEqual(counted);
  });

  it('are kept before the first restore after the year, when no report had asked for them yet', async () => {
    const { db } = testApp.deps.database;
    const before = await planAtDate(db, [org.skolaId], yearEnd(lastYear));
    expect((await org.admin.post(`/api/assets/${assets.archivedInSkola}/restore`)).status).toBe(200);
    expect(await planAtYearEnd(db, [org.skolaId], lastYear)).toEqual(before);
    expect((await planAtDate(db, [org.skolaId], yearEnd(lastYear))).total).toBeGreaterThan(before.total);
  });

  it('are counted once when several reports ask at the same time, and add up over organisations', async () => {
    const { db } = testApp.deps.database;
    const scope = [org.rootId, org.socialId, org.skolaId];
    const yearBefore = lastYear - 1;
    const counted = await planAtDate(db, scope, yearEnd(yearBefore));
    const answers = await Promise.all(Array.from({ length: 4 }, () => planAtYearEnd(db, scope, yearBefore)));
    for (const answer of answers) expect(answer).toEqual(counted);
    expect((await keptRows(yearBefore)).map((row) => row.organisation_id).sort()).toEqual([...scope].sort());
    // Last year: the social förvaltning's kept figures and the others' counted now, summed.
    const both = await planAtYearEnd(db, scope, lastYear);
    const parts = await Promise.all(scope.map((id) => planAtYearEnd(db, [id], lastYear)));
    expect(both.total).toBe(parts.reduce((sum, part) => sum + part.total, 0));
    expect(both.open).toBe(parts.reduce((sum, part) => sum + part.open, 0));
  });

  it('are kept for every organisation by the hourly job, once', async () => {
    const fresh = await createTestApp();
    try {
      const other = await orgFixture(fresh);
      const { db } = fresh.deps.database;
      const organisations = (await db.selectFrom('organisations').select('id').execute()).map((row) => row.id);
      expect(organisations.length).toBeGreaterThan(1);
      await classifiedLastSummer(other.socialId, false, other, fresh);
      await rebuildRoundSummaries(db);
      expect(await keepLastYearEnds(db)).toBe(organisations.length);
      const kept = await db.selectFrom('plan_year_ends').select(['organisation_id', 'figures', 'counted_at']).where('year', '=', lastYear).orderBy('organisation_id').execute();
      expect(kept.map((row) => row.organisation_id)).toEqual([...organisations].sort());
      for (const id of organisations) expect(await planAtYearEnd(db, [id], lastYear)).toEqual(await planAtDate(db, [id], yearEnd(lastYear)));
      expect((await planAtYearEnd(db, organisations, lastYear)).total).toBeGreaterThan(0);
      // A second run finds everything kept and changes nothing.
      expect(await keepLastYearEnds(db)).toBe(0);
      expect(await db.selectFrom('plan_year_ends').select(['organisation_id', 'figures', 'counted_at']).where('year', '=', lastYear).orderBy('organisation_id').execute()).toEqual(kept);
    } finally {
      await fresh.close();
    }
  });
});
