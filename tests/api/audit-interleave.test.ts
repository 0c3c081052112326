import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import { ApiClient, loggedIn } from '../support/api-client';
import { assetInput, orgFixture, userPassword } from '../support/org-fixture';
import { rawAll } from '../support/raw-sql';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(async () => {
  // Logins come through a trusted proxy from many addresses, as a kommun's staff do: one address may try 50 times in 15 minutes.
  testApp = await createTestApp({ SIGILL_TRUST_PROXY: '1' });
});
afterAll(async () => {
  await testApp.close();
});

describe('logins during autosaves', () => {
  it('1,000 logins (40 failing) interleaved with autosaves leave a chain that verifies', async () => {
    const org = await orgFixture(testApp);
    const people = Array.from({ length: 10 }, (_, index) => `person.${index}@kommun.test`);
    for (const email of people) {
      const granted = await org.admin.post(`/api/organisations/${org.socialId}/members`, { email, name: email, password: userPassword, role: 'granskare' });
      if (granted.status !== 201) throw new Error(`could not create ${email}: ${JSON.stringify(granted.body)}`);
    }
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
      // Sixteen logins an address and ten accounts: the limits per address and per account stay out of the way.
      const email = fails ? `okand.${index}@kommun.test` : people[index % people.length]!;
      const address = `10.0.${index >> 4}.${(index & 15) + 1}`;
      const response = await new ApiClient(testApp).request('POST', '/api/auth/login', { email, password: userPassword }, { 'x-forwarded-for': address });
      statuses.push(response.status);
    };
    await Promise.all([saveLoop(1), saveLoop(2), saveLoop(3), ...Array.from({ length: logins }, (_, index) => login(index))]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(960);
    expect(statuses.filter((status) => status === 401)).toHaveLength(40);
    expect(saves).toBeGreaterThan(0);
    const verdict = await verifyAuditChain(testApp.deps.database.db);
    expect(verdict).toMatchObject({ ok: true });
    const actions = await rawAll(testApp.deps.database, "select action, count(*) as n from audit_events where action in ('auth.login', 'auth.login_failed', 'assessment.answers_saved') group by action");
    expect(actions).toEqual(expect.arrayContaining([{ action: 'auth.login_failed', n: 40 }, { action: 'assessment.answers_saved', n: saves }]));
  }, 600_000);
});
