import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ApiClient, loggedIn } from '../support/api-client';
import { assetInput, orgFixture, userPassword } from '../support/org-fixture';
import { decidedClassification } from '../support/template-fixture';
import { createTestApp } from '../support/test-app';
import { formsWithout, testScratch } from '../support/test-scratch';

interface Item {
  id: string;
  sourceKey: string;
  applicable: boolean;
  status: string;
  statusMotivation: string | null;
  ansvarig: string | null;
  priority: string | null;
  plannedDate: string | null;
  hur: string | null;
  hurSource: string | null;
  evidenceUrl: string | null;
  revision: number;
  requirementVersion: number | null;
  assessedAgainst: { id: string; version: number }[];
  needsReassessment: boolean;
  replacedBy: string[];
}

interface Move {
  applied: boolean;
  catalog: { version: number };
  available: { version: number }[];
  assets: { assetId: string; outcome: string; reason: string | null; counts: Record<string, number>; changes: { requirementId: string; change: string; from: string[]; replacedBy: string[]; status: string; reassess: boolean }[] }[];
}

interface HistoryEvent {
  by: string | null;
  change: string;
  from: { status: string; applicable: boolean } | null;
  to: { status: string; ansvarig: string | null; plannedDate: string | null; applicable: boolean; requirementVersion: number | null };
}

const { apps, tempDir } = testScratch();

/** The shipped forms as they were before kravkatalog version 2 (and the questionnaires scored with it and with version 3) was published. */
const formsBeforeCatalogV2 = () =>
  formsWithout(tempDir('sigill-forms-catalog-v1-'), ['kravkatalog/v2.json', 'kravkatalog/v3.json', 'informationsklassning/v3.json', 'informationsklassning/v4.json']);

const lonesystem = () => (JSON.parse(fs.readFileSync('tests/fixtures/calibration/lonesystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

async function plan(client: ApiClient, assetId: string): Promise<Map<string, Item>> {
  const { body } = await client.get<{ items: Item[] }>(`/api/assets/${assetId}/plan`);
  return new Map(body.items.map((item) => [item.sourceKey, item]));
}

async function edit(client: ApiClient, item: Item, patch: Record<string, unknown>): Promise<void> {
  const response = await client.patch(`/api/plan-items/${item.id}`, { baseRevision: item.revision, ...patch });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

const edits: Record<string, Record<string, unknown>> = {
  // Split: tek-maskering 1 → tek-maskering 2 (8.11) and tek-testdata 1 (8.33).
  'tek-maskering': { status: 'uppfyllt', ansvarig: 'IT-chefen', priority: 'hog', plannedDate: '2027-01-15', hur: 'Personnummer maskas i rapporter och testmiljön', evidenceUrl: 'https://intra.kommun.test/maskning' },
  // Merge: org-underleverantorer 1 + org-leverantorsuppfoljning 1 → org-leverantorskedja 1.
  'org-underleverantorer': { status: 'uppfyllt', ansvarig: 'Upphandlaren', priority: 'lag', plannedDate: '2027-03-01', hur: 'Underleverantörer listas i avtalsbilaga 3' },
  'org-leverantorsuppfoljning': { status: 'delvis_uppfyllt', ansvarig: 'Systemägaren', priority: 'medel', plannedDate: '2027-02-01', hur: 'Uppföljningsmöte varje höst', evidenceUrl: 'https://intra.kommun.test/uppfoljning' },
  // Stricter text: tek-sakerhetskopiering 1 → 2.
  'tek-sakerhetskopiering': { status: 'uppfyllt', ansvarig: 'Driftchefen', hur: 'Nattlig kopia till annan hall' },
  // Removed in version 2.
  'gdpr-sakerhetsatgarder': { status: 'ej_uppfyllt', ansvarig: 'Dataskyddssamordnaren' },
  // Unchanged between the versions.
  'org-styrdokument': { status: 'uppfyllt', ansvarig: 'Förvaltningschefen' },
};

describe('moving a handlingsplan to kravkatalog version 2', () => {
  it('carries statuses through a split, a merge, a stricter text and a removal, flags what must be judged again and keeps every history row', async () => {
    const dataDir = tempDir('sigill-catalog-move-');
    const before = await createTestApp({ SIGILL_DATA_DIR: dataDir, SIGILL_FORMS_DIR: formsBeforeCatalogV2() });
    apps.push(before);
    const org = await orgFixture(before);
    const decided = await decidedClassification(org, org.socialId, lonesystem());
    // A second asset whose classification is still a draft on the same questions.
    const draftAsset = (await org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Lönesystemet, ny version' }))).body.id;
    const draft = (await org.admin.post<{ id: string; form: { version: number } }>(`/api/assets/${draftAsset}/assessments`, { kind: 'classification' })).body;
    expect(draft.form.version).toBe(2);
    await org.admin.put(`/api/assessments/${draft.id}/answers`, { baseRevision: 0, answers: lonesystem() });
    const onV1 = await plan(org.admin, decided.assetId);
    for (const [key, patch] of Object.entries(edits)) await edit(org.admin, onV1.get(key)!, patch);
    await edit(org.admin, (await plan(org.admin, draftAsset)).get('org-underleverantorer')!, { status: 'ej_uppfyllt' });
    await org.admin.put(`/api/organisations/${org.socialId}/requirement-defaults/org-underleverantorer`, { hur: 'Förteckning över underleverantörer i avtalsregistret' });
    await org.admin.put(`/api/organisations/${org.socialId}/requirement-defaults/org-leverantorsuppfoljning`, { hur: 'Årlig uppföljning enligt leverantörsrutinen' });
    const isamEmail = (await (await org.userWith('isam', org.socialId)).get<{ user: { email: string } }>('/api/auth/me')).body.user.email;
    await before.close();
    apps.splice(0);

    const after = await createTestApp({ SIGILL_DATA_DIR: dataDir });
    apps.push(after);
    const isam = await loggedIn(after, isamEmail, userPassword);
    const untouched = await plan(isam, decided.assetId);

    const preview = await isam.get<Move>(`/api/organisations/${org.socialId}/catalog-move?version=2`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ applied: false, catalog: { version: 2 } });
    expect(preview.body.available.map((entry) => entry.version)).toEqual([1, 2, 3]);
    const previewed = preview.body.assets.find((asset) => asset.assetId === decided.assetId)!;
    expect(previewed.outcome).toBe('moves');
    const change = (key: string) => previewed.changes.find((entry) => entry.requirementId === key);
    expect(change('tek-testdata')).toMatchObject({ change: 'carried', from: ['tek-maskering'], status: 'uppfyllt', reassess: true });
    expect(change('tek-maskering')).toMatchObject({ change: 'text_changed', status: 'uppfyllt', reassess: true });
    expect(change('org-leverantorskedja')).toMatchObject({ change: 'carried', from: ['org-underleverantorer', 'org-leverantorsuppfoljning'], status: 'delvis_uppfyllt', reassess: true });
    expect(change('org-underleverantorer')).toMatchObject({ change: 'replaced', replacedBy: ['org-leverantorskedja'] });
    expect(change('gdpr-sakerhetsatgarder')).toMatchObject({ change: 'no_longer_applicable', replacedBy: [] });
    expect(change('tek-sakerhetskopiering')).toMatchObject({ change: 'text_changed', status: 'uppfyllt', reassess: true });
    expect(change('org-styrdokument')).toBeUndefined();
    expect(change('tek-arkitektur')).toMatchObject({ change: 'new', status: 'ej_bedomd', reassess: false });
    // The preview stored nothing.
    expect(await plan(isam, decided.assetId)).toEqual(untouched);

    const moved = await isam.post<Move>(`/api/organisations/${org.socialId}/catalog-move`, { version: 2 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.assets.find((asset) => asset.assetId === decided.assetId)).toEqual({ ...previewed });
    const items = await plan(isam, decided.assetId);
    const item = (key: string) => items.get(key)!;

    // Split: both parts take over everything, and ask to be judged again.
    for (const key of ['tek-maskering', 'tek-testdata']) {
      expect(item(key)).toMatchObject({
        applicable: true, status: 'uppfyllt', ansvarig: 'IT-chefen', priority: 'hog', plannedDate: '2027-01-15', hur: 'Personnummer maskas i rapporter och testmiljön',
        evidenceUrl: 'https://intra.kommun.test/maskning', assessedAgainst: [{ id: 'tek-maskering', version: 1 }], needsReassessment: true,
      });
    }
    expect(item('tek-maskering').id).toBe(untouched.get('tek-maskering')!.id);
    expect(item('tek-maskering').requirementVersion).toBe(2);
    // Merge: the least-met status with its owner, the highest priority, the earliest date, every "hur".
    expect(item('org-leverantorskedja')).toMatchObject({
      applicable: true, status: 'delvis_uppfyllt', ansvarig: 'Systemägaren', priority: 'medel', plannedDate: '2027-02-01',
      hur: 'Underleverantörer listas i avtalsbilaga 3\n\nUppföljningsmöte varje höst', evidenceUrl: 'https://intra.kommun.test/uppfoljning', needsReassessment: true,
    });
    for (const key of ['org-underleverantorer', 'org-leverantorsuppfoljning']) {
      expect(item(key)).toMatchObject({ applicable: false, replacedBy: ['org-leverantorskedja'], status: edits[key]!.status, hur: edits[key]!.hur, ansvarig: edits[key]!.ansvarig });
    }
    // Stricter text: same item, new version, flagged until someone sets a status again.
    expect(item('tek-sakerhetskopiering')).toMatchObject({ id: untouched.get('tek-sakerhetskopiering')!.id, status: 'uppfyllt', requirementVersion: 2, needsReassessment: true });
    // Removed: kept as history with its status, not replaced.
    expect(item('gdpr-sakerhetsatgarder')).toMatchObject({ applicable: false, status: 'ej_uppfyllt', ansvarig: 'Dataskyddssamordnaren', replacedBy: [] });
    // Unchanged: still fulfilled, not flagged.
    expect(item('org-styrdokument')).toMatchObject({ status: 'uppfyllt', needsReassessment: false, requirementVersion: 1 });
    expect(item('tek-arkitektur')).toMatchObject({ status: 'ej_bedomd', needsReassessment: false });
    expect(untouched.size).toBeLessThan(items.size);

    // History: the dead items keep every row, the successors start with the carry.
    const history = async (key: string) => (await isam.get<{ events: HistoryEvent[] }>(`/api/plan-items/${item(key).id}/history`)).body.events;
    const deadHistory = await history('org-underleverantorer');
    expect(deadHistory.map((event) => event.change)).toEqual(['created', 'edited', 'not_applicable']);
    expect(deadHistory[0]).toMatchObject({ by: null, from: null, to: { status: 'ej_bedomd', applicable: true } });
    expect(deadHistory[1]).toMatchObject({ by: expect.any(String), from: { status: 'ej_bedomd' }, to: { status: 'uppfyllt', ansvarig: 'Upphandlaren', plannedDate: '2027-03-01' } });
    expect(deadHistory[2]).toMatchObject({ to: { status: 'uppfyllt', applicable: false } });
    expect(deadHistory[2]!.by).toMatch(/^isam/);
    expect((await history('gdpr-sakerhetsatgarder')).map((event) => event.change)).toEqual(['created', 'edited', 'not_applicable']);
    expect((await history('org-leverantorskedja')).map((event) => [event.change, event.to.status])).toEqual([['carried', 'delvis_uppfyllt']]);
    expect((await history('tek-sakerhetskopiering')).map((event) => [event.change, event.to.requirementVersion])).toEqual([['created', 1], ['edited', 1], ['requirement_changed', 2]]);

    // The organisation's "hur" library follows the merge.
    const defaults = (await isam.get<{ defaults: { requirementId: string; hur: string }[] }>(`/api/organisations/${org.socialId}/requirement-defaults`)).body.defaults;
    expect(defaults.find((entry) => entry.requirementId === 'org-leverantorskedja')?.hur).toBe('Förteckning över underleverantörer i avtalsregistret\n\nÅrlig uppföljning enligt leverantörsrutinen');

    // Setting a status again is the reassessment: the flag clears.
    await edit(isam, item('tek-sakerhetskopiering'), { status: 'delvis_uppfyllt' });
    expect((await plan(isam, decided.assetId)).get('tek-sakerhetskopiering')).toMatchObject({ needsReassessment: false, assessedAgainst: [{ id: 'tek-sakerhetskopiering', version: 2 }] });

    // The open draft went on with the questionnaire scored against version 2, its answers and levels as they were.
    const repinned = await isam.get<{ form: { version: number }; summary: string }>(`/api/assessments/${draft.id}`);
    expect(repinned.body).toMatchObject({ form: { id: 'informationsklassning', version: 3 }, summary: 'K3 R2 T3 S2' });
    expect((await plan(isam, draftAsset)).get('org-leverantorskedja')).toMatchObject({ status: 'ej_uppfyllt', needsReassessment: true });

    // Moving again changes nothing.
    const again = await isam.get<Move>(`/api/organisations/${org.socialId}/catalog-move?version=2`);
    expect(again.body.assets.map((asset) => asset.outcome)).toEqual(['already', 'already']);
  });
});
