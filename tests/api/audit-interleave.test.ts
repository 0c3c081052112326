import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import { adminEmail, adminPassword, ApiClient, loggedIn } from '../support/api-client';
import { assetInput, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});

describe('logins during autosaves', () => {
  it('1,000 logins (40 failing) interleaved with autosaves leave a chain that verifies', async () => {
    const org = await orgFixture(testApp);
    const asset = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body;
    const assessmentId = (await org.admin.post<{ id: string }>(`/api/assets/${asset.id}/assessments`, { kind: 'classification' })).body.id;
    const writer = await loggedIn(testApp);
    const logins = 1000;
    let loginsLeft = logins;
    const loginsRunning = () => loginsLeft > 0;
    const statuses: number[] = [];
    let saves = 0;
    // Saves follow each other (each names the revision the last one made) for as long as logins run.
    const autosave = async () => {
      let revision = 0;
      while (loginsRunning()) {
        const saved = await writer.put<{ revision: number }>(`/api/assessments/${assessmentId}/answers`, { baseRevision: revision, answers: { objekt_namn: `Namn ${saves}` } });
        expect(saved.status).toBe(200);
        revision = saved.body.revision;
        saves += 1;
      }
    };
    const login = async (index: number) => {
      // Every 25th fails (an unknown account, so the throttle's per-account limit stays out of the way): a failed login appends too.
      const fails = index % 25 === 24;
      const response = await new ApiClient(testApp).login(fails ? `okand.${index}@kommun.test` : adminEmail, adminPassword);
      statuses.push(response.status);
      loginsLeft -= 1;
    };
    await Promise.all([autosave(), ...Array.from({ length: logins }, (_, index) => login(index))]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(960);
    expect(statuses.filter((status) => status === 401)).toHaveLength(40);
    expect(saves).toBeGreaterThan(0);
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict).toMatchObject({ ok: true });
    const actions = testApp.deps.database.sqlite.prepare("select action, count(*) as n from audit_events where action in ('auth.login', 'auth.login_failed', 'assessment.answers_saved') group by action").all();
    expect(actions).toEqual(expect.arrayContaining([{ action: 'auth.login_failed', n: 40 }, { action: 'assessment.answers_saved', n: saves }]));
  }, 300_000);
});
