import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

interface Assessment {
  id: string;
  revision: number;
  answers: Record<string, unknown>;
}
interface Asset {
  name: string;
  description: string;
  informationsagare: string;
  objektagare: string;
  suppliers: string[];
  hosting: string | null;
  type: string;
}

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;
let objektledare: ApiClient;
let assetId: string;
const registered = {
  name: 'Ekonomisystemet Raindance',
  type: 'system',
  description: 'Redovisning, leverantörsfakturor och utbetalningar.',
  informationsagare: 'Ekonomichefen',
  objektagare: 'Redovisningschefen',
  suppliers: ['CGI Sverige AB', 'Visma Spcs AB'],
  hosting: 'molntjanst',
};

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  objektledare = await org.userWith('objektledare', org.socialId);
  const me = (await objektledare.get<{ user: { id: string; name: string } }>('/api/auth/me')).body.user;
  assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId, { ...registered, objektledareUserId: me.id }))).body.id;
});
afterEach(async () => {
  await testApp.close();
});

describe('no double entry between the asset record and the questionnaire', () => {
  it('starts a classification with the object page filled from the asset record', async () => {
    const me = (await objektledare.get<{ user: { name: string } }>('/api/auth/me')).body.user;
    const started = await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'classification' });
    expect(started.status).toBe(201);
    expect(started.body.answers).toEqual({
      objekt_namn: registered.name,
      objekt_typ: 'system',
      objekt_beskrivning: registered.description,
      forvaltning: 'Socialförvaltningen',
      informationsagare: registered.informationsagare,
      objektagare: registered.objektagare,
      objektledare: me.name,
      // Each row has its stable id from the first stored revision.
      leverantorer: [{ namn: 'CGI Sverige AB', _rowId: 'legacy-0' }, { namn: 'Visma Spcs AB', _rowId: 'legacy-1' }],
      drift: 'molntjanst',
    });
    // A DPIA screening has no object page to fill.
    const screening = await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'dpia-screening' });
    expect(screening.body.answers).toEqual({});
  });

  it('makes the asset record follow the fastställd protocol where they differ, with a note in the history', async () => {
    const started = (await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body;
    const answers = { ...ekonomisystem, objekt_namn: 'Ekonomisystemet', drift: 'kommunens-it', leverantorer: [{ namn: 'CGI Sverige AB', uppdrag: 'system' }] };
    expect((await objektledare.put(`/api/assessments/${started.id}/answers`, { baseRevision: started.revision, answers })).status).toBe(200);
    // Before the decision the record is the registered one.
    expect((await objektledare.get<Asset>(`/api/assets/${assetId}`)).body.name).toBe(registered.name);
    expect((await objektledare.post(`/api/assessments/${started.id}/submit`)).status).toBe(200);
    const decider = await org.userWith('beslutsfattare', org.socialId);
    expect((await decider.post(`/api/assessments/${started.id}/decide`, { statement: 'Fastställs.' })).status).toBe(200);

    const asset = (await objektledare.get<Asset>(`/api/assets/${assetId}`)).body;
    expect(asset).toMatchObject({
      name: 'Ekonomisystemet',
      hosting: 'kommunens_it',
      suppliers: ['CGI Sverige AB'],
      description: ekonomisystem['objekt_beskrivning'],
      informationsagare: ekonomisystem['informationsagare'],
      objektagare: ekonomisystem['objektagare'],
      type: 'system',
    });
    const history = (await objektledare.get<{ events: { action: string; payload: { assessmentId?: string; changes?: Record<string, { from: unknown; to: unknown }> } }[] }>(`/api/assets/${assetId}/history`)).body.events;
    const note = history.find((event) => event.action === 'asset.updated_from_protocol');
    expect(note?.payload.assessmentId).toBe(started.id);
    expect(note?.payload.changes?.['name']).toEqual({ from: registered.name, to: 'Ekonomisystemet' });
    expect(note?.payload.changes?.['hosting']).toEqual({ from: 'molntjanst', to: 'kommunens_it' });
    expect(Object.keys(note?.payload.changes ?? {})).not.toContain('type');
  });
});
