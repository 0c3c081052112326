import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildActionPlan } from '../../../scoring/classification/action-plan';
import { levelCosts } from '../../../scoring/classification/level-costs';
import { classifyOk, loadContentV2 } from './content';

const content = loadContentV2();
const answers = (name: string) => (JSON.parse(fs.readFileSync(`tests/fixtures/calibration/${name}.json`, 'utf8')) as { answers: Record<string, unknown> }).answers;

describe('what each level costs in requirements', () => {
  const classification = classifyOk(content, answers('diarium'));
  const costs = levelCosts(content.model, content.catalog, classification);

  it('gives, per aspect and ratable level, the plan size and what the level adds to the one below', () => {
    expect([...costs.keys()]).toEqual(['K', 'R', 'T', 'S']);
    for (const perLevel of costs.values()) {
      expect(perLevel.map((cost) => cost.level)).toEqual([0, 1, 2, 3]);
      expect(perLevel[0]!.adds).toBe(0);
      perLevel.slice(1).forEach((cost, index) => expect(cost.adds).toBe(cost.requirements - perLevel[index]!.requirements));
      // Raising a level never removes a requirement.
      expect(perLevel.every((cost) => cost.adds >= 0)).toBe(true);
    }
  });

  it('agrees with the plan at the profile’s own level', () => {
    const plan = buildActionPlan(content.catalog, classification).requirements.length;
    for (const aspect of classification.profile.aspects) {
      expect(costs.get(aspect.aspect)?.find((cost) => cost.level === aspect.level?.level)?.requirements).toBe(plan);
    }
    expect(costs.get('K')!.at(-1)!.adds).toBeGreaterThan(0);
  });

  it('is empty when a level outside the catalog stops the plan', () => {
    const special = structuredClone(answers('diarium'));
    const set = (special.informationsmangder as Record<string, unknown>[])[0]!;
    set.sakerhetsskydd = true;
    set.synnerligen_allvarlig = ['k'];
    expect(levelCosts(content.model, content.catalog, classifyOk(content, special)).size).toBe(0);
  });
});
