import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../../server/reports/figure-types';
import { type GeneratedAsset, generateInstallation } from '../support/oversight-data';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
let org: OrgFixture;
let generated: GeneratedAsset[];
const now = new Date();

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  const admin = await testApp.deps.database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  generated = await generateInstallation(testApp.deps.database.db, { organisationIds: [org.socialId, org.skolaId, org.rootId], userId: admin.id, assets: 300, planItemsPerAsset: 6, now, seed: 7 });
});
afterAll(async () => {
  await testApp.close();
});

const isOpen = (status: string) => !['uppfyllt', 'ej_tillampligt', 'risk_accepterad'].includes(status);

/** The figures counted here from what was generated, in plain JavaScript, independent of the server's SQL. */
function expectedCoverage(assets: GeneratedAsset[]) {
  const live = assets.filter((asset) => !asset.archived);
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + 30 * 86_400_000).toISOString();
  const decided = live.filter((asset) => asset.status === 'faststalld');
  return {
    assets: live.length,
    faststalld: decided.length,
    pagar: live.filter((asset) => asset.status === 'pagar').length,
    ejKlassad: live.filter((asset) => asset.status === 'ej_klassad').length,
    overdue: decided.filter((asset) => asset.nextReviewAt! < nowIso).length,
    dueSoon: decided.filter((asset) => asset.nextReviewAt! >= nowIso && asset.nextReviewAt! <= soon).length,
  };
}

describe('the dashboard', () => {
  it('counts coverage per organisation and in total as the generated data says', async () => {
    const response = await org.admin.get<DashboardFigures>(`/api/organisations/${org.rootId}/dashboard`);
    expect(response.status).toBe(200);
    const figures = response.body;
    const { shares, ...total } = figures.total;
    expect(total).toEqual(expectedCoverage(generated));
    expect(shares.faststalld).toBeCloseTo((100 * total.faststalld) / total.assets, 1);
    for (const id of [org.rootId, org.socialId, org.skolaId]) {
      const row = figures.organisations.find((entry) => entry.organisationId === id)!;
      const { shares: _shares, organisationId: _id, name: _name, ...counts } = row;
      expect(counts, id).toEqual(expectedCoverage(generated.filter((asset) => asset.organisationId === id)));
    }
  });

  it('counts profiles, plan items, risk acceptances, DPIAs and the trend', async () => {
    const figures = (await org.admin.get<DashboardFigures>(`/api/organisations/${org.rootId}/dashboard`)).body;
    const live = generated.filter((asset) => !asset.archived);
    const decided = live.filter((asset) => asset.status === 'faststalld');
    for (const aspect of ['K', 'R', 'T', 'S'] as const) {
      const levels = figures.profiles.find((entry) => entry.aspect === aspect)!.levels;
      for (const level of [0, 1, 2, 3]) expect(levels.find((entry) => entry.level === level)!.count, `${aspect}${level}`).toBe(decided.filter((asset) => asset.profile![aspect] === level).length);
    }
    const items = live.flatMap((asset) => asset.plan);
    const today = now.toISOString().slice(0, 10);
    const in90 = new Date(now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(figures.plan.total).toBe(items.length);
    for (const { status, count } of figures.plan.byStatus) expect(count, status).toBe(items.filter((item) => item.status === status).length);
    expect(figures.plan.open).toBe(items.filter((item) => isOpen(item.status)).length);
    expect(figures.plan.overdue).toBe(items.filter((item) => isOpen(item.status) && item.plannedDate !== null && item.plannedDate < today).length);
    expect(figures.plan.openByPriority.find((entry) => entry.priority === 'hog')!.count).toBe(items.filter((item) => isOpen(item.status) && item.priority === 'hog').length);
    const accepted = items.filter((item) => item.status === 'risk_accepterad');
    expect(figures.plan.riskAcceptances).toEqual({
      active: accepted.filter((item) => item.riskValidUntil! >= today).length,
      expiringSoon: accepted.filter((item) => item.riskValidUntil! >= today && item.riskValidUntil! <= in90).length,
      expired: accepted.filter((item) => item.riskValidUntil! < today).length,
    });
    for (const { outcome, count } of figures.dpia.screenings) expect(count, outcome).toBe(live.filter((asset) => asset.screeningOutcome === outcome).length);
    const dpias = live.filter((asset) => asset.dpia?.status === 'faststalld');
    expect(figures.dpia.dpiasDecided).toBe(dpias.length);
    expect(figures.dpia.dpiasInProgress).toBe(live.filter((asset) => asset.dpia?.status === 'utkast').length);
    expect(figures.dpia.priorConsultations).toBe(dpias.filter((asset) => asset.dpia!.priorConsultation).length);
    expect(figures.dpia.reviewsOverdue).toBe(dpias.filter((asset) => asset.dpia!.nextReviewAt! < now.toISOString()).length);
    expect(figures.trend).toHaveLength(12);
    const last = figures.trend.at(-1)!;
    expect([last.assets, last.classified]).toEqual([live.length, decided.length]);
    const middle = figures.trend[5]!;
    const end = new Date(Date.UTC(Number(middle.month.slice(0, 4)), Number(middle.month.slice(5, 7)), 1) - 1).toISOString();
    // Archived assets were archived 10 days ago, so at an earlier month's end they still counted.
    const existing = generated.filter((asset) => asset.createdAt <= end);
    expect([middle.assets, middle.classified]).toEqual([existing.length, existing.filter((asset) => asset.firstDecidedAt !== null && asset.firstDecidedAt <= end).length]);
  });

  it('shows one förvaltning only its own figures, and granskare may read but dso may not', async () => {
    const granskare = await org.userWith('granskare', org.socialId);
    const figures = (await granskare.get<DashboardFigures>(`/api/organisations/${org.socialId}/dashboard`)).body;
    expect(figures.total.assets).toBe(expectedCoverage(generated.filter((asset) => asset.organisationId === org.socialId)).assets);
    expect((await granskare.get(`/api/organisations/${org.rootId}/dashboard`)).status).toBe(404);
    expect((await (await org.userWith('dso', org.socialId)).get(`/api/organisations/${org.socialId}/dashboard`)).status).toBe(403);
  });
});
