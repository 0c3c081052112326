import { describe, expect, it } from 'vitest';
import { compareWithTemplate, deviationOf, type LevelSnapshot } from '../../../scoring/classification/template-floor';
import { diffTemplateVersions } from '../../../server/templates/template-diff';

const snapshot = (profile: Record<string, number | null>, sets: Record<string, Record<string, number | null>> = {}): LevelSnapshot => ({ profile, informationSets: Object.entries(sets).map(([name, levels]) => ({ name, levels })) });
const template = snapshot({ K: 2, R: 3, T: 2, S: 1 }, { Ärenden: { K: 2, R: 3, T: 2, S: 1 } });

describe('the floor rule', () => {
  it.each([
    [2, 2, 'same'],
    [2, 3, 'raise'],
    [2, 1, 'lowering'],
    [2, null, 'lowering'],
    [null, 1, 'raise'],
    [null, null, 'same'],
  ] as const)('template %s, local %s: %s', (templateLevel, localLevel, expected) => {
    expect(deviationOf(templateLevel, localLevel)).toBe(expected);
  });

  it('forbids every lowering when the template says never, and leaves raises free', () => {
    const report = compareWithTemplate({ template, local: snapshot({ K: 3, R: 2, T: 2, S: 1 }), policy: 'never', motivations: { R: 'skäl' }, approvedLevels: { R: 2 } });
    expect(report.aspects.map((aspect) => `${aspect.aspect}:${aspect.deviation}:${aspect.status}`)).toEqual(['K:raise:ok', 'R:lowering:forbidden', 'T:same:ok', 'S:same:ok']);
    expect(report.forbidden).toEqual(['R']);
  });

  it('asks a lowering for its motivation, then for an approval of exactly the local level', () => {
    const local = snapshot({ K: 2, R: 2, T: 1, S: 1 });
    const base = { template, local, policy: 'with_approval' as const };
    expect(compareWithTemplate({ ...base, motivations: {}, approvedLevels: {} })).toMatchObject({ unmotivated: ['R', 'T'], unapproved: ['R', 'T'], forbidden: [] });
    expect(compareWithTemplate({ ...base, motivations: { R: 'a', T: ' ' }, approvedLevels: {} })).toMatchObject({ unmotivated: ['T'], unapproved: ['R', 'T'] });
    // An approval given for R2 does not cover R1, should the workshop lower it further.
    expect(compareWithTemplate({ ...base, local: snapshot({ K: 2, R: 1, T: 2, S: 1 }), motivations: { R: 'a' }, approvedLevels: { R: 2 } }).unapproved).toEqual(['R']);
    expect(compareWithTemplate({ ...base, motivations: { R: 'a', T: 'b' }, approvedLevels: { R: 2, T: 1 } })).toMatchObject({ unmotivated: [], unapproved: [] });
  });

  it('compares informationsmängder by name and shows the local additions', () => {
    const report = compareWithTemplate({ template, local: snapshot({ K: 2, R: 3, T: 2, S: 1 }, { Ärenden: { K: 3, R: 3, T: 2, S: 1 }, Lokala: { K: 1, R: 1, T: 1, S: 1 } }), policy: 'never', motivations: {}, approvedLevels: {} });
    expect(report.informationSets.map((set) => [set.name, set.inTemplate, set.inLocal, set.aspects[0]!.deviation])).toEqual([
      ['Ärenden', true, true, 'raise'],
      ['Lokala', false, true, 'raise'],
    ]);
  });
});

describe('the diff between template versions', () => {
  it('lists changed levels, informationsmängder, centrally fulfilled requirements and policy', () => {
    const from = { version: 1, levels: template, fulfilled: [{ requirementId: 'a', title: 'A', hur: 'x' }, { requirementId: 'b', title: 'B', hur: 'y' }], loweringPolicy: 'never' as const };
    const to = { version: 2, levels: snapshot({ K: 2, R: 3, T: 3, S: 1 }, { Ärenden: { K: 2, R: 3, T: 3, S: 1 }, Bilagor: { K: 1, R: 1, T: 1, S: 1 } }), fulfilled: [{ requirementId: 'b', title: 'B', hur: 'z' }, { requirementId: 'c', title: 'C', hur: 'w' }], loweringPolicy: 'with_approval' as const };
    expect(diffTemplateVersions(from, to)).toEqual({
      fromVersion: 1,
      toVersion: 2,
      levels: [{ aspect: 'T', from: 2, to: 3 }],
      informationSets: { added: ['Bilagor'], removed: [], changed: [{ name: 'Ärenden', levels: [{ aspect: 'T', from: 2, to: 3 }] }] },
      fulfilled: { added: [{ requirementId: 'c', title: 'C', hur: 'w' }], removed: [{ requirementId: 'a', title: 'A', hur: 'x' }], changed: [{ requirementId: 'b', title: 'B', fromHur: 'y', toHur: 'z' }] },
      loweringPolicy: { from: 'never', to: 'with_approval' },
    });
  });
});
