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
    const writer = await loggedIn(testApp);
    const logins = 1000;
    const statuses: number[] = [];
    let saves = 0;
    const loginsRunning = () => statuses.length < logins;
    // Three writers, each on its own assessment, save one revision after another while the logins run; between saves
    // each yields to the event loop as a request over the network would.
    const saveLoop = async (writerIndex: number) => {
      const own = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Skrivare ${writerIndex}` }))).body;
      const assessmentId = (await org.admin.post<{ id: string }>(`/api/assets/${own.id}/assessments`, { kind: 'classification' })).body.id;
      let revision = 0;
      while (loginsRunning()) {
        const saved = await writer.put<{ revision: number }>(`/api/assessments/${assessmentId}/answers`, { baseRevision: revision, answers: { objekt_namn: `Namn ${saves}` } });
        expect(saved.status).toBe(200);
        revision = saved.body.revision;
        saves += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const login = async (index: number) => {
      // Every 25th fails (an unknown account, so the throttle's per-account limit stays out of the way): a failed login appends too.
      const fails = index % 25 === 24;
      const response = await new ApiClient(testApp).login(fails ? `okand.${index}@kommun.test` : adminEmail, adminPassword);
      statuses.push(response.status);
    };
    await Promise.all([saveLoop(1), saveLoop(2), saveLoop(3), ...Array.from({ length: logins }, (_, index) => login(index))]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(960);
    expect(statuses.filter((status) => status === 401)).toHaveLength(40);
    expect(saves).toBeGreaterThan(0);
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict).toMatchObject({ ok: true });
    const actions = testApp.deps.database.sqlite.prepare("select action, count(*) as n from audit_events where action in ('auth.login', 'auth.login_failed', 'assessment.answers_saved') group by action").all();
    expect(actions).toEqual(expect.arrayContaining([{ action: 'auth.login_failed', n: 40 }, { action: 'assessment.answers_saved', n: saves }]));
  }, 600_000);
});
