import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { type ApiClient, loggedIn } from '../support/api-client';
import { createTestApp, type TestApp } from '../support/test-app';

interface Texts {
  theme: string;
  arText: string;
  levelText: { aspect: string; level: number; arText: string } | null;
  iso27002: { id: string; title: string | null }[];
}
interface Item {
  id: string;
  source: 'classification' | 'dpia';
  sourceKey: string;
  applicable: boolean;
  revision: number;
  requirementVersion: number | null;
  requirement: Texts | null;
}

type Catalog = { requirements: { id: string; version: number; theme: string; arText: string; iso27002: string[]; byLevel?: { texts: { arText: string }[] } }[] };
const catalogs = fs.readdirSync('forms/kravkatalog').map((file) => JSON.parse(fs.readFileSync(`forms/kravkatalog/${file}`, 'utf8')) as Catalog);
/** Every published requirement version, read from the catalog files themselves. */
const published = new Map<string, Catalog['requirements'][number]>(catalogs.flatMap((catalog) => catalog.requirements.map((requirement) => [`${requirement.id}@${requirement.version}`, requirement] as const)));
const controls = (JSON.parse(fs.readFileSync('forms/iso27002/v1.json', 'utf8')) as { controls: { id: string; title: string }[] }).controls;
const heading = new Map(controls.map((control) => [control.id, control.title]));

let testApp: TestApp;
let isam: ApiClient;
let assetId: string;

beforeAll(async () => {
  testApp = await createTestApp({ SIGILL_DEMO: '1' });
  isam = await loggedIn(testApp, `isam@${demoDomain}`, demoPassword);
  const assets = (await isam.get<{ items: { id: string; name: string }[] }>('/api/assets?pageSize=100')).body.items;
  assetId = assets.find((asset) => asset.name === 'Ekonomisystemet')!.id;
}, 60_000);
afterAll(async () => {
  await testApp.close();
});

describe('the handlingsplan with requirement texts', () => {
  it('gives each classification item its theme, ÄR-krav text, level text and ISO/IEC 27002 controls with their headings', async () => {
    const { status, body } = await isam.get<{ items: Item[] }>(`/api/assets/${assetId}/plan`);
    expect(status).toBe(200);
    const classification = body.items.filter((item) => item.source === 'classification' && item.applicable);
    expect(classification.length).toBeGreaterThan(10);
    for (const item of classification) {
      const requirement = published.get(`${item.sourceKey}@${item.requirementVersion}`)!;
      expect(item.requirement, item.sourceKey).toMatchObject({ theme: requirement.theme, arText: requirement.arText });
      expect(item.requirement!.iso27002).toEqual(requirement.iso27002.map((id) => ({ id, title: heading.get(id)! })));
      // A level text only where the catalog words the requirement by level, and then one of its texts.
      expect([null, ...(requirement.byLevel?.texts ?? []).map((entry) => entry.arText)]).toContain(item.requirement!.levelText?.arText ?? null);
    }
    // A requirement that grows with the level carries the text for the level reached.
    expect(classification.some((item) => item.requirement!.levelText !== null)).toBe(true);
    for (const item of body.items.filter((entry) => entry.source === 'dpia')) expect(item.requirement).toBeNull();
  });

  it('answers a saved item with its texts too, so the page keeps showing them', async () => {
    const { body } = await isam.get<{ items: Item[] }>(`/api/assets/${assetId}/plan`);
    const item = body.items.find((entry) => entry.source === 'classification' && entry.applicable)!;
    const saved = await isam.patch<Item>(`/api/plan-items/${item.id}`, { baseRevision: item.revision, ansvarig: 'Ekonomichefen' });
    expect(saved.status).toBe(200);
    expect(saved.body.requirement).toEqual(item.requirement);
  });
});
