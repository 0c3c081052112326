import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify-chain';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { createTestApp, type TestApp } from '../support/test-app';

interface Assessment {
  id: string;
  revision: number;
  answers: Record<string, unknown>;
  summary: string | null;
}
interface Conflict {
  path: string[];
  yours: unknown;
  stored: unknown;
  rowRemoved: boolean;
  changedBy: { name: string } | null;
  revision: number | null;
}
interface ChangesResult {
  revision: number;
  applied: { path: string[] }[];
  summary: string | null;
  error?: { code: string; details: { conflicts: Conflict[]; currentRevision: number } & { field: string }[] };
}

const ekonomisystem = () => (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;
let omar: ApiClient;
let lena: ApiClient;
let assessmentId: string;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  omar = await org.userWith('objektledare', org.socialId);
  lena = org.admin;
  const assetId = (await omar.post<{ id: string }>('/api/assets', assetInput(org.socialId))).body.id;
  assessmentId = (await omar.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' })).body.id;
  // A classification starts with its object page filled from the asset record.
  prefilled = (await stored()).answers;
});
afterEach(async () => {
  await testApp.close();
});

const change = (client: ApiClient, ops: unknown[]) => client.post<ChangesResult>(`/api/assessments/${assessmentId}/changes`, { clientId: 'test-client-1', ops });
let prefilled: Record<string, unknown>;
const stored = async () => (await omar.get<Assessment>(`/api/assessments/${assessmentId}`)).body;
const row = (id: string, fields: Record<string, unknown>) => ({ ...fields, _rowId: id });

describe('answers saved as changes', () => {
  it('merges changes to different questions from two people who both started at the same revision', async () => {
    const first = await change(omar, [{ op: 'set', path: ['objekt_namn'], value: 'Ekonomisystemet', base: 0 }]);
    expect(first.status).toBe(200);
    const second = await change(lena, [{ op: 'set', path: ['forvaltning'], value: 'Ekonomiavdelningen', base: 0 }]);
    expect(second.status).toBe(200);
    expect(second.body.revision).toBe(2);
    expect((await stored()).answers).toEqual({ ...prefilled, objekt_namn: 'Ekonomisystemet', forvaltning: 'Ekonomiavdelningen' });
  });

  it('refuses a change to the same question someone changed since, with both values and who, and saves nothing', async () => {
    await change(omar, [{ op: 'set', path: ['objekt_namn'], value: 'Omars namn', base: 0 }]);
    const stale = await change(lena, [
      { op: 'set', path: ['objekt_namn'], value: 'Lenas namn', base: 0 },
      { op: 'set', path: ['forvaltning'], value: 'Lenas förvaltning', base: 0 },
    ]);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.details.conflicts).toEqual([expect.objectContaining({ path: ['objekt_namn'], yours: 'Lenas namn', stored: 'Omars namn', rowRemoved: false, revision: 1, changedBy: expect.objectContaining({ name: expect.stringContaining('objektledare') }) })]);
    expect((await stored()).answers).toEqual({ ...prefilled, objekt_namn: 'Omars namn' });
    // Having seen revision 1, Lena's choice wins.
    expect((await change(lena, [{ op: 'set', path: ['objekt_namn'], value: 'Lenas namn', base: 1 }])).status).toBe(200);
    expect((await stored()).answers).toEqual({ ...prefilled, objekt_namn: 'Lenas namn' });
  });

  it('accepts a stale change that arrives at the value already stored', async () => {
    await change(omar, [{ op: 'set', path: ['objekt_namn'], value: 'Samma', base: 0 }]);
    expect((await change(lena, [{ op: 'set', path: ['objekt_namn'], value: 'Samma', base: 0 }])).status).toBe(200);
  });

  it('merges rows two people insert, remove, move and edit at once, addressed by row id', async () => {
    await change(omar, [
      { op: 'insert', list: 'integrationer', rowId: 'a', after: null, value: { system: 'A' } },
      { op: 'insert', list: 'integrationer', rowId: 'b', after: 'a', value: { system: 'B' } },
      { op: 'insert', list: 'integrationer', rowId: 'c', after: 'b', value: { system: 'C' } },
    ]);
    // Both saw revision 1 with rows a, b, c.
    expect((await change(omar, [{ op: 'remove', list: 'integrationer', rowId: 'a' }, { op: 'insert', list: 'integrationer', rowId: 'o', after: 'c', value: { system: 'Omar' } }])).status).toBe(200);
    const lenas = await change(lena, [
      { op: 'set', path: ['integrationer', 'c', 'beskrivning'], value: 'Lenas text', base: 1 },
      { op: 'insert', list: 'integrationer', rowId: 'l', after: 'a', value: { system: 'Lena' } },
      { op: 'move', list: 'integrationer', rowId: 'c', after: null },
    ]);
    expect(lenas.status).toBe(200);
    expect((lenas.body as unknown as { order: Record<string, string[]> }).order).toEqual({ integrationer: ['c', 'b', 'o', 'l'] });
    expect((await stored()).answers['integrationer']).toEqual([
      row('c', { system: 'C', beskrivning: 'Lenas text' }),
      row('b', { system: 'B' }),
      row('o', { system: 'Omar' }),
      // Inserted after a row Omar removed meanwhile: kept, at the end.
      row('l', { system: 'Lena' }),
    ]);
  });

  it('takes a row and the text typed into it in one batch', async () => {
    const batch = await change(omar, [
      { op: 'insert', list: 'integrationer', rowId: 'n', after: null },
      { op: 'set', path: ['integrationer', 'n', 'system'], value: 'Nytt system', base: 0 },
    ]);
    expect(batch.status).toBe(200);
    expect((await stored()).answers['integrationer']).toEqual([row('n', { system: 'Nytt system' })]);
  });

  it('refuses a change to a field of a row someone removed, so the text stays with its writer', async () => {
    await change(omar, [{ op: 'insert', list: 'integrationer', rowId: 'a', after: null, value: { system: 'A' } }]);
    await change(omar, [{ op: 'remove', list: 'integrationer', rowId: 'a' }]);
    const late = await change(lena, [{ op: 'set', path: ['integrationer', 'a', 'beskrivning'], value: 'skrivet', base: 1 }]);
    expect(late.status).toBe(409);
    expect(late.body.error?.details.conflicts[0]).toMatchObject({ rowRemoved: true, yours: 'skrivet' });
  });

  it('counts a whole-document save as a change of each question it changed', async () => {
    await omar.put(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers: { objekt_namn: 'Via PUT' } });
    const stale = await change(lena, [{ op: 'set', path: ['objekt_namn'], value: 'Gammal', base: 0 }]);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.details.conflicts[0]).toMatchObject({ stored: 'Via PUT' });
  });

  it('gives rows saved without ids the ids every reader derives from their position, and scores a whole classification', async () => {
    const answers = ekonomisystem();
    await omar.put(`/api/assessments/${assessmentId}/answers`, { baseRevision: 0, answers });
    const before = await stored();
    const sets = answers['informationsmangder'] as Record<string, unknown>[];
    const result = await change(lena, [{ op: 'set', path: ['informationsmangder', 'legacy-0', 'beskrivning'], value: 'Ny beskrivning', base: 1 }]);
    expect(result.status).toBe(200);
    expect(result.body.summary).toBe(before.summary);
    const after = (await stored()).answers['informationsmangder'] as Record<string, unknown>[];
    expect(after).toHaveLength(sets.length);
    expect(after[0]).toEqual({ ...sets[0], beskrivning: 'Ny beskrivning', _rowId: 'legacy-0' });
    expect(await verifyAuditChain(testApp.deps.database.db)).toMatchObject({ ok: true });
  });

  it('keeps every change with who, when, the value before and after', async () => {
    await change(omar, [{ op: 'set', path: ['objekt_namn'], value: 'Först', base: 0 }]);
    await change(lena, [{ op: 'set', path: ['objekt_namn'], value: 'Sedan', base: 1 }]);
    const history = await omar.get<{ changes: { revision: number; path: string[]; previousValue: unknown; newValue: unknown; changedBy: { name: string } }[] }>(`/api/assessments/${assessmentId}/changes?since=0`);
    expect(history.body.changes.map(({ revision, path, previousValue, newValue }) => ({ revision, path, previousValue, newValue }))).toEqual([
      { revision: 1, path: ['objekt_namn'], previousValue: prefilled['objekt_namn'] ?? null, newValue: 'Först' },
      { revision: 2, path: ['objekt_namn'], previousValue: 'Först', newValue: 'Sedan' },
    ]);
    expect(history.body.changes[1]!.changedBy.name).not.toBe(history.body.changes[0]!.changedBy.name);
  });

  it('answers bad changes with 400 naming the field, and a reader with 403', async () => {
    const badChoice = await change(omar, [{ op: 'set', path: ['objekt_typ'], value: 'ingen-sådan', base: 0 }]);
    expect(badChoice.status).toBe(400);
    expect(JSON.stringify(badChoice.body)).toContain('body.answers.objekt_typ');
    const badShape = await change(omar, [{ op: 'set', path: ['a', 'b'], value: 1, base: 0 }]);
    expect(badShape.status).toBe(400);
    expect(JSON.stringify(badShape.body)).toContain('json.ops.0');
    const reader = await org.userWith('granskare', org.socialId);
    expect((await change(reader, [{ op: 'set', path: ['objekt_namn'], value: 'x', base: 0 }])).status).toBe(403);
    expect((await stored()).revision).toBe(0);
  });
});
