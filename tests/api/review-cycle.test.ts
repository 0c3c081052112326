import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../../server/reports/figure-types';
import type { TodoList } from '../../server/todo/todo-list';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;
let assetId: string;
let assessmentId: string;

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  const objektledare = await org.userWith('objektledare', org.socialId);
  const me = (await objektledare.get<{ user: { id: string } }>('/api/auth/me')).body.user;
  assetId = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { objektledareUserId: me.id }))).body.id;
  assessmentId = (await org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body.id;
  await org.admin.put(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers: ekonomisystem });
  await org.admin.post(`/api/assessments/${assessmentId}/submit`);
  const decided = await (await org.userWith('beslutsfattare', org.socialId)).post(`/api/assessments/${assessmentId}/decide`, { statement: 'Fastställs' });
  if (decided.status !== 200) throw new Error(`decide failed: ${JSON.stringify(decided.body)}`);
});
afterAll(async () => {
  await testApp.close();
});

describe('the review cycle', () => {
  it('gives a fastställd classification a review date 12 months on by default', async () => {
    const asset = (await org.admin.get<{ nextReviewAt: string }>(`/api/assets/${assetId}`)).body;
    const decidedAt = (await org.admin.get<{ decidedAt: string }>(`/api/assessments/${assessmentId}`)).body.decidedAt;
    const expected = new Date(decidedAt);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(asset.nextReviewAt.slice(0, 10)).toBe(expected.toISOString().slice(0, 10));
  });

  it('shows an overdue review on the dashboard and in the objektledare’s Att göra', async () => {
    // Decided 13 months ago: setting the interval recomputes every review date below the organisation.
    const longAgo = new Date(Date.now() - 395 * 86_400_000).toISOString();
    await testApp.deps.database.db.updateTable('assessments').set({ decided_at: longAgo }).where('id', '=', assessmentId).execute();
    expect((await org.admin.put(`/api/organisations/${org.socialId}/review-interval`, { months: 12 })).status).toBe(200);
    const dashboard = (await org.admin.get<DashboardFigures>(`/api/organisations/${org.rootId}/dashboard`)).body;
    expect(dashboard.total.overdue).toBe(1);
    expect(dashboard.organisations.find((row) => row.organisationId === org.socialId)!.overdue).toBe(1);
    const todo = (await (await org.userWith('objektledare', org.socialId)).get<TodoList>('/api/todo')).body;
    expect(todo.reviews).toEqual([expect.objectContaining({ assetId, assessmentId, kind: 'classification', overdue: true })]);
    // Someone in the sibling förvaltning sees none of it.
    expect((await (await org.userWith('objektledare', org.skolaId)).get<TodoList>('/api/todo')).body.reviews).toEqual([]);
  });

  it('moves the review date when the organisation’s interval changes', async () => {
    expect((await org.admin.put(`/api/organisations/${org.rootId}/review-interval`, { months: 24 })).body).toEqual({ months: 24, inherited: false });
    expect((await org.admin.get(`/api/organisations/${org.socialId}/review-interval`)).body).toEqual({ months: 12, inherited: false });
    await org.admin.put(`/api/organisations/${org.socialId}/review-interval`, { months: null });
    expect((await org.admin.get(`/api/organisations/${org.socialId}/review-interval`)).body).toEqual({ months: 24, inherited: true });
    const dashboard = (await org.admin.get<DashboardFigures>(`/api/organisations/${org.rootId}/dashboard`)).body;
    expect(dashboard.total.overdue).toBe(0);
  });

  it('lists plan items assigned to a person by name and the decisions waiting for a beslutsfattare', async () => {
    const objektledare = await org.userWith('objektledare', org.socialId);
    const me = (await objektledare.get<{ user: { name: string } }>('/api/auth/me')).body.user;
    const item = (await org.admin.get<{ items: { id: string; revision: number; status: string }[] }>(`/api/assets/${assetId}/plan`)).body.items.find((entry) => !['uppfyllt', 'ej_tillampligt'].includes(entry.status))!;
    expect((await org.admin.patch(`/api/plan-items/${item.id}`, { baseRevision: item.revision, ansvarig: me.name, plannedDate: '2020-01-31' })).status).toBe(200);
    const todo = (await objektledare.get<TodoList>('/api/todo')).body;
    expect(todo.planItems).toEqual([expect.objectContaining({ id: item.id, assetId, overdue: true })]);

    const other = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Ärendesystem' }))).body.id;
    const pending = (await org.admin.post<{ id: string }>(`/api/assets/${other}/assessments`, { kind: 'classification' })).body.id;
    await org.admin.put(`/api/assessments/${pending}/answers`, { baseRevision: 0, answers: ekonomisystem });
    await org.admin.post(`/api/assessments/${pending}/submit`);
    const decider = (await (await org.userWith('beslutsfattare', org.socialId)).get<TodoList>('/api/todo')).body;
    expect(decider.approvals).toEqual([expect.objectContaining({ assessmentId: pending, step: 'decision' })]);
  });
});
