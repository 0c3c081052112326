import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { loggedIn } from '../support/api-client';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp({ SIGILL_DEMO: '1' });
});
afterAll(async () => {
  await testApp.close();
});

describe('the demo’s normative classification', { timeout: 60_000 }, () => {
  it('offers the central ekonomisystem as a template to a förvaltning’s objektledare', async () => {
    const objektledare = await loggedIn(testApp, `objektledare.skola@${demoDomain}`, demoPassword);
    const { templates } = (await objektledare.get<{ templates: { organisationName: string; latest: { name: string; profileText: string; fulfilled: { requirementId: string }[] } }[] }>('/api/templates')).body;
    expect(templates.map((entry) => [entry.organisationName, entry.latest.name, entry.latest.profileText, entry.latest.fulfilled.map((item) => item.requirementId)])).toEqual([
      ['Exempelkommun', 'Ekonomisystemet (stadsgemensamt)', 'K1 R3 T2 S2', ['tek-sakerhetskopiering']],
    ]);
  });
});
