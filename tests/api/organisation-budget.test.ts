import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OrgFixture, orgFixture } from '../support/org-fixture';
import { rawAll } from '../support/raw-sql';
import { createTestApp, type TestApp } from '../support/test-app';

interface ErrorBody {
  error: { code: string; details: { field: string; message: string }[] };
}

let testApp: TestApp;
let org: OrgFixture;
beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterEach(async () => {
  await testApp.close();
});

describe('an organisation’s annual budget, the basis of the economic thresholds', () => {
  it('is set by the ISAM, read by the organisation’s people, and audited', async () => {
    const isam = await org.userWith('isam', org.rootId);
    const objektledare = await org.userWith('objektledare', org.socialId);
    expect((await objektledare.get(`/api/organisations/${org.socialId}/annual-budget`)).body).toEqual({ annualBudgetSek: null });
    const set = await isam.put(`/api/organisations/${org.socialId}/annual-budget`, { annualBudgetSek: 1_200_000_000 });
    expect(set.status).toBe(200);
    expect((await objektledare.get(`/api/organisations/${org.socialId}/annual-budget`)).body).toEqual({ annualBudgetSek: 1_200_000_000 });
    // Never inherited: a förvaltning's budget says nothing of its neighbour's.
    expect((await isam.get(`/api/organisations/${org.skolaId}/annual-budget`)).body).toEqual({ annualBudgetSek: null });
    expect((await objektledare.put(`/api/organisations/${org.socialId}/annual-budget`, { annualBudgetSek: 1 })).status).toBe(403);
    const events = await rawAll<{ payload: string }>(testApp.deps.database, "select payload from audit_events where action = 'organisation.annual_budget_set'");
    expect(events.map((event) => JSON.parse(event.payload))).toEqual([{ annualBudgetSek: 1_200_000_000 }]);
  });

  it('refuses a budget that is not a positive whole number of kronor, naming the field, and keeps the saved one', async () => {
    await org.admin.put(`/api/organisations/${org.socialId}/annual-budget`, { annualBudgetSek: 500_000_000 });
    for (const annualBudgetSek of [-5, 0, 1.5, '1 200 000', 1e13]) {
      const refused = await org.admin.put<ErrorBody>(`/api/organisations/${org.socialId}/annual-budget`, { annualBudgetSek });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.map((detail) => detail.field)).toEqual(['json.annualBudgetSek']);
    }
    expect((await org.admin.put<ErrorBody>(`/api/organisations/${org.socialId}/annual-budget`, { annualBudgetSek: 1, extra: true })).status).toBe(400);
    expect((await org.admin.get(`/api/organisations/${org.socialId}/annual-budget`)).body).toEqual({ annualBudgetSek: 500_000_000 });
  });
});
