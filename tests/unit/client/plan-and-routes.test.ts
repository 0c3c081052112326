import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../../../client/contract/api-types';
import { emptyInventoryFilter, filterFromAddress, inventoryUrl, organisationsUnder } from '../../../client/domain/inventory-query';
import { planCsv } from '../../../client/domain/plan-csv';
import { emptyPlanFilter, filterPlan } from '../../../client/domain/plan-filter';
import { parseRoute, paths } from '../../../client/routes';

const item = (overrides: Partial<PlanItem>): PlanItem => ({
  id: 'i', assetId: 'a', source: 'classification', sourceKey: 'tek-loggning', assessmentId: 's', title: 'Loggning', applicable: true,
  detail: { reasons: [{ kind: 'aspect', aspect: 'S', text: 'S2 Betydande når kravets nivå S2.' }] },
  status: 'ej_bedomd', statusMotivation: null, riskDecidedBy: null, riskDecidedOn: null, riskValidUntil: null, ansvarig: null, priority: null,
  plannedDate: null, hur: null, hurSource: null, fulfilledCentrally: false, evidenceUrl: null, comment: null, revision: 1, updatedAt: '2026-01-01T00:00:00Z',
  needsReassessment: false, replacedBy: [], requirementVersion: 1, assessedAgainst: [], requirement: null, ...overrides,
});

describe('plan filters and CSV', () => {
  it('filters by status, aspect, priority and ansvarig, hiding items that no longer apply', () => {
    const items = [item({ id: '1', ansvarig: 'IT-chefen', priority: 'hog' }), item({ id: '2', status: 'uppfyllt', detail: { reasons: [{ kind: 'baseline', text: 'Grundkrav' }] } }), item({ id: '3', applicable: false })];
    expect(filterPlan(items, emptyPlanFilter).map((entry) => entry.id)).toEqual(['1', '2']);
    expect(filterPlan(items, { ...emptyPlanFilter, aspect: 'S' }).map((entry) => entry.id)).toEqual(['1']);
    expect(filterPlan(items, { ...emptyPlanFilter, status: 'uppfyllt' }).map((entry) => entry.id)).toEqual(['2']);
    expect(filterPlan(items, { ...emptyPlanFilter, priority: 'none' }).map((entry) => entry.id)).toEqual(['2']);
    expect(filterPlan(items, { ...emptyPlanFilter, ansvarig: 'it-ch' }).map((entry) => entry.id)).toEqual(['1']);
    expect(filterPlan(items, { ...emptyPlanFilter, showNotApplicable: true })).toHaveLength(3);
  });

  it('filters by theme, a DPIA measure (no requirement) under the measures', () => {
    const texts = { arText: 'Loggar sparas.', levelText: null, iso27002: [{ id: '8.15', title: 'Loggning' }], guidance: null };
    const items = [item({ id: '1', requirement: { theme: 'teknisk', ...texts } }), item({ id: '2', requirement: { theme: 'organisatorisk', ...texts } }), item({ id: '3', source: 'dpia' })];
    expect(filterPlan(items, { ...emptyPlanFilter, theme: 'teknisk' }).map((entry) => entry.id)).toEqual(['1']);
    expect(filterPlan(items, { ...emptyPlanFilter, theme: 'measures' }).map((entry) => entry.id)).toEqual(['3']);
    expect(filterPlan(items, emptyPlanFilter)).toHaveLength(3);
  });

  it('writes semicolon CSV with a BOM, quotes and no formula injection', () => {
    const csv = planCsv([item({ hur: '=HYPERLINK("x")', title: 'A; B' })], [
      { header: 'Krav', value: (entry) => entry.title },
      { header: 'Hur', value: (entry) => entry.hur ?? '' },
    ]);
    expect(csv).toBe('\uFEFFKrav;Hur\r\n"A; B";"\'=HYPERLINK(""x"")"\r\n');
  });
});

describe('routes and inventory queries', () => {
  it('parses every path the app links to', () => {
    expect(parseRoute(paths.inventory())).toEqual({ name: 'inventory' });
    expect(parseRoute(paths.newAsset())).toEqual({ name: 'asset-new' });
    expect(parseRoute(paths.asset('abc'))).toEqual({ name: 'asset', id: 'abc' });
    expect(parseRoute(paths.editAsset('abc'))).toEqual({ name: 'asset-edit', id: 'abc' });
    expect(parseRoute(paths.plan('abc'))).toEqual({ name: 'plan', id: 'abc' });
    expect(parseRoute(`${paths.assessment('x1')}/`)).toEqual({ name: 'assessment', id: 'x1' });
    expect(parseRoute('/nope/x')).toEqual({ name: 'not-found' });
  });

  it('builds the asset query, the förvaltning filter winning over the switcher', () => {
    const url = inventoryUrl({ q: ' eko ', type: 'system', organisationId: 'f1', status: 'pagar', reviewDue: true, screening: '', dpia: '', page: 2 }, 'k1');
    expect(url).toBe('/api/assets?organisationId=f1&q=eko&type=system&status=pagar&reviewDue=true&page=2&pageSize=25');
    expect(inventoryUrl({ q: '', type: '', organisationId: '', status: '', reviewDue: false, screening: '', dpia: '', page: 1 }, 'k1')).toBe('/api/assets?organisationId=k1&page=1&pageSize=25');
  });

  it('takes the DSO filters from a link from the overview, and gives them to the asset query', () => {
    const linked = filterFromAddress(new URL(`https://sigill.test${paths.inventoryWith({ organisationId: 'f1', screening: 'undantag-vantar' })}`).search);
    expect(linked).toEqual({ ...emptyInventoryFilter, organisationId: 'f1', screening: 'undantag-vantar' });
    expect(inventoryUrl(linked!, 'k1')).toBe('/api/assets?organisationId=f1&screening=undantag-vantar&page=1&pageSize=25');
    expect(filterFromAddress(paths.inventoryWith({ organisationId: 'f1', dpia: 'vantar-dso-rad' }).slice(1))?.dpia).toBe('vantar-dso-rad');
    // An address without them, or with a value that is no state, leaves the remembered filter alone.
    expect(filterFromAddress('?forhandsbedomning=kravs_inte')).toBeNull();
    expect(filterFromAddress('')).toBeNull();
    expect(parseRoute(paths.dsoOverview())).toEqual({ name: 'dso-overview' });
  });

  it('lists an organisation and everything below it', () => {
    const orgs = [
      { id: 'k', parentId: null, name: 'Kommun', kind: 'kommun' as const, isCentral: false, separationOfDuties: true },
      { id: 'f', parentId: 'k', name: 'Förv', kind: 'forvaltning' as const, isCentral: false, separationOfDuties: true },
      { id: 'e', parentId: 'f', name: 'Enhet', kind: 'annan' as const, isCentral: false, separationOfDuties: true },
      { id: 'x', parentId: null, name: 'Annan', kind: 'kommun' as const, isCentral: false, separationOfDuties: true },
    ];
    expect(organisationsUnder(orgs, 'f').map((org) => org.id)).toEqual(['f', 'e']);
    expect(organisationsUnder(orgs, '')).toHaveLength(4);
  });
});
