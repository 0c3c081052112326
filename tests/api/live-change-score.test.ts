import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessmentKinds } from '../../server/assessments/assessment-kinds';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { SseReader } from '../support/sse-reader';
import { createTestApp, type TestApp } from '../support/test-app';

interface Stored {
  revision: number;
  form: { id: string; version: number };
  answers: Record<string, unknown>;
  result: Record<string, unknown> | null;
  missing: unknown[];
  summary: string | null;
}
interface Reply {
  revision: number;
  result: Record<string, unknown> | null;
  missing: unknown[];
  summary: string | null;
}

const ekonomisystem = () => (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;
let omar: ApiClient;
let assetId: string;
let assessmentId: string;
let stream: SseReader;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  omar = await org.userWith('objektledare', org.socialId);
  assetId = (await omar.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
  assessmentId = (await omar.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body.id;
  await omar.put(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers: ekonomisystem() });
  const response = await omar.raw('GET', `/api/assessments/${assessmentId}/live?clientId=score-watcher`, undefined, { accept: 'text/event-stream' });
  stream = new SseReader(response.body!);
});
afterEach(async () => {
  await stream.close();
  await testApp.close();
});

const stored = async () => (await omar.get<Stored>(`/api/assessments/${assessmentId}`)).body;

/** What scoring the stored answers from scratch gives: the reference every shortcut on the change path must meet. */
function scoredAfresh(assessment: Stored) {
  const form = testApp.deps.forms.get(assessment.form.id, assessment.form.version)!;
  const outcome = assessmentKinds.classification.score(testApp.deps.forms, form, assessment.answers);
  if (!outcome.ok) throw new Error('the stored answers do not score');
  return JSON.parse(JSON.stringify(outcome.scored)) as { result: Record<string, unknown>; missing: unknown[]; summary: string; profile: Record<string, number | null>; plan: { sourceKey: string }[] };
}

/** Edits as a workshop makes them: mostly text that leaves the score alone, now and then a level or a cleared answer that moves it. */
function edits(sets: readonly Record<string, unknown>[]): { path: string[]; value: unknown }[] {
  const first = sets[0]!;
  // Rows saved whole before they had ids are addressed by the ids every reader derives from their position.
  const firstId = typeof first['_rowId'] === 'string' ? first['_rowId'] : 'legacy-0';
  const k = first['konsekvens_k'] as Record<string, string>;
  return [
    { path: ['objekt_beskrivning'], value: 'Ny text 1' },
    { path: ['informationsmangder', firstId, 'beskrivning'], value: 'Fakturor och betalfiler' },
    { path: ['informationsmangder', firstId, 'konsekvens_k'], value: { ...k, ekonomi: 'niva-3' } },
    { path: ['objekt_beskrivning'], value: 'Ny text 2' },
    { path: ['objektagare'], value: null },
    { path: ['objekt_beskrivning'], value: 'Ny text 3' },
    { path: ['objektagare'], value: 'Avdelningschef' },
    { path: ['informationsmangder', firstId, 'konsekvens_k'], value: k },
    { path: ['objekt_beskrivning'], value: 'Ny text 4' },
  ];
}

describe('the score a change leaves behind', () => {
  it('is after every change exactly the score of the stored answers: stored, replied, streamed, on the asset and in the plan', async () => {
    const start = await stored();
    const startProfile = scoredAfresh(start).profile;
    const summaries = new Set<string | null>();
    let revision = start.revision;
    for (const edit of edits(start.answers['informationsmangder'] as Record<string, unknown>[])) {
      const reply = await omar.post<Reply>(`/api/assessments/${assessmentId}/changes`, { clientId: 'score-writer', ops: [{ op: 'set', path: edit.path, value: edit.value, base: revision }] });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      revision = reply.body.revision;
      const now = await stored();
      expect(now.revision).toBe(revision);
      const fresh = scoredAfresh(now);
      // The stored columns, the reply the writer shows and the event everyone else shows all carry the fresh score.
      expect({ result: now.result, missing: now.missing, summary: now.summary }).toEqual({ result: fresh.result, missing: fresh.missing, summary: fresh.summary });
      expect({ result: reply.body.result, missing: reply.body.missing, summary: reply.body.summary }).toEqual({ result: fresh.result, missing: fresh.missing, summary: fresh.summary });
      const event = await stream.next((candidate) => candidate.event === 'change' && candidate.data['revision'] === revision);
      expect({ result: event.data['result'], missing: event.data['missing'], summary: event.data['summary'] }).toEqual({ result: fresh.result, missing: fresh.missing, summary: fresh.summary });
      // The asset list's levels and the handlingsplan follow the draft's score.
      const asset = (await omar.get<{ profile: unknown }>(`/api/assets/${assetId}`)).body;
      expect(asset.profile).toEqual(fresh.profile);
      const plan = (await omar.get<{ items: { sourceKey: string; applicable: boolean }[] }>(`/api/assets/${assetId}/plan`)).body.items;
      expect(plan.filter((item) => item.applicable).map((item) => item.sourceKey).sort()).toEqual(fresh.plan.map((entry) => entry.sourceKey).sort());
      summaries.add(now.summary);
    }
    // The edits did move the levels and come back, so both the skipped and the rewritten paths were walked.
    expect(summaries.size).toBeGreaterThan(1);
    expect(scoredAfresh(await stored()).profile).toEqual(startProfile);
    expect(await verifyAuditChain(testApp.deps.database.db)).toMatchObject({ ok: true });
  });
});
