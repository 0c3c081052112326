import fs from 'node:fs';
import { roleAllows } from '../../server/auth/permissions';
import { roles } from '../../server/auth/roles';
import type { Role } from '../../server/db/schema';
import type { TodoList } from '../../server/todo/todo-list';
import { loggedIn } from './api-client';
import { assetInput, type OrgFixture, userPassword } from './org-fixture';
import { ok } from './route-probe';
import type { TestApp } from './test-app';

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

/** What one person's Att göra shows of one asset: its review, its plan items, its sign-off steps. */
function mentions(todo: TodoList, assetId: string): string[] {
  return [
    ...todo.reviews.filter((row) => row.assetId === assetId).map(() => 'review'),
    ...todo.planItems.filter((row) => row.assetId === assetId).map(() => 'plan item'),
    ...todo.approvals.filter((row) => row.assetId === assetId).map((row) => row.step),
  ];
}

/**
 * The permission walk for GET /api/todo (issue 13 finding 8): a fastställd classification in the
 * owner organisation with its review overdue, whose objektledare was assigned while a member and
 * then holds only `role` somewhere — in the owner, above it, in a sibling, or nowhere at all.
 * Att göra must show the review exactly when the table lets that role read the assessment there.
 */
export async function todoWalk(testApp: TestApp, org: OrgFixture): Promise<{ outcomes: string[]; expected: string[] }> {
  const assetId = (await ok(org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Att göra-prov ${Math.random()}` })))).id;
  const { id } = await ok(org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' }));
  await ok(org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem }));
  await ok(org.admin.post(`/api/assessments/${id}/submit`));
  await ok((await org.userWith('beslutsfattare', org.socialId)).post(`/api/assessments/${id}/decide`, { statement: 'Fastställs' }));
  await testApp.deps.database.db.updateTable('assessments').set({ next_review_at: '2020-01-31T00:00:00.000Z' }).where('id', '=', id).execute();

  const places = { owner: org.socialId, above: org.rootId, sibling: org.skolaId, nowhere: null } as const;
  const outcomes: string[] = [];
  const expected: string[] = [];
  let serial = 0;
  for (const role of roles as readonly Role[]) {
    for (const [where, organisationId] of Object.entries(places)) {
      if (where === 'nowhere' && role !== roles[0]) continue;
      serial += 1;
      const email = `tidigare.objektledare.${serial}@kommun.test`;
      const member = await ok(org.admin.post<{ userId: string }>(`/api/organisations/${org.socialId}/members`, { email, name: `Tidigare objektledare ${serial}`, password: userPassword, role: 'objektledare' }));
      await ok(org.admin.patch(`/api/assets/${assetId}`, { objektledareUserId: member.userId }));
      const keepsRole = organisationId === org.socialId && role === 'objektledare';
      if (organisationId && !keepsRole) await ok(org.admin.post(`/api/organisations/${organisationId}/members`, { email, role }));
      if (!keepsRole) await ok(org.admin.delete(`/api/organisations/${org.socialId}/members/${member.userId}/objektledare`));
      const client = await loggedIn(testApp, email, userPassword);
      const todo = await ok(client.get<TodoList>('/api/todo'));
      const label = where === 'nowhere' ? 'no role left' : `${role}/${where}`;
      outcomes.push(`${label}: ${mentions(todo, assetId).join(', ') || 'nothing'}`);
      const mayRead = organisationId !== null && organisationId !== org.skolaId && roleAllows(role, 'assessment.read');
      expected.push(`${label}: ${mayRead ? 'review' : 'nothing'}`);
    }
  }
  return { outcomes, expected };
}
