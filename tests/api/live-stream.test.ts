import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { SseReader } from '../support/sse-reader';
import { createTestApp, type TestApp } from '../support/test-app';

let testApp: TestApp;
let org: OrgFixture;
let omar: ApiClient;
let assessmentId: string;
const readers: SseReader[] = [];

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  omar = await org.userWith('objektledare', org.socialId);
  const assetId = (await omar.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
  assessmentId = (await omar.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body.id;
});
afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.close()));
  await testApp.close();
});

async function listen(client: ApiClient, clientId: string): Promise<SseReader> {
  const response = await client.raw('GET', `/api/assessments/${assessmentId}/live?clientId=${clientId}`, undefined, { accept: 'text/event-stream' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = new SseReader(response.body!);
  readers.push(reader);
  return reader;
}

const people = (event: { data: Record<string, unknown> }) => event.data['people'] as { clientId: string; name: string; question: string | null; leading: boolean }[];

describe('the live stream of an assessment', () => {
  it('sends each stored change with the new result to everyone on it, the writer included', async () => {
    const reader = await org.userWith('granskare', org.socialId);
    const watching = await listen(reader, 'granskare-tab');
    expect((await watching.next((event) => event.event === 'hello')).data['revision']).toBe(0);
    const writing = await listen(omar, 'omar-tab-01');
    await omar.post(`/api/assessments/${assessmentId}/changes`, { clientId: 'omar-tab-01', ops: [{ op: 'set', path: ['objekt_namn'], value: 'Live', base: 0 }] });
    for (const stream of [watching, writing]) {
      const change = await stream.next((event) => event.event === 'change');
      expect(change.data).toMatchObject({ revision: 1, clientId: 'omar-tab-01', ops: [{ op: 'set', path: ['objekt_namn'], value: 'Live' }], by: { name: expect.stringContaining('objektledare') } });
      expect(change.data['result']).toHaveProperty('classification');
      expect(Array.isArray(change.data['missing'])).toBe(true);
    }
  });

  it('announces who is here, where, and who leads; a closed stream leaves', async () => {
    const admin = await listen(org.admin, 'admin-tab-01');
    await admin.next((event) => event.event === 'hello');
    const omars = await listen(omar, 'omar-tab-01');
    await admin.next((event) => event.event === 'presence' && people(event).length === 2);
    const moved = await omar.post(`/api/assessments/${assessmentId}/presence`, { clientId: 'omar-tab-01', page: 'objekt', question: 'objekt_namn', leading: true });
    expect(moved.status).toBe(204);
    const seen = await admin.next((event) => event.event === 'presence' && people(event).some((person) => person.question === 'objekt_namn'));
    expect(people(seen).find((person) => person.clientId === 'omar-tab-01')).toMatchObject({ question: 'objekt_namn', leading: true });
    await org.admin.post(`/api/assessments/${assessmentId}/presence`, { clientId: 'admin-tab-01', page: 'objekt', question: null, leading: true });
    const handedOver = await admin.next((event) => event.event === 'presence' && people(event).find((person) => person.clientId === 'admin-tab-01')?.leading === true);
    expect(people(handedOver).filter((person) => person.leading)).toHaveLength(1);
    await omars.close();
    const left = await admin.next((event) => event.event === 'presence' && people(event).length === 1);
    expect(people(left)[0]!.clientId).toBe('admin-tab-01');
  });

  it('ends a stream whose session logged out before it carries the next change', async () => {
    const reader = await org.userWith('granskare', org.socialId);
    const watching = await listen(reader, 'granskare-tab');
    await watching.next((event) => event.event === 'hello');
    expect((await reader.post('/api/auth/logout')).status).toBeLessThan(300);
    await omar.post(`/api/assessments/${assessmentId}/changes`, { ops: [{ op: 'set', path: ['objekt_namn'], value: 'Hemligt', base: 0 }] });
    await expect(watching.next((event) => event.event === 'change')).rejects.toThrow('the event stream ended');
  });

  it('is for those who may read the assessment only', async () => {
    const stranger = await org.userWith('objektledare', org.skolaId);
    expect((await stranger.raw('GET', `/api/assessments/${assessmentId}/live?clientId=stranger-tab`)).status).toBe(404);
    expect((await stranger.post(`/api/assessments/${assessmentId}/presence`, { clientId: 'stranger-tab', page: null, question: null, leading: false })).status).toBe(404);
    expect((await omar.raw('GET', `/api/assessments/${assessmentId}/live?clientId=x`)).status).toBe(400);
  });
});
