import { describe, expect, it } from 'vitest';
import { largeScale } from '../../../scoring/dpia/large-scale';
import { screenDpia, type ScreeningResult, type TriState } from '../../../scoring/dpia/screen-dpia';
import { screeningAnswersV2 } from '../../support/screening-answers';
import { loadFixtures, loadQuestionnaire } from './dpia-content';

/** Screening form v2: "stor omfattning" from WP248's factors together; v1 keeps its one-yes rule. */

const v1 = loadQuestionnaire('dpia-forhandsbedomning', 1);
const v2 = loadQuestionnaire('dpia-forhandsbedomning', 2);
const hemtjanst = loadFixtures().find((fixture) => fixture.slug === 'hemtjanst-gps')!;

function screen(form: typeof v1, answers: Record<string, unknown>): ScreeningResult {
  const evaluation = screenDpia(form, answers);
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.errors));
  return evaluation.result;
}

/** The four factor answers; "obesvarad" leaves the question unanswered. */
const factors = (antal: TriState, volym: TriState, varaktighet: TriState, geografi: TriState) => {
  const given = { 'k5-antal-registrerade': antal, 'k5-mangd-uppgifter': volym, 'k5-varaktighet': varaktighet, 'k5-geografisk-omfattning': geografi };
  return Object.fromEntries(Object.entries(given).map(([key, answer]) => [key, answer === 'obesvarad' ? undefined : answer]));
};
const largeScaleOf = (result: ScreeningResult) => result.criteria.find((finding) => finding.id === 'stor-omfattning')!.answer;

describe('stor omfattning in screening form v2', () => {
  it('is not met by a long duration alone, where v1 counted that one yes', () => {
    // A processing of few people that goes on for years: the question's own note says this is not large scale.
    const v1Answers = { ...hemtjanst.screening.answers, 'k5-manga-personer': 'nej', 'k5-lang-tid-stort-omrade': 'ja' };
    expect(largeScaleOf(screen(v1, v1Answers))).toBe('ja');
    const v2Result = screen(v2, { ...screeningAnswersV2(hemtjanst.screening), ...factors('nej', 'nej', 'ja', 'nej') });
    expect(largeScaleOf(v2Result)).toBe('nej');
    expect(v2Result.criteriaMet).not.toContain('stor-omfattning');
    expect(v2Result.explanation.at(-1)).toContain('Ja för: varaktighet. Kriteriet är inte uppfyllt.');
  });

  it.each([
    ['duration and geographic extent, but few people and little data', factors('nej', 'nej', 'ja', 'ja'), 'nej'],
    ['many data subjects alone', factors('ja', 'nej', 'nej', 'nej'), 'nej'],
    ['many data subjects over a long time', factors('ja', 'nej', 'ja', 'nej'), 'ja'],
    ['a large volume over the whole municipality', factors('nej', 'ja', 'nej', 'ja'), 'ja'],
    ['many data subjects and an unsure duration', factors('ja', 'nej', 'osaker', 'nej'), 'osaker'],
    ['unsure amounts with a long duration', factors('osaker', 'nej', 'ja', 'nej'), 'osaker'],
    ['one factor unanswered that could still decide it', factors('ja', 'nej', 'obesvarad', 'nej'), 'obesvarad'],
  ] as const)('%s → %s', (_name, answers, expected) => {
    expect(largeScaleOf(screen(v2, { ...screeningAnswersV2(hemtjanst.screening), ...answers }))).toBe(expected);
  });

  it('reads the factors alone the same way as the screening does', () => {
    expect(largeScale([{ factor: 'varaktighet', answer: 'ja' }, { factor: 'geografi', answer: 'ja' }])).toBe('nej');
    expect(largeScale([{ factor: 'volym', answer: 'ja' }, { factor: 'varaktighet', answer: 'ja' }])).toBe('ja');
  });

  it.each(loadFixtures().map((fixture) => [fixture.slug, fixture] as const))('gives %s the outcome it has on v1', (_slug, fixture) => {
    const result = screen(v2, screeningAnswersV2(fixture.screening));
    expect({ outcome: result.outcome, criteriaMet: result.criteriaMet, dsoDecisionNeeded: result.dsoDecisionNeeded }).toEqual({
      outcome: fixture.screening.expected.outcome,
      criteriaMet: fixture.screening.expected.criteriaMet,
      dsoDecisionNeeded: fixture.screening.expected.dsoDecisionNeeded,
    });
    expect(result.missing).toEqual([]);
  });
});
