import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanItemStatus, Priority } from '../../server/db/schema';
import { withTransaction } from '../../server/db/transaction';
import { setAssetArchived } from '../../server/assets/asset-store';
import { syncPlanItems } from '../../server/plans/sync-plan';
import { updatePlanItem } from '../../server/plans/update-plan-item';
import { planFigures } from '../../server/reports/dashboard-queries';
import { generateInstallation } from '../support/oversight-data';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { countedPlanFigures, expectTalliesFresh } from '../support/plan-tally-check';
import { adoption, decidedClassification, publishedTemplate } from '../support/template-fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstAuthorAnswers } from '../support/hemtjanst-fixture';

let testApp: TestApp;
let org: OrgFixture;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterEach(async () => {
  await testApp.close();
});

const day = (offset: number) => new Date(Date.UTC(2026, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** The tallies equal a fresh count, and the dashboard's plan figures the old full count, on several days around the items' dates. */
async function expectFiguresAsCounted(): Promise<void> {
  const { db } = testApp.deps.database;
  await expectTalliesFresh(db);
  const scopes = [[org.rootId, org.socialId, org.skolaId], [org.socialId], [org.skolaId, org.rootId]];
  for (const scope of scopes) {
    for (const offset of [-300, -40, 0, 1, 45, 90, 400]) {
      const today = day(offset);
      const soon = day(offset + 90);
      expect(await planFigures(db, scope, today, soon)).toEqual(await countedPlanFigures(db, scope, today, soon));
    }
  }
}

/** mulberry32, so a failing sequence of writes can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const statuses: PlanItemStatus[] = ['ej_bedomd', 'uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_tillampligt', 'risk_accepterad'];
const priorities: (Priority | null)[] = ['hog', 'medel', 'lag', null];

describe('the plan tallies', { timeout: 240_000 }, () => {
  it('equal a fresh count after every kind of write, in a seeded random sequence of 80 writes', async () => {
    const { db } = testApp.deps.database;
    const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    const generated = await generateInstallation(db, { organisationIds: [org.rootId, org.socialId, org.skolaId], userId: user.id, assets: 24, planItemsPerAsset: 6, now: new Date(Date.UTC(2026, 11, 1)), seed: 16 });
    await expectFiguresAsCounted();
    const next = random(2116);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const kinds: string[] = [];
    for (let step = 0; step < 80; step += 1) {
      const asset = pick(generated);
      const kind = pick(['edit', 'edit', 'sync', 'archive'] as const);
      kinds.push(kind);
      if (kind === 'edit') {
        const item = pick(await db.selectFrom('plan_items').selectAll().where('asset_id', '=', asset.id).execute());
        const status = pick(statuses);
        const patch = {
          baseRevision: item.revision,
          status,
          priority: pick(priorities),
          plannedDate: next() < 0.2 ? null : day(Math.floor(next() * 600) - 300),
          ...(status === 'ej_tillampligt' ? { statusMotivation: 'Gäller inte här' } : {}),
          ...(status === 'risk_accepterad' ? { riskDecidedBy: 'Kommundirektören', riskDecidedOn: day(-400), riskValidUntil: day(Math.floor(next() * 500) - 200) } : {}),
        };
        await updatePlanItem(testApp.deps, item, patch, { userId: user.id, organisationId: asset.organisationId });
      } else if (kind === 'sync') {
        // A new result: some requirements stay (the form may give them a status), some leave, some arrive.
        const existing = await db.selectFrom('plan_items').select(['source_key', 'assessment_id']).where('asset_id', '=', asset.id).execute();
        const kept = existing.filter(() => next() < 0.7).map((item) => item.source_key);
        const added = Array.from({ length: Math.floor(next() * 3) }, () => `krav-${Math.floor(next() * 12)}`);
        const keys = [...new Set([...kept, ...added])];
        const entries = keys.map((key) => ({ sourceKey: key, title: `Krav ${key}`, detail: { measureStatus: pick(['a', 'b']) }, ...(next() < 0.3 ? { status: pick(statuses) } : {}) }));
        await withTransaction(db, (trx) => syncPlanItems(trx, asset.id, 'classification', existing[0]?.assessment_id ?? asset.id, entries));
      } else {
        const archived = (await db.selectFrom('assets').select('archived_at').where('id', '=', asset.id).executeTakeFirstOrThrow()).archived_at !== null;
        await withTransaction(db, (trx) => setAssetArchived(trx, asset.id, !archived));
      }
      await expectTalliesFresh(db);
    }
    await expectFiguresAsCounted();
    expect(new Set(kinds)).toEqual(new Set(['edit', 'sync', 'archive']));
  });

  it('follow the API: a decided classification, plan edits, a DPIA’s measures, a template’s central fulfilment, archiving and restoring', async () => {
    const classified = await decidedClassification(org, org.socialId);
    await expectFiguresAsCounted();
    const plan = async (assetId: string) => (await org.admin.get<{ items: { id: string; revision: number; source: string }[] }>(`/api/assets/${assetId}/plan`)).body.items;
    const [first, second] = await plan(classified.assetId);
    expect((await org.admin.patch(`/api/plan-items/${first!.id}`, { baseRevision: first!.revision, status: 'risk_accepterad', statusMotivation: 'Ersätts', riskDecidedBy: 'Kommundirektören', riskDecidedOn: day(-10), riskValidUntil: day(30) })).status).toBe(200);
    expect((await org.admin.patch(`/api/plan-items/${second!.id}`, { baseRevision: second!.revision, status: 'ej_uppfyllt', priority: 'hog', plannedDate: day(-5) })).status).toBe(200);
    await expectFiguresAsCounted();

    const dpiaAnswers = hemtjanstAuthorAnswers();
    const dpia = (await org.admin.post<{ id: string }>(`/api/assets/${classified.assetId}/assessments`, { kind: 'dpia' })).body;
    expect((await org.admin.put(`/api/assessments/${dpia.id}/answers`, { baseRevision: 0, answers: dpiaAnswers })).status).toBe(200);
    expect((await plan(classified.assetId)).some((item) => item.source === 'dpia')).toBe(true);
    await expectFiguresAsCounted();

    await org.admin.patch(`/api/organisations/${org.rootId}`, { isCentral: true });
    const template = await publishedTemplate(org, org.rootId);
    const adopted = await adoption(org, org.skolaId, template.templateId);
    const { db } = testApp.deps.database;
    expect(await db.selectFrom('plan_items').select('id').where('asset_id', '=', adopted.assetId).where('central_hur', 'is not', null).execute()).not.toHaveLength(0);
    await expectFiguresAsCounted();

    expect((await org.admin.post(`/api/assets/${classified.assetId}/archive`)).status).toBe(200);
    await expectFiguresAsCounted();
    expect((await org.admin.post(`/api/assets/${classified.assetId}/restore`)).status).toBe(200);
    await expectFiguresAsCounted();
  });
});
