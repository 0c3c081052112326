import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenDpia, type ScreeningResult } from '../../../scoring/dpia/screen-dpia';
import { loadFixtures, loadQuestionnaire } from './dpia-content';

const form = loadQuestionnaire('dpia-forhandsbedomning');
const fixtures = loadFixtures();

const triQuestions = [
  'art-35-3-a-automatiserade-beslut',
  'art-35-3-b-kansliga-stor-omfattning',
  'art-35-3-c-overvakning-allman-plats',
  'k1-bedomning-av-personer',
  'k1-forutsagelser',
  'k2-automatiskt-beslut',
  'k2-betydande-foljder',
  'k3-overvakning',
  'k3-svart-att-undvika',
  'k4-kansliga',
  'k4-mycket-personliga',
  'k5-manga-personer',
  'k5-lang-tid-stort-omrade',
  'k6-samkorning',
  'k7-sarbara',
  'k7-beroendeforhallande',
  'k8-ny-teknik',
  'k8-nytt-arbetssatt',
  'k9-hindrar',
];

function screen(answers: Record<string, unknown>): ScreeningResult {
  const evaluation = screenDpia(form, answers);
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.errors));
  return evaluation.result;
}

function allNo(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { personuppgifter: 'ja', ...Object.fromEntries(triQuestions.map((name) => [name, 'nej'])), ...overrides };
}

describe('screening rules, first match wins', () => {
  const cases: { name: string; answers: Record<string, unknown>; outcome: string; rule: string }[] = [
    { name: 'no personal data, whatever else', answers: allNo({ personuppgifter: 'nej', 'k3-overvakning': 'ja', 'art-35-3-c-overvakning-allman-plats': 'ja' }), outcome: 'inte-tillamplig', rule: 'inga-personuppgifter' },
    { name: 'an art. 35.3 case alone', answers: allNo({ 'art-35-3-c-overvakning-allman-plats': 'ja' }), outcome: 'kravs', rule: 'artikel-35-3' },
    { name: 'two criteria', answers: allNo({ 'k3-overvakning': 'ja', 'k7-beroendeforhallande': 'ja' }), outcome: 'kravs', rule: 'minst-tva-kriterier' },
    { name: 'two questions of one criterion count once', answers: allNo({ 'k3-overvakning': 'ja', 'k3-svart-att-undvika': 'ja' }), outcome: 'rekommenderas', rule: 'ett-kriterium-eller-osakert' },
    { name: 'one criterion and one unsure', answers: allNo({ 'k3-overvakning': 'ja', 'k8-ny-teknik': 'osaker' }), outcome: 'kravs-preliminart', rule: 'osakra-kan-krava' },
    { name: 'two unsure criteria', answers: allNo({ 'k1-forutsagelser': 'osaker', 'k6-samkorning': 'osaker' }), outcome: 'kravs-preliminart', rule: 'osakra-kan-krava' },
    { name: 'an unsure art. 35.3 case', answers: allNo({ 'art-35-3-a-automatiserade-beslut': 'osaker' }), outcome: 'kravs-preliminart', rule: 'osakra-kan-krava' },
    { name: 'one criterion', answers: allNo({ 'k5-manga-personer': 'ja' }), outcome: 'rekommenderas', rule: 'ett-kriterium-eller-osakert' },
    { name: 'one unsure criterion', answers: allNo({ 'k9-hindrar': 'osaker' }), outcome: 'rekommenderas', rule: 'ett-kriterium-eller-osakert' },
    { name: 'nothing', answers: allNo(), outcome: 'kravs-inte', rule: 'inga-kriterier' },
  ];
  it.each(cases)('$name → $outcome', ({ answers, outcome, rule }) => {
    const result = screen(answers);
    expect(result.outcome).toBe(outcome);
    expect(result.firedRules[0]?.id).toBe(rule);
    expect(result.explanation[0]).toContain(result.outcomeLabel);
  });

  it('reports an exemption and leaves the outcome to the DSO, never applying it', () => {
    const result = screen(allNo({ 'k3-overvakning': 'ja', 'k7-sarbara': 'ja', 'undantag-art-35-1': 'ja' }));
    expect(result.outcome).toBe('kravs');
    expect(result.dsoDecisionNeeded).toBe(true);
    expect(result.exemptions).toEqual([expect.objectContaining({ id: 'art-35-1', motivation: null, needsDsoDecision: true })]);
    expect(result.missing).toContainEqual(expect.objectContaining({ field: 'undantag-art-35-1-motivering' }));
    expect(result.explanation.join(' ')).toMatch(/dataskyddsombudet/i);
  });

  it('lists unanswered questions as missing and treats them as no', () => {
    const result = screen({ personuppgifter: 'ja', 'k3-overvakning': 'ja' });
    expect(result.outcome).toBe('rekommenderas');
    expect(result.missing.map((entry) => entry.field)).toContain('k9-hindrar');
    expect(result.missing.map((entry) => entry.field)).not.toContain('k3-overvakning');
  });

  it('rejects answers that do not fit the form, naming the fields', () => {
    const evaluation = screenDpia(form, { personuppgifter: 'kanske', 'okand-fraga': 'ja', 'k3-overvakning': 3 });
    expect(evaluation.ok).toBe(false);
    if (evaluation.ok) return;
    expect(evaluation.errors.map((error) => error.field).sort()).toEqual(['k3-overvakning', 'okand-fraga', 'personuppgifter']);
  });
});

describe('municipal cases', () => {
  it.each(fixtures.map((fixture) => [fixture.slug, fixture] as const))('%s', (_slug, fixture) => {
    const result = screen(fixture.screening.answers);
    const expected = fixture.screening.expected;
    expect({
      outcome: result.outcome,
      firedRules: result.firedRules.map((rule) => rule.id),
      art353: result.art353.filter((finding) => finding.answer === 'ja').map((finding) => finding.id),
      art353Unsure: result.art353.filter((finding) => finding.answer === 'osaker').map((finding) => finding.id),
      criteriaMet: result.criteriaMet,
      criteriaUnsure: result.criteriaUnsure,
      exemptions: result.exemptions.map((exemption) => exemption.id),
      dsoDecisionNeeded: result.dsoDecisionNeeded,
    }).toEqual(expected);
    expect(result.missing).toEqual([]);
  });
});

describe('screening properties', () => {
  const tri = fc.constantFrom('ja', 'nej', 'osaker', undefined);
  const answerSets = fc.record(
    {
      personuppgifter: fc.constantFrom('ja', 'nej', 'osaker', undefined),
      ...Object.fromEntries(triQuestions.map((name) => [name, tri])),
      'undantag-skal-91': fc.constantFrom('ja', 'nej', undefined),
      'undantag-skal-91-motivering': fc.option(fc.string(), { nil: undefined }),
    },
    { requiredKeys: [] },
  );

  it('is monotone: turning a "nej" into "osaker" or "ja" never lowers the outcome', () => {
    fc.assert(
      fc.property(answerSets, fc.constantFrom(...triQuestions), fc.constantFrom('osaker', 'ja'), (answers, question, raised) => {
        const before = screen({ ...answers, [question]: 'nej' });
        const after = screen({ ...answers, [question]: raised });
        expect(after.rank).toBeGreaterThanOrEqual(before.rank);
      }),
    );
  });

  it('never throws on random input and is deterministic', () => {
    const anything = fc.dictionary(fc.constantFrom(...triQuestions, 'personuppgifter', 'x', '__proto__'), fc.jsonValue());
    fc.assert(
      fc.property(fc.oneof(anything, fc.jsonValue()), (answers) => {
        const first = screenDpia(form, answers);
        expect(JSON.parse(JSON.stringify(first))).toEqual(screenDpia(form, structuredClone(answers)));
      }),
    );
  });
});
