import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, roleAllows } from '../../server/auth/permissions';
import { roles } from '../../server/auth/roles';
import type { Role } from '../../server/db/schema';
import { ApiClient } from '../support/api-client';
import { importForm } from '../support/import-form';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { ok, type Probe } from '../support/route-probe';
import { createTestApp, type TestApp } from '../support/test-app';
import { templateProbes } from '../support/template-probes';
import { soaProbes } from '../support/soa-probes';
import { catalogProbes } from '../support/catalog-probes';
import { contentProbes } from '../support/content-probes';
import { liveProbes } from '../support/live-probes';
import { auditProbes } from '../support/audit-probes';
import { oversightListings, oversightProbes } from '../support/oversight-probes';
import { todoWalk } from '../support/rules-probes';
import { ssoOpenRoutes, ssoProbes } from '../support/sso-probes';
import { dpiaProbes } from '../support/dpia-probes';
import { sakerhetProbes } from '../support/sakerhet-probes';
import { dsoProbes } from '../support/dso-probes';
import { hemtjanstAuthorAnswers } from '../support/hemtjanst-fixture';

/**
 * Walks every route with every role, holding the role in the organisation that owns the data
 * or in a sibling organisation, and checks the outcome against the one permission table:
 * allowed → 2xx; a role of the owner that lacks the permission → 403; a stranger → 404.
 */

const ekonomisystem = (JSON.parse(fs.readFileSync('tests/fixtures/classification/ekonomisystem.json', 'utf8')) as { answers: Record<string, unknown> }).answers;

let testApp: TestApp;
let org: OrgFixture;

const newAsset = async () => (await ok(org.admin.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: `Objekt ${Math.random()}` })))).id;
async function assessmentIn(state: 'utkast' | 'complete' | 'for_granskning'): Promise<{ assetId: string; id: string }> {
  const assetId = await newAsset();
  const { id } = await ok(org.admin.post<{ id: string }>(`/api/assets/${assetId}/assessments`, { kind: 'classification' }));
  if (state !== 'utkast') await ok(org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers: ekonomisystem }));
  if (state === 'for_granskning') await ok(org.admin.post(`/api/assessments/${id}/submit`));
  return { assetId, id };
}
async function decidedClassification(): Promise<{ assetId: string; id: string }> {
  const submitted = await assessmentIn('for_granskning');
  const decider = await org.userWith('beslutsfattare', org.socialId);
  await ok(decider.post(`/api/assessments/${submitted.id}/decide`, { statement: 'Fastställs' }));
  return submitted;
}
async function dpiaUnderReview(): Promise<string> {
  const answers = hemtjanstAuthorAnswers();
  const { id } = await ok(org.admin.post<{ id: string }>(`/api/assets/${await newAsset()}/assessments`, { kind: 'dpia' }));
  await ok(org.admin.put(`/api/assessments/${id}/answers`, { baseRevision: 0, answers }));
  await ok(org.admin.post(`/api/assessments/${id}/submit`));
  return id;
}
async function planItem(): Promise<{ id: string; revision: number }> {
  const { assetId } = await assessmentIn('complete');
  const { items } = await ok(org.admin.get<{ items: { id: string; revision: number }[] }>(`/api/assets/${assetId}/plan`));
  return items[0]!;
}

const probes: Record<string, Probe> = {
  'POST /api/organisations': { permission: 'organisation.manage', prepare: async () => ({ method: 'POST', path: '/api/organisations', body: { parentId: org.socialId, name: 'Enhet', kind: 'annan' } }) },
  'PATCH /api/organisations/{id}': { permission: 'organisation.manage', prepare: async () => ({ method: 'PATCH', path: `/api/organisations/${org.socialId}`, body: { name: 'Socialförvaltningen' } }) },
  'GET /api/organisations/{id}/members': { permission: 'organisation.read', prepare: async () => ({ method: 'GET', path: `/api/organisations/${org.socialId}/members` }) },
  'POST /api/organisations/{id}/members': {
    permission: 'user.manage',
    prepare: async () => ({ method: 'POST', path: `/api/organisations/${org.socialId}/members`, body: { email: 'admin@sigill.local', role: 'granskare' } }),
  },
  'DELETE /api/organisations/{id}/members/{userId}/{role}': {
    permission: 'user.manage',
    prepare: async () => {
      const member = await ok(org.admin.post<{ userId: string }>(`/api/organisations/${org.socialId}/members`, { email: `tillfallig.${Math.random()}@kommun.test`, name: 'Tillfällig', password: 'a-long-test-password', role: 'dso' }));
      return { method: 'DELETE', path: `/api/organisations/${org.socialId}/members/${member.userId}/dso` };
    },
  },
  'POST /api/assets': { permission: 'asset.write', prepare: async () => ({ method: 'POST', path: '/api/assets', body: assetInput(org.socialId) }) },
  'GET /api/assets/{id}': { permission: 'asset.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${await newAsset()}` }) },
  'PATCH /api/assets/{id}': { permission: 'asset.write', prepare: async () => ({ method: 'PATCH', path: `/api/assets/${await newAsset()}`, body: { description: 'Ny' } }) },
  'DELETE /api/assets/{id}': { permission: 'asset.archive', prepare: async () => ({ method: 'DELETE', path: `/api/assets/${await newAsset()}` }) },
  'POST /api/assets/{id}/archive': { permission: 'asset.archive', prepare: async () => ({ method: 'POST', path: `/api/assets/${await newAsset()}/archive` }) },
  'POST /api/assets/{id}/restore': { permission: 'asset.archive', prepare: async () => ({ method: 'POST', path: `/api/assets/${await newAsset()}/restore` }) },
  'GET /api/assets/{assetId}/assessments': { permission: 'assessment.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${await newAsset()}/assessments` }) },
  'POST /api/assets/{assetId}/assessments': { permission: 'assessment.start', prepare: async () => ({ method: 'POST', path: `/api/assets/${await newAsset()}/assessments`, body: { kind: 'dpia-screening' } }) },
  'GET /api/assessments/{id}': { permission: 'assessment.read', prepare: async () => ({ method: 'GET', path: `/api/assessments/${(await assessmentIn('utkast')).id}` }) },
  'PUT /api/assessments/{id}/answers': { permission: 'assessment.edit', prepare: async () => ({ method: 'PUT', path: `/api/assessments/${(await assessmentIn('utkast')).id}/answers`, body: { baseRevision: 0, answers: { objekt_namn: 'X' } } }) },
  'POST /api/assessments/{id}/submit': { permission: 'assessment.submit', prepare: async () => ({ method: 'POST', path: `/api/assessments/${(await assessmentIn('complete')).id}/submit` }) },
  'POST /api/assessments/{id}/return': { permission: 'assessment.return', prepare: async () => ({ method: 'POST', path: `/api/assessments/${(await assessmentIn('for_granskning')).id}/return`, body: { reason: 'Komplettera' } }) },
  'POST /api/assessments/{id}/decide': { permission: 'assessment.decide', prepare: async () => ({ method: 'POST', path: `/api/assessments/${(await assessmentIn('for_granskning')).id}/decide`, body: { statement: 'Fastställs' } }) },
  'GET /api/assessments/{id}/sign-off': { permission: 'assessment.read', prepare: async () => ({ method: 'GET', path: `/api/assessments/${(await assessmentIn('utkast')).id}/sign-off` }) },
  'POST /api/assessments/{id}/ready': { permission: 'assessment.mark_ready', prepare: async () => ({ method: 'POST', path: `/api/assessments/${(await assessmentIn('for_granskning')).id}/ready`, body: { statement: 'Klar för beslut' } }) },
  'POST /api/assessments/{id}/advise': { permission: 'assessment.advise', prepare: async () => ({ method: 'POST', path: `/api/assessments/${await dpiaUnderReview()}/advise`, body: { advice: 'tillstyrker', reasons: 'Väl avvägt.', statement: 'Mitt råd' } }) },
  'GET /api/assessments/{id}/protocol.pdf': { permission: 'protocol.read', prepare: async () => ({ method: 'GET', path: `/api/assessments/${(await decidedClassification()).id}/protocol.pdf` }) },
  'GET /api/assessments/{id}/protocols/{version}/protocol.pdf': { permission: 'protocol.read', prepare: async () => ({ method: 'GET', path: `/api/assessments/${(await decidedClassification()).id}/protocols/1/protocol.pdf` }) },
  'GET /api/assets/{assetId}/protocols': { permission: 'protocol.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${await newAsset()}/protocols` }) },
  'GET /api/assets/{assetId}/plan': { permission: 'plan.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${(await assessmentIn('complete')).assetId}/plan` }) },
  'PATCH /api/plan-items/{id}': {
    permission: 'plan.edit',
    prepare: async () => {
      const item = await planItem();
      return { method: 'PATCH', path: `/api/plan-items/${item.id}`, body: { baseRevision: item.revision, ansvarig: 'Systemförvaltaren' } };
    },
  },
  'GET /api/organisations/{id}/requirement-defaults': { permission: 'plan.read', prepare: async () => ({ method: 'GET', path: `/api/organisations/${org.socialId}/requirement-defaults` }) },
  'PUT /api/organisations/{id}/requirement-defaults/{requirementId}': {
    permission: 'plan.defaults',
    prepare: async () => ({ method: 'PUT', path: `/api/organisations/${org.socialId}/requirement-defaults/tek-sakerhetskopiering`, body: { hur: 'Kommunens IT' } }),
  },
  'GET /api/assets/{id}/history': { permission: 'audit.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${await newAsset()}/history` }) },
  'GET /api/assets/{id}/export': { permission: 'export.read', prepare: async () => ({ method: 'GET', path: `/api/assets/${await newAsset()}/export` }) },
  'GET /api/organisations/{id}/dashboard': { permission: 'report.read', prepare: async () => ({ method: 'GET', path: `/api/organisations/${org.socialId}/dashboard` }) },
  'GET /api/organisations/{id}/review-interval': { permission: 'organisation.read', prepare: async () => ({ method: 'GET', path: `/api/organisations/${org.socialId}/review-interval` }) },
  'POST /api/organisations/{id}/imports/preview': { permission: 'inventory.import', prepare: async () => ({ method: 'POST', path: `/api/organisations/${org.socialId}/imports/preview`, body: importForm('Namn\nX\n') }) },
  'POST /api/organisations/{id}/imports': { permission: 'inventory.import', prepare: async () => ({ method: 'POST', path: `/api/organisations/${org.socialId}/imports`, body: importForm(`Namn\nImporterat ${Math.random()}\n`) }) },
  'GET /api/organisations/{id}/reports/ledningens-genomgang.pdf': { permission: 'report.read', prepare: async () => ({ method: 'GET', path: `/api/organisations/${org.socialId}/reports/ledningens-genomgang.pdf` }) },
  'GET /api/organisations/{id}/reports/ledningens-genomgang.xlsx': { permission: 'report.read', prepare: async () => ({ method: 'GET', path: `/api/organisations/${org.socialId}/reports/ledningens-genomgang.xlsx?year=2025` }) },
  'PUT /api/organisations/{id}/review-interval': { permission: 'review.settings', prepare: async () => ({ method: 'PUT', path: `/api/organisations/${org.socialId}/review-interval`, body: { months: 12 } }) },
  ...templateProbes(() => org),
  ...soaProbes(() => org),
  ...contentProbes(() => org),
  ...oversightProbes(() => org),
  ...ssoProbes(() => org),
  ...liveProbes(() => org),
  ...dpiaProbes(() => org),
  ...dsoProbes(() => org),
  ...auditProbes(decidedClassification),
  ...catalogProbes(() => org),
  ...sakerhetProbes(() => org),
};

/** Routes scoped by what the caller may see rather than by one owner: checked by visibility below. */
const listings = ['GET /api/organisations', 'GET /api/assets', 'GET /api/exports/inventory.csv', 'GET /api/templates', ...oversightListings];
/** Routes open to anyone, or about the caller's own session. */
const notOrganisationScoped = ['GET /api/health', 'GET /api/forms', 'GET /api/forms/{id}/{version}', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me', 'POST /api/auth/password', 'POST /api/verify', 'GET /api/todo', ...ssoOpenRoutes];

beforeAll(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
});
afterAll(async () => {
  await testApp.close();
});

describe('the permission table', () => {
  it('covers every route of the OpenAPI document', async () => {
    const document = (await org.admin.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')).body;
    const routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual([...Object.keys(probes), ...listings, ...notOrganisationScoped].sort());
  });

  it('names only permissions that some role holds, and every role holds read access', () => {
    for (const [permission, holders] of Object.entries(permissions)) expect(holders.length, permission).toBeGreaterThan(0);
    for (const role of roles) expect(roleAllows(role, 'asset.read'), role).toBe(true);
  });

  for (const [route, probe] of Object.entries(probes)) {
    it(`${route} (${probe.permission})`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const role of roles as readonly Role[]) {
        for (const membership of ['owner', 'stranger'] as const) {
          const client = await org.userWith(role, membership === 'owner' ? org.socialId : org.skolaId);
          const call = await probe.prepare();
          const response = await client.request(call.method, call.path, call.body);
          const outcome = response.status < 300 ? 'allowed' : String(response.status);
          outcomes.push(`${role}/${membership}: ${outcome}`);
          expected.push(`${role}/${membership}: ${membership === 'stranger' ? '404' : roleAllows(role, probe.permission) ? 'allowed' : '403'}`);
        }
      }
      expect(outcomes).toEqual(expected);
    });
  }

  it('lists an organisation’s assets to its members and to members above it, never to a sibling', async () => {
    const name = `Synlighetsprov ${Date.now()}`;
    await ok(org.admin.post('/api/assets', assetInput(org.socialId, { name })));
    for (const role of roles as readonly Role[]) {
      for (const [where, visible] of [[org.socialId, true], [org.rootId, true], [org.skolaId, false]] as const) {
        const client = await org.userWith(role, where);
        const assets = (await client.get<{ items: { name: string }[] }>(`/api/assets?q=${encodeURIComponent(name)}`)).body.items.map((asset) => asset.name);
        expect(assets, `${role} in ${where === org.skolaId ? 'sibling' : 'owner or above'}`).toEqual(visible ? [name] : []);
        const csv = await (await client.raw('GET', '/api/exports/inventory.csv')).text();
        expect(csv.includes(name), `${role} csv`).toBe(visible);
        const organisations = (await client.get<{ organisations: { id: string }[] }>('/api/organisations')).body.organisations.map((entry) => entry.id);
        expect(organisations.includes(org.socialId), `${role} organisations`).toBe(visible);
      }
    }
  });

  it('shows in Att göra (GET /api/todo) only what the caller may read, also to an objektledare whose roles moved or went', async () => {
    const { outcomes, expected } = await todoWalk(testApp, org);
    expect(outcomes).toEqual(expected);
  });

  it('answers every organisation-scoped route with 401 when not logged in', async () => {
    const anonymous = new ApiClient(testApp);
    for (const probe of Object.values(probes)) {
      const call = await probe.prepare();
      expect((await anonymous.request(call.method, call.path, call.body)).status, `${call.method} ${call.path}`).toBe(401);
    }
    for (const route of listings) {
      const [method, path] = route.split(' ');
      expect((await anonymous.request(method!, path!)).status, route).toBe(401);
    }
  });
});
