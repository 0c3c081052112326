import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server-process';
import { HttpSession } from '../support/http-session';

/** Many clients on one assessment at once, over real HTTP against the real server process. */

const password = 'concurrency-password';
let server: RunningServer;
let admin: HttpSession;

beforeAll(async () => {
  server = await startServer({ SIGILL_ADMIN_PASSWORD: password });
  admin = await HttpSession.login(server.url, 'admin@sigill.local', password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

async function newClassification(): Promise<string> {
  const asset = await admin.send<{ id: string }>('POST', '/api/assets', { organisationId: admin.organisationId, name: `Samtidighet ${Math.random()}`, type: 'system' });
  return (await admin.send<{ id: string }>('POST', `/api/assets/${asset.body.id}/assessments`, { kind: 'classification' })).body.id;
}

describe('concurrent autosaves on one assessment', () => {
  it('accept exactly one save per revision, refuse every stale one with 409, and lose no acknowledged save', async () => {
    const id = await newClassification();
    const writers = 16;
    const attemptsEach = 12;
    const acknowledged: { revision: number; marker: string }[] = [];
    const refusals: { status: number; ahead: boolean }[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let attempt = 0; attempt < attemptsEach; attempt += 1) {
          const { revision } = (await admin.send<{ revision: number }>('GET', `/api/assessments/${id}`)).body;
          const marker = `skribent ${writer}, försök ${attempt}`;
          const response = await admin.send<{ revision: number; error?: { details: { currentRevision: number } } }>('PUT', `/api/assessments/${id}/answers`, { baseRevision: revision, answers: { objekt_namn: marker } });
          if (response.status === 200) acknowledged.push({ revision: response.body.revision, marker });
          else refusals.push({ status: response.status, ahead: (response.body.error?.details.currentRevision ?? 0) > revision });
        }
      }),
    );
    const revisions = acknowledged.map((ack) => ack.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, index) => index + 1));
    expect(refusals.length + acknowledged.length).toBe(writers * attemptsEach);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((refusal) => refusal.status === 409 && refusal.ahead)).toBe(true);
    const stored = (await admin.send<{ revision: number; answers: { objekt_namn: string } }>('GET', `/api/assessments/${id}`)).body;
    const last = acknowledged.find((ack) => ack.revision === revisions.at(-1))!;
    expect(stored).toMatchObject({ revision: last.revision, answers: { objekt_namn: last.marker } });
    const history = (await admin.send<{ events: { action: string; payload: { revision?: number } }[] }>('GET', `/api/assets/${(await admin.send<{ assetId: string }>('GET', `/api/assessments/${id}`)).body.assetId}/history?limit=1000`)).body.events;
    expect(history.filter((event) => event.action === 'assessment.answers_saved').map((event) => event.payload.revision).sort((a, b) => a! - b!)).toEqual(revisions);
  }, 120_000);

  it('give exactly one result when two people send the same utkast for review at once', async () => {
    const id = await newClassification();
    const complete = await import('../fixtures/classification/ekonomisystem.json', { with: { type: 'json' } });
    expect((await admin.send('PUT', `/api/assessments/${id}/answers`, { baseRevision: 0, answers: complete.default.answers })).status).toBe(200);
    const colleague = await HttpSession.login(server.url, 'admin@sigill.local', password);
    const results = await Promise.all([admin.send('POST', `/api/assessments/${id}/submit`), colleague.send('POST', `/api/assessments/${id}/submit`)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
  }, 60_000);

  it('give exactly one decision when two beslutsfattare fastställer at once', async () => {
    const id = await newClassification();
    const complete = await import('../fixtures/classification/ekonomisystem.json', { with: { type: 'json' } });
    await admin.send('PUT', `/api/assessments/${id}/answers`, { baseRevision: 0, answers: complete.default.answers });
    expect((await admin.send('POST', `/api/assessments/${id}/submit`)).status).toBe(200);
    const deciders = await Promise.all(
      ['first', 'second'].map(async (name) => {
        await admin.send('POST', `/api/organisations/${admin.organisationId}/members`, { email: `${name}.${id.slice(-6)}@kommun.test`, name, password: 'a-long-test-password', role: 'beslutsfattare' });
        return HttpSession.login(server.url, `${name}.${id.slice(-6)}@kommun.test`, 'a-long-test-password');
      }),
    );
    const results = await Promise.all(deciders.map((decider) => decider.send('POST', `/api/assessments/${id}/decide`, { statement: 'Fastställs.' })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const signOff = (await admin.send<{ approvals: { step: string }[]; protocols: unknown[] }>('GET', `/api/assessments/${id}/sign-off`)).body;
    expect(signOff.approvals.filter((approval) => approval.step === 'decision')).toHaveLength(1);
    expect(signOff.protocols).toHaveLength(1);
  }, 60_000);
});
