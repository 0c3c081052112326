import { describe, expect, it } from 'vitest';
import { buildActionPlan } from '../../../scoring/classification/action-plan';
import { classifyOk, fixtureNames, loadContent, loadFixture } from './content';

const content = loadContent();

describe.each(fixtureNames)('fixture %s', (name) => {
  const fixture = loadFixture(name);
  const classification = classifyOk(content, fixture.answers);
  const plan = buildActionPlan(content.catalog, classification);
  const ids = plan.requirements.map((requirement) => requirement.id);

  it('scores to its expected profile', () => {
    expect(classification.profile.text).toBe(fixture.expected.profile);
  });

  it('derives its expected flags', () => {
    const flags = Object.fromEntries(Object.entries(classification.flags).map(([flag, value]) => [flag, value.value]));
    expect(flags).toEqual(fixture.expected.flags);
  });

  it('is complete', () => {
    expect(classification.completeness).toEqual({ complete: true, missing: [] });
  });

  it('yields the expected requirements and not the others', () => {
    expect(plan.status).toBe('generated');
    expect(ids).toEqual(expect.arrayContaining(fixture.expected.includes));
    for (const id of fixture.expected.excludes) expect(ids).not.toContain(id);
  });

  it('picks the text for the level reached', () => {
    const reached = Object.fromEntries(
      Object.keys(fixture.expected.levelTexts).map((id) => [id, plan.requirements.find((requirement) => requirement.id === id)?.levelText?.level]),
    );
    expect(reached).toEqual(fixture.expected.levelTexts);
  });

  it('gives every requirement at least one reason', () => {
    expect(plan.requirements.filter((requirement) => requirement.reasons.length === 0)).toEqual([]);
  });
});
