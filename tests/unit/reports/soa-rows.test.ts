import { describe, expect, it } from 'vitest';
import type { ControlSet } from '../../../scoring/content/control-set';
import type { PlanItemStatus } from '../../../server/db/schema';
import { type SoaAssetPlan, statementOfApplicability } from '../../../server/reports/soa-rows';

const controlSet: ControlSet = {
  meta: { id: 'iso27002', version: 1, kind: 'control-set', title: 'Test', locale: 'sv', publishedAt: '2026-12-01' },
  themes: [{ id: 'teknisk', title: 'Tekniska', titleEn: 'Technological' }],
  controls: [
    { id: '8.13', theme: 'teknisk', title: 'Säkerhetskopiering av information', titleEn: 'Information backup' },
    { id: '8.15', theme: 'teknisk', title: 'Loggning', titleEn: 'Logging' },
    { id: '8.23', theme: 'teknisk', title: 'Webbfiltrering', titleEn: 'Web filtering' },
  ],
};

const plan = (assetId: string, status: PlanItemStatus): SoaAssetPlan => ({
  assetId,
  requirements: [{ id: 'tek-backup', title: 'Säkerhetskopiering', iso27002: ['8.13'], reasons: [{ kind: 'aspect', aspect: 'T', level: { level: 2, label: 'T2 Måttlig' } as never, threshold: 2, text: '' }], status }],
});

const backupOf = (...statuses: PlanItemStatus[]) =>
  statementOfApplicability(controlSet, statuses.map((status, index) => plan(`a${index}`, status)), new Set(['8.13', '8.15']), new Map()).rows[0]!;

describe('statementOfApplicability', () => {
  it.each([
    [['uppfyllt', 'uppfyllt'], 'infort'],
    [['uppfyllt', 'ej_tillampligt'], 'infort'],
    [['uppfyllt', 'ej_bedomd'], 'delvis_infort'],
    [['delvis_uppfyllt', 'ej_uppfyllt'], 'delvis_infort'],
    [['ej_bedomd', 'ej_bedomd'], 'ej_bedomd'],
    [['ej_uppfyllt', 'ej_bedomd'], 'ej_infort'],
    [['risk_accepterad', 'ej_uppfyllt'], 'ej_infort'],
    [['ej_tillampligt'], 'ej_tillampligt'],
  ] as [PlanItemStatus[], string][])('calls %j on the assets %s', (statuses, implementation) => {
    expect(backupOf(...statuses).implementation).toBe(implementation);
  });

  it('tells an exclusion no plan asks for from one no requirement covers, and counts those without justification', () => {
    const { rows, summary } = statementOfApplicability(controlSet, [plan('a', 'uppfyllt')], new Set(['8.13', '8.15']), new Map([['8.23', 'Ingen webbläsare i verksamheten.']]));
    expect(rows.map((row) => [row.control.id, row.applicable, row.exclusionBasis])).toEqual([
      ['8.13', true, null],
      ['8.15', false, 'no-plan-requires'],
      ['8.23', false, 'not-in-catalog'],
    ]);
    expect(rows[0]).toMatchObject({ assets: 1, reasons: [{ kind: 'aspect', aspect: 'T', threshold: 2 }], requirements: [{ id: 'tek-backup', assets: 1 }] });
    expect(summary).toEqual({ controls: 3, applicable: 1, excluded: 2, excludedWithoutJustification: 1, assets: 1 });
  });
});
