import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildActionPlan } from '../../../scoring/classification/action-plan';
import { classify } from '../../../scoring/classification/classify';
import { classifyOk, loadContent } from './content';

const content = loadContent();
const areas = content.model.consequenceAreas.map((area) => area.id);
const aspects = ['k', 'r', 't', 's'];
const columns = ['niva-0', 'niva-1', 'niva-2', 'niva-3', 'ej-relevant'];
/** A column's rank for "raising": ej relevant counts as the bottom, as scoring treats it. */
const rank = (column: string) => (column === 'ej-relevant' ? 0 : Number(column.slice(5)));

const rating = fc.option(fc.constantFrom(...columns), { nil: undefined });
const matrix = fc.record(Object.fromEntries(areas.map((area) => [area, rating])), { requiredKeys: [] });
const informationSet = fc.record(
  {
    namn: fc.string({ maxLength: 8 }),
    personuppgifter: fc.subarray(['vanliga', 'kansliga', 'lagovertradelser', 'personnummer', 'skyddade', 'barn']),
    ...Object.fromEntries(aspects.map((aspect) => [`konsekvens_${aspect}`, matrix])),
    synnerligen_allvarlig: fc.subarray(aspects),
  },
  { requiredKeys: ['namn'] },
);
const answers = fc.record(
  {
    informationsmangder: fc.array(informationSet, { maxLength: 4 }),
    lagrum: fc.subarray(content.lagrum.lagrum.map((entry) => entry.id)),
    hojning_k: fc.constantFrom('niva-1', 'niva-2', 'niva-3'),
    hojning_t: fc.constantFrom('niva-1', 'niva-2', 'niva-3'),
  },
  { requiredKeys: ['informationsmangder'] },
);
/** Answers without the säkerhetsskydd path, so that raising a rating cannot reach level 4. */
const ratedAnswers = answers.map((value) => ({
  ...value,
  informationsmangder: value.informationsmangder.map((set) => {
    const copy: Record<string, unknown> = { ...set };
    delete copy.synnerligen_allvarlig;
    return copy;
  }),
}));

type AnswerSet = { informationsmangder: Record<string, unknown>[] } & Record<string, unknown>;

function raiseOne(value: AnswerSet, pick: { set: number; aspect: string; area: string; to: string }): AnswerSet {
  if (value.informationsmangder.length === 0) return value;
  const index = pick.set % value.informationsmangder.length;
  const sets = value.informationsmangder.map((set, at) => {
    if (at !== index) return set;
    const key = `konsekvens_${pick.aspect}`;
    const ratings = { ...(set[key] as Record<string, string | undefined> | undefined) };
    const current = ratings[pick.area];
    if (current === undefined || rank(pick.to) >= rank(current)) ratings[pick.area] = pick.to;
    return { ...set, [key]: ratings };
  });
  return { ...value, informationsmangder: sets };
}

const profileLevels = (value: unknown) => classifyOk(content, value).profile.aspects.map((aspect) => aspect.level?.level ?? -1);
const setLevels = (value: unknown) => classifyOk(content, value).informationSets.map((set) => set.aspects.map((aspect) => aspect.level?.level ?? -1));
const planIds = (value: unknown) => buildActionPlan(content.catalog, classifyOk(content, value)).requirements.map((requirement) => requirement.id);
/** The order-independent part of a result: the profile, the flags and the action plan. */
const orderFree = (value: unknown) => {
  const classification = classifyOk(content, value);
  return { profile: classification.profile, flags: classification.flags, plan: buildActionPlan(content.catalog, classification), lagrum: classification.lagrum };
};

describe('classification properties', () => {
  const pick = fc.record({ set: fc.nat(), aspect: fc.constantFrom(...aspects), area: fc.constantFrom(...areas), to: fc.constantFrom(...columns) });

  it('raising any rating never lowers any level and never removes a requirement', () => {
    fc.assert(
      fc.property(ratedAnswers, pick, (value, change) => {
        const raised = raiseOne(value as AnswerSet, change);
        const before = profileLevels(value);
        const after = profileLevels(raised);
        after.forEach((level, index) => expect(level).toBeGreaterThanOrEqual(before[index]!));
        expect(planIds(raised)).toEqual(expect.arrayContaining(planIds(value)));
        setLevels(raised).forEach((levels, set) => levels.forEach((level, aspect) => expect(level).toBeGreaterThanOrEqual(setLevels(value)[set]![aspect]!)));
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of informationsmängder', () => {
    fc.assert(
      fc.property(answers, fc.nat(), (value, seed) => {
        const sets = [...value.informationsmangder];
        const shuffled = sets.map((set, index) => ({ set, key: (index * 7919 + seed) % 104729 })).sort((a, b) => a.key - b.key).map((entry) => entry.set);
        expect(orderFree({ ...value, informationsmangder: shuffled })).toEqual(orderFree(value));
      }),
      { numRuns: 150 },
    );
  });

  it('scores the same answers twice to identical output', () => {
    fc.assert(
      fc.property(answers, (value) => {
        const first = classifyOk(content, value);
        expect(classifyOk(content, structuredClone(value))).toEqual(first);
        expect(buildActionPlan(content.catalog, first)).toEqual(buildActionPlan(content.catalog, first));
      }),
      { numRuns: 100 },
    );
  });

  it('yields no requirements on every path to level 4', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom(...aspects), fc.nat(), (value, aspect, at) => {
        const sets = value.informationsmangder.length > 0 ? value.informationsmangder : [{ namn: 'A' }];
        const index = at % sets.length;
        const marked = sets.map((set, position) => (position === index ? { ...set, sakerhetsskydd: true, synnerligen_allvarlig: [aspect] } : set));
        const classification = classifyOk(content, { ...value, informationsmangder: marked });
        const plan = buildActionPlan(content.catalog, classification);
        expect(classification.flags.sarskildAnalys.value).toBe(true);
        expect(plan.status).toBe('stopped');
        expect(plan.requirements).toEqual([]);
        expect(plan.stoppedReason).toContain('säkerhetsskydd');
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on random answers', () => {
    const anyAnswers = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('informationsmangder', 'lagrum', 'hojning_k', 'samhallsviktig', 'objekt_namn', 'x'), fc.jsonValue()),
      fc.record({ informationsmangder: fc.array(fc.dictionary(fc.constantFrom('namn', 'konsekvens_k', 'synnerligen_allvarlig', 'personuppgifter'), fc.jsonValue())) }),
    );
    fc.assert(
      fc.property(anyAnswers, (value) => {
        const outcome = classify(content.model, content.form, value, content.lagrum);
        const plan = outcome.ok ? buildActionPlan(content.catalog, outcome.classification) : undefined;
        expect(outcome.ok ? plan?.status : outcome.errors.length > 0).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });
});
