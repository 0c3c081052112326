import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../server/auth/roles';
import { demoDomain, demoPassword, seedDemo } from '../../server/demo/seed-demo';
import { loggedIn } from '../support/api-client';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp({ SIGILL_DEMO: '1' });
});
afterAll(async () => {
  await testApp.close();
});

interface Asset {
  name: string;
  organisationName: string;
  classificationStatus: string;
  profile: Record<string, number | null> | null;
}

describe('SIGILL_DEMO=1', () => {
  it('gives a newcomer a kommun with two förvaltningar, a dozen assets and one fastställd classification', async () => {
    const isam = await loggedIn(testApp, `isam@${demoDomain}`, demoPassword);
    const organisations = (await isam.get<{ organisations: { name: string }[] }>('/api/organisations')).body.organisations.map((entry) => entry.name);
    expect(organisations).toEqual(['Exempelkommun', 'Socialförvaltningen', 'Utbildningsförvaltningen']);
    const assets = (await isam.get<{ items: Asset[]; total: number }>('/api/assets?pageSize=100')).body;
    expect(assets.total).toBe(12);
    const ekonomi = assets.items.find((asset) => asset.name === 'Ekonomisystemet')!;
    expect(ekonomi).toMatchObject({ classificationStatus: 'faststalld', profile: { K: 1, R: 3, T: 2, S: 2 } });
    expect(assets.items.filter((asset) => asset.classificationStatus === 'pagar').map((asset) => asset.name)).toEqual(['Elevhälsans journalsystem']);
  });

  it('has a user for every role, each able to log in', async () => {
    const admin = await loggedIn(testApp);
    const kommunId = (await admin.get<{ organisations: { id: string; name: string }[] }>('/api/organisations')).body.organisations.find((entry) => entry.name === 'Exempelkommun')!.id;
    const held = new Set<string>();
    for (const organisation of (await admin.get<{ organisations: { id: string }[] }>('/api/organisations')).body.organisations) {
      const members = (await admin.get<{ members: { role: string; email: string }[] }>(`/api/organisations/${organisation.id}/members`)).body.members;
      for (const member of members) held.add(member.role);
    }
    expect([...held].sort()).toEqual([...roles].sort());
    expect(kommunId).toBeTruthy();
    await loggedIn(testApp, `objektledare.skola@${demoDomain}`, demoPassword);
  });

  it('holds a DPIA screening whose outcome is krävs', async () => {
    const dso = await loggedIn(testApp, `dso@${demoDomain}`, demoPassword);
    const hemtjanst = (await dso.get<{ items: { id: string; name: string }[] }>('/api/assets?q=hemtj')).body.items[0]!;
    const assessments = (await dso.get<{ assessments: { kind: string; summary: string }[] }>(`/api/assets/${hemtjanst.id}/assessments`)).body.assessments;
    expect(assessments).toEqual([expect.objectContaining({ kind: 'dpia-screening', summary: 'Krävs' })]);
  });

  it('gives the Översikt and Att göra something to show: four fastställda, one overdue review, open plan items with ansvarig', async () => {
    const isam = await loggedIn(testApp, `isam@${demoDomain}`, demoPassword);
    const kommunId = (await isam.get<{ organisations: { id: string; name: string }[] }>('/api/organisations')).body.organisations.find((entry) => entry.name === 'Exempelkommun')!.id;
    const dashboard = (await isam.get<{ total: { faststalld: number; overdue: number }; plan: { open: number; overdue: number; riskAcceptances: { expiringSoon: number } } }>(`/api/organisations/${kommunId}/dashboard`)).body;
    expect(dashboard.total).toMatchObject({ faststalld: 4, overdue: 1 });
    expect(dashboard.plan.overdue).toBe(1);
    expect(dashboard.plan.riskAcceptances.expiringSoon).toBe(1);
    const todo = (await isam.get<{ reviews: { assetName: string; overdue: boolean }[]; planItems: unknown[] }>('/api/todo')).body;
    expect(todo.reviews).toEqual(expect.arrayContaining([expect.objectContaining({ assetName: 'Trygghetslarm', overdue: true })]));
    expect(todo.planItems.length).toBeGreaterThanOrEqual(2);
  });

  it('seeds only once', async () => {
    expect(await seedDemo(testApp.deps, 'admin@sigill.local')).toBe(false);
  });
});
