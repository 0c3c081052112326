import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { type ApiClient, loggedIn } from '../support/api-client';
import { orgFixture, userPassword } from '../support/org-fixture';
import { decidedClassification } from '../support/template-fixture';
import { createTestApp } from '../support/test-app';
import { formsWithout, testScratch } from '../support/test-scratch';

interface Item {
  id: string;
  sourceKey: string;
  source: 'classification' | 'dpia';
  applicable: boolean;
  status: string;
  ansvarig: string | null;
  revision: number;
  requirementVersion: number | null;
  assessedAgainst: { id: string; version: number }[];
  needsReassessment: boolean;
  requirement: { arText: string; guidance: string | null } | null;
}
interface Move {
  catalog: { version: number };
  assets: { assetId: string; outcome: string; changes: { requirementId: string; change: string; reassess: boolean }[] }[];
}

/** The guidance of kravkatalog version 3, by requirement id, read from the file itself. */
const guidanceV3 = new Map(
  (JSON.parse(fs.readFileSync('forms/kravkatalog/v3.json', 'utf8')) as { requirements: { id: string; guidance: string }[] }).requirements.map((entry) => [entry.id, entry.guidance]),
);

const { apps, tempDir } = testScratch();

/** The shipped forms before kravkatalog version 3 (and the questionnaire scored with it) was published. */
const formsBeforeGuidance = () => formsWithout(tempDir('sigill-forms-catalog-v2-'), ['kravkatalog/v3.json', 'informationsklassning/v4.json']);

const lonesystem = () => (JSON.parse(fs.readFileSync('tests/fixtures/calibration/lonesystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;
const applicable = async (client: ApiClient, assetId: string) =>
  (await client.get<{ items: Item[] }>(`/api/assets/${assetId}/plan`)).body.items.filter((item) => item.source === 'classification' && item.applicable);

async function sheetRows(response: Response): Promise<unknown[][]> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const values: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  return values;
}

describe('guidance per requirement in the handlingsplan', () => {
  it('shows none for a plan made with kravkatalog version 2, and the guidance of version 3 once the organisation is moved, with nothing to judge again', async () => {
    const dataDir = tempDir('sigill-guidance-');
    const before = await createTestApp({ SIGILL_DATA_DIR: dataDir, SIGILL_FORMS_DIR: formsBeforeGuidance() });
    apps.push(before);
    const org = await orgFixture(before);
    const decided = await decidedClassification(org, org.socialId, lonesystem());
    const onV2 = await applicable(org.admin, decided.assetId);
    expect(onV2.length).toBeGreaterThan(50);
    expect(onV2.every((item) => item.requirement !== null && item.requirement.guidance === null)).toBe(true);
    const judged = onV2.find((item) => item.sourceKey === 'tek-sakerhetskopiering')!;
    await org.admin.patch(`/api/plan-items/${judged.id}`, { baseRevision: judged.revision, status: 'uppfyllt', ansvarig: 'IT-chefen' });
    const isamEmail = (await (await org.userWith('isam', org.socialId)).get<{ user: { email: string } }>('/api/auth/me')).body.user.email;
    await before.close();
    apps.splice(0);

    // Version 3 is published: the plan made with version 2 still answers, without guidance and without an error.
    const after = await createTestApp({ SIGILL_DATA_DIR: dataDir });
    apps.push(after);
    const isam = await loggedIn(after, isamEmail, userPassword);
    const untouched = await applicable(isam, decided.assetId);
    expect(untouched.map((item) => item.requirement?.guidance ?? null)).toEqual(untouched.map(() => null));

    // Guidance changes no requirement: the preview flags nothing and changes no text.
    const preview = await isam.get<Move>(`/api/organisations/${org.socialId}/catalog-move?version=3`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const asset = preview.body.assets.find((entry) => entry.assetId === decided.assetId)!;
    expect(asset.outcome).toBe('moves');
    expect(asset.changes).toEqual([]);
    const moved = await isam.post<Move>(`/api/organisations/${org.socialId}/catalog-move`, { version: 3 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const onV3 = await applicable(isam, decided.assetId);
    expect(onV3.map((item) => item.sourceKey)).toEqual(untouched.map((item) => item.sourceKey));
    for (const item of onV3) {
      expect(item.requirement!.guidance, item.sourceKey).toBe(guidanceV3.get(item.sourceKey));
      expect(item.needsReassessment, item.sourceKey).toBe(false);
      expect(item.requirementVersion).toBe(untouched.find((old) => old.id === item.id)!.requirementVersion);
    }
    expect(onV3.find((item) => item.id === judged.id)).toMatchObject({ status: 'uppfyllt', ansvarig: 'IT-chefen', assessedAgainst: judged.assessedAgainst });

    // The export gains a Vägledning column with the same texts.
    const sheet = await sheetRows(await isam.raw('GET', `/api/assets/${decided.assetId}/plan.xlsx`));
    const column = sheet[0]!.indexOf('Vägledning');
    expect(column).toBeGreaterThan(0);
    expect(sheet.slice(1).map((row) => [row[0], row[column]])).toEqual(onV3.map((item) => [item.sourceKey, guidanceV3.get(item.sourceKey)]));
    const csv = await (await isam.raw('GET', `/api/assets/${decided.assetId}/plan.csv`)).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(';')).toContain('"Vägledning"');
    expect(csv).toContain(guidanceV3.get('tek-sakerhetskopiering')!.split('"')[0]);
  });

  it('gives the demo its plans on the catalog version with guidance', async () => {
    const demo = await createTestApp({ SIGILL_DEMO: '1' });
    apps.push(demo);
    const isam = await loggedIn(demo, `isam@${demoDomain}`, demoPassword);
    const assets = (await isam.get<{ items: { id: string; name: string }[] }>('/api/assets?pageSize=100')).body.items;
    const ekonomi = assets.find((asset) => asset.name === 'Ekonomisystemet')!;
    const items = await applicable(isam, ekonomi.id);
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(item.requirement!.guidance, item.sourceKey).toBe(guidanceV3.get(item.sourceKey));
    // A DPIA measure has no requirement, so no guidance either.
    const plan = (await isam.get<{ items: Item[] }>(`/api/assets/${ekonomi.id}/plan`)).body.items;
    for (const item of plan.filter((entry) => entry.source === 'dpia')) expect(item.requirement).toBeNull();
  });
});
