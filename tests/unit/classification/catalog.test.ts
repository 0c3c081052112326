import { describe, expect, it } from 'vitest';
import { requirementSuccessors } from '../../../scoring/classification/catalog-versions';
import type { RequirementCatalog } from '../../../scoring/content/requirement-catalog';
import { loadContent } from './content';

const { catalog } = loadContent();
const clause = { organisatorisk: '5', personal: '6', fysisk: '7', teknisk: '8' } as const;

describe('the shipped requirement catalog', () => {
  it('holds at least 80 requirements across all four themes of ISO/IEC 27002:2022', () => {
    expect(catalog.requirements.length).toBeGreaterThanOrEqual(80);
    expect(new Set(catalog.requirements.map((requirement) => requirement.theme))).toEqual(new Set(['organisatorisk', 'personal', 'fysisk', 'teknisk']));
  });

  it('files each requirement under the theme of its first control reference', () => {
    const misfiled = catalog.requirements.filter((requirement) => !requirement.iso27002[0]!.startsWith(`${clause[requirement.theme]}.`));
    expect(misfiled.map((requirement) => requirement.id)).toEqual([]);
  });

  it('has at least 15 lagrum-specific requirements', () => {
    expect(catalog.requirements.filter((requirement) => (requirement.lagrum?.length ?? 0) > 0).length).toBeGreaterThanOrEqual(15);
  });

  it.each(['8.13', '8.5', '8.15', '8.16', '8.24', '5.30'])('lets control %s grow stronger with the level', (control) => {
    const requirement = catalog.requirements.find((entry) => entry.iso27002.includes(control) && entry.byLevel);
    expect(requirement?.byLevel?.texts.length).toBeGreaterThanOrEqual(2);
  });

  it('writes distinct ÄR and SKA texts', () => {
    expect(catalog.requirements.filter((requirement) => requirement.arText === requirement.skaText)).toEqual([]);
    expect(catalog.requirements.every((requirement) => requirement.skaText.includes('ska'))).toBe(true);
  });
});

describe('requirementSuccessors', () => {
  const next: RequirementCatalog = {
    ...catalog,
    meta: { ...catalog.meta, version: 2 },
    requirements: [
      { ...catalog.requirements[0]!, version: 2 },
      { ...catalog.requirements[1]!, id: 'ny-roller', replaces: [{ id: catalog.requirements[1]!.id, version: 1 }, { id: 'org-chefsansvar', version: 1 }] },
    ],
  };
  const successors = requirementSuccessors(next);

  it.each([
    ['the same id in a new version', catalog.requirements[0]!.id, [{ id: catalog.requirements[0]!.id, version: 2 }]],
    ['an explicit replacement', 'org-chefsansvar', [{ id: 'ny-roller', version: 1 }]],
    ['a requirement that was dropped', 'tek-kryptering', []],
  ])('maps %s', (_, id, expected) => {
    expect(successors({ id, version: 1 })).toEqual(expected);
  });
});
