import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, loggedIn } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture, userPassword } from '../support/org-fixture';
import type { TodoList } from '../../server/todo/todo-list';
import { pdftotext } from '../support/pdf-tools';
import { createTestApp, type TestApp } from '../support/test-app';

/** Issue 13 finding 7: whoever sent a round for review or marked it ready cannot decide it, unless an admin turned that off. */

interface ErrorBody {
  error: { code: string; message: string };
}

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;
/** One person holding both objektledare and beslutsfattare, as in a small förvaltning. */
let both: ApiClient;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  const email = 'ensam.forvaltare@kommun.test';
  for (const role of ['objektledare', 'beslutsfattare']) {
    const granted = await org.admin.post(`/api/organisations/${org.socialId}/members`, { email, name: 'Ensam Förvaltare', password: userPassword, role });
    if (granted.status !== 201) throw new Error(`could not grant ${role}: ${JSON.stringify(granted.body)}`);
  }
  both = await loggedIn(testApp, email, userPassword);
});
afterEach(async () => {
  await testApp.close();
});

/** A classification saved by `author`, sent for review by `submitter`, and marked ready by `marker` when given. */
async function underReview(author: ApiClient, submitter: ApiClient, marker?: ApiClient): Promise<string> {
  const assetId = (await author.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Objekt ${Math.random()}` }))).body.id;
  const { id } = (await author.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
  expect((await author.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem })).status).toBe(200);
  expect((await submitter.post(`/api/assessments/${id}/submit`)).status).toBe(200);
  const ready = marker ? (await marker.post(`/api/assessments/${id}/ready`, { statement: 'Klar för beslut.' })).status : 200;
  expect(ready).toBe(200);
  return id;
}

describe('separation of duties', () => {
  it('is on by default: one person cannot save, submit, mark ready and decide their own classification', async () => {
    const id = await underReview(both, both, both);
    const waitingFor = async (client: ApiClient) => (await client.get<TodoList>('/api/todo')).body.approvals.filter((item) => item.assessmentId === id).map((item) => item.step);
    // Att göra does not ask them to decide what they prepared; it asks a colleague.
    expect(await waitingFor(both)).toEqual([]);
    const refused = await both.post<ErrorBody>(`/api/assessments/${id}/decide`, { statement: 'Jag fastställer.' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('separation_of_duties');
    expect((await both.get<{ status: string }>(`/api/assessments/${id}`)).body.status).toBe('for_granskning');
    const colleague = await org.userWith('beslutsfattare', org.socialId);
    expect(await waitingFor(colleague)).toEqual(['decision']);
    expect((await colleague.post(`/api/assessments/${id}/decide`, { statement: 'Jag fastställer.' })).status).toBe(200);
  });

  it('refuses whoever only sent it for review, or only marked it ready', async () => {
    const objektledare = await org.userWith('objektledare', org.socialId);
    const submittedByBoth = await underReview(objektledare, both);
    expect((await both.post<ErrorBody>(`/api/assessments/${submittedByBoth}/decide`, { statement: 'Fastställs.' })).body.error.code).toBe('separation_of_duties');
    const markedByBoth = await underReview(objektledare, org.admin, both);
    expect((await both.post<ErrorBody>(`/api/assessments/${markedByBoth}/decide`, { statement: 'Fastställs.' })).body.error.code).toBe('separation_of_duties');
  });

  it('can be turned off for an organisation by an admin, and the protocol then says one person did both', async () => {
    const isam = await org.userWith('isam', org.socialId);
    expect((await isam.patch(`/api/organisations/${org.socialId}`, { separationOfDuties: false })).status).toBe(403);
    const turnedOff = await org.admin.patch<{ separationOfDuties: boolean }>(`/api/organisations/${org.socialId}`, { separationOfDuties: false });
    expect(turnedOff.status).toBe(200);
    expect(turnedOff.body.separationOfDuties).toBe(false);
    // The setting is the organisation's own: the sibling förvaltning keeps separation on.
    const listed = (await org.admin.get<{ organisations: { id: string; separationOfDuties: boolean }[] }>('/api/organisations')).body.organisations;
    expect(listed.find((entry) => entry.id === org.skolaId)!.separationOfDuties).toBe(true);

    const id = await underReview(both, both, both);
    expect((await both.get<TodoList>('/api/todo')).body.approvals.filter((item) => item.assessmentId === id).map((item) => item.step)).toEqual(['decision']);
    const decided = await both.post<{ status: string }>(`/api/assessments/${id}/decide`, { statement: 'Jag fastställer klassningen.' });
    expect(decided.status).toBe(200);
    const { approvals } = (await both.get<{ approvals: { step: string; details: Record<string, string | null> }[] }>(`/api/assessments/${id}/sign-off`)).body;
    expect(approvals.find((approval) => approval.step === 'decision')!.details).toMatchObject({ sameAsPreparer: 'ja' });
    // Turned off above, it is off below too.
    expect((await org.admin.patch(`/api/organisations/${org.socialId}`, { separationOfDuties: true })).body).toMatchObject({ separationOfDuties: true });
    expect((await org.admin.patch(`/api/organisations/${org.rootId}`, { separationOfDuties: false })).status).toBe(200);
    const below = await underReview(both, both, both);
    expect((await both.post(`/api/assessments/${below}/decide`, { statement: 'Jag fastställer klassningen.' })).status).toBe(200);
    const pdf = Buffer.from(await (await both.raw('GET', `/api/assessments/${id}/protocol.pdf`)).arrayBuffer());
    expect(pdftotext(pdf).replace(/\s+/g, ' ')).toContain('Samma person förberedde och fattade beslutet');
  });
});
