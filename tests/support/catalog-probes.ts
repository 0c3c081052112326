import fs from 'node:fs';
import { assetInput, type OrgFixture } from './org-fixture';
import { ok, type Probe } from './route-probe';

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

/**
 * The catalog-move, plan-history and Ledningens genomgång statement routes (issue 17) for the
 * permission walk in tests/api/permissions.test.ts. Moves are scoped to one fresh asset, so each
 * call stays small however many assets the walk has made.
 */
export function catalogProbes(fixture: () => OrgFixture): Record<string, Probe> {
  const newAsset = async () => (await ok(fixture().admin.post<{ id: string }>('/api/assets', assetInput(fixture().socialId, { name: `Objekt ${Math.random()}` })))).id;
  const planItem = async () => {
    const { admin } = fixture();
    const assetId = await newAsset();
    const { id } = await ok(admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' }));
    await ok(admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem }));
    return (await ok(admin.get<{ items: { id: string }[] }>(`/api/assets/${assetId}/plan`))).items[0]!.id;
  };
  return {
    'GET /api/organisations/{id}/catalog-move': {
      permission: 'plan.catalog_move',
      prepare: async () => ({ method: 'GET', path: `/api/organisations/${fixture().socialId}/catalog-move?version=2&assetId=${await newAsset()}` }),
    },
    'POST /api/organisations/{id}/catalog-move': {
      permission: 'plan.catalog_move',
      prepare: async () => ({ method: 'POST', path: `/api/organisations/${fixture().socialId}/catalog-move`, body: { version: 2, assetId: await newAsset() } }),
    },
    'GET /api/organisations/{id}/reports/ledningens-genomgang/statement': {
      permission: 'report.read',
      prepare: async () => ({ method: 'GET', path: `/api/organisations/${fixture().socialId}/reports/ledningens-genomgang/statement?year=2025` }),
    },
    'PUT /api/organisations/{id}/reports/ledningens-genomgang/statement': {
      permission: 'report.write',
      prepare: async () => {
        const path = `/api/organisations/${fixture().socialId}/reports/ledningens-genomgang/statement`;
        const { revision } = await ok(fixture().admin.get<{ revision: number }>(`${path}?year=2026`));
        return { method: 'PUT', path, body: { year: 2026, conclusions: 'Klassningen har gått framåt.', proposedActions: 'Utbilda objektledarna.', baseRevision: revision } };
      },
    },
    'GET /api/plan-items/{id}/history': { permission: 'plan.read', prepare: async () => ({ method: 'GET', path: `/api/plan-items/${await planItem()}/history` }) },
  };
}
