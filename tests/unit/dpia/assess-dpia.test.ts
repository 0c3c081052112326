import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessDpia } from '../../../scoring/dpia/assess-dpia';
import type { DpiaAssessment } from '../../../scoring/dpia/assessment-types';
import { loadFixtures, loadQuestionnaire, loadRiskModel } from './dpia-content';

const form = loadQuestionnaire('konsekvensbedomning');
const model = loadRiskModel();
const withDpia = loadFixtures().filter((fixture) => fixture.assessment);
const hemtjanst = withDpia.find((fixture) => fixture.slug === 'hemtjanst-gps')!.assessment!.answers;

function assess(answers: Record<string, unknown>, riskModel = model): DpiaAssessment {
  const evaluation = assessDpia(form, riskModel, answers);
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.errors));
  return evaluation.result;
}

function without(answers: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !keys.includes(key)));
}

describe('municipal cases with a full DPIA', () => {
  it('has at least two', () => expect(withDpia.length).toBeGreaterThanOrEqual(2));

  it.each(withDpia.map((fixture) => [fixture.slug, fixture.assessment!] as const))('%s', (_slug, fixture) => {
    const result = assess(fixture.answers);
    const levels = Object.fromEntries(
      result.risks.map((risk) => [risk.id, { current: risk.current?.level.id ?? null, residual: risk.residual?.level.id ?? null }]),
    );
    expect({
      risks: levels,
      overall: { current: result.overall.current?.level.id ?? null, residual: result.overall.residual?.level.id ?? null },
      priorConsultationRequired: result.priorConsultation.required,
      approvalBlocked: result.approvalBlocked,
      blockingPrinciples: result.blockingPrinciples,
      actionPlanCount: result.actionPlan.length,
      reviewDate: result.review.date,
      missingBeforeDso: result.missingBeforeDso.map((entry) => entry.field),
    }).toEqual(fixture.expected);
    expect(result.readyForDso).toBe(true);
    expect(result.missingBeforeDecision).toEqual([]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('assessment rules', () => {
  it('takes the highest level overall, never an average', () => {
    const result = assess({ ...hemtjanst, 'forlust-allvarlighet-kvar': 4, 'forlust-sannolikhet-kvar': 4 });
    expect(result.overall.residual).toMatchObject({ level: { id: 'mycket-hog' }, risks: ['forlust'], complete: true });
  });

  it('requires prior consultation exactly when a residual risk reaches Hög', () => {
    expect(assess({ ...hemtjanst, 'oonskad-andring-allvarlighet-kvar': 3, 'oonskad-andring-sannolikhet-kvar': 3 }).priorConsultation).toMatchObject({
      required: true,
      risks: ['oonskad-andring'],
    });
    expect(assess({ ...hemtjanst, 'oonskad-andring-allvarlighet-kvar': 2, 'oonskad-andring-sannolikhet-kvar': 4 }).priorConsultation.required).toBe(false);
  });

  it('ignores a rights risk that is not selected, even when rated', () => {
    const result = assess({ ...hemtjanst, 'ytterligare-risker': [], 'andamalsglidning-allvarlighet-nu': 4, 'andamalsglidning-sannolikhet-nu': 4 });
    expect(result.risks.find((risk) => risk.id === 'andamalsglidning')?.inScope).toBe(false);
    expect(result.overall.current?.level.id).toBe('hog');
  });

  it('blocks approval for any principle judged Att korrigera and puts it in the action plan', () => {
    const principer = { ...(hemtjanst.principer as Record<string, unknown>), riktighet: { bedomning: 'att-korrigera', ansvarig: 'Enhetschef', 'klart-senast': '2027-01-01' } };
    const result = assess({ ...hemtjanst, principer });
    expect(result.approvalBlocked).toBe(true);
    expect(result.blockingPrinciples).toEqual(['riktighet']);
    expect(result.actionPlan.find((item) => item.principle === 'riktighet')).toMatchObject({ blocksApproval: true, owner: 'Enhetschef' });
    expect(result.explanation.join(' ')).toMatch(/kan inte godkännas/);
  });

  it('links measures to the risks they address', () => {
    const risk = assess(hemtjanst).risks.find((candidate) => candidate.id === 'andamalsglidning');
    expect(risk?.measures).toHaveLength(2);
  });

  const departures: { advice: string; decision: string; departs: boolean }[] = [
    { advice: 'tillstyrker', decision: 'godkann', departs: false },
    { advice: 'tillstyrker', decision: 'stoppas', departs: true },
    { advice: 'tillstyrker-med-villkor', decision: 'godkann', departs: true },
    { advice: 'tillstyrker-med-villkor', decision: 'godkann-med-villkor', departs: false },
    { advice: 'avstyrker', decision: 'godkann', departs: true },
    { advice: 'avstyrker', decision: 'atervisas', departs: false },
  ];
  it.each(departures)('advice $advice and decision $decision: departs $departs', ({ advice, decision, departs }) => {
    const result = assess({ ...without(hemtjanst, 'beslut-motivering'), 'dso-rad': advice, beslut: decision });
    expect(result.decision.departsFromAdvice).toBe(departs);
    expect(result.missingBeforeDecision.map((entry) => entry.field)).toEqual(departs ? ['beslut-motivering'] : []);
  });

  const gaps: { name: string; answers: Record<string, unknown>; fields: string[] }[] = [
    { name: 'a description question', answers: without(hemtjanst, 'andamal'), fields: ['andamal'] },
    { name: 'a conditional description once shown', answers: { ...hemtjanst, 'overforing-tredjeland': 'osaker' }, fields: ['overforing-tredjeland-beskrivning'] },
    { name: 'a rating and its justification', answers: without(hemtjanst, 'forlust-sannolikhet-kvar', 'forlust-allvarlighet-nu-motivering'), fields: ['forlust-allvarlighet-nu-motivering', 'forlust-sannolikhet-kvar'] },
    { name: 'the reason no views were sought', answers: { ...without(hemtjanst, 'synpunkter'), 'synpunkter-inhamtade': 'nej' }, fields: ['synpunkter-ej-motivering'] },
    { name: 'a measure without owner and date', answers: { ...hemtjanst, atgarder: [{ atgard: 'Kryptering', risker: ['forlust'] }] }, fields: ['atgarder[legacy-0].ansvarig', 'atgarder[legacy-0].klart-senast'] },
    {
      name: 'an unjudged principle and an improvable one without owner',
      answers: { ...hemtjanst, principer: { ...(hemtjanst.principer as Record<string, unknown>), riktighet: {}, lagringstid: { bedomning: 'forbattringsbar', 'klart-senast': '2027-05-01' } } },
      fields: ['principer.riktighet.bedomning', 'principer.lagringstid.ansvarig'],
    },
  ];
  it.each(gaps)('lists what is missing before the DSO: $name', ({ answers, fields }) => {
    const result = assess(answers);
    expect(result.missingBeforeDso.map((entry) => entry.field).sort()).toEqual([...fields].sort());
    expect(result.readyForDso).toBe(false);
  });

  it('suggests a review 36 months ahead when residual is Låg, counting from the given date before a decision', () => {
    const low = Object.fromEntries(Object.entries(hemtjanst).map(([key, value]) => [key, key.endsWith('-kvar') ? 1 : value]));
    const evaluation = assessDpia(form, model, without(low, 'beslutsdatum'), { today: '2026-01-31' });
    expect(evaluation.ok && evaluation.result.review).toMatchObject({ months: 36, date: '2029-01-31' });
  });

  it('rejects answers that do not fit the form, naming the fields', () => {
    const evaluation = assessDpia(form, model, { ...hemtjanst, 'forlust-allvarlighet-nu': 7, 'okand': 1, principer: { okand: {} } });
    const fields = evaluation.ok ? [] : evaluation.errors.map((error) => error.field).sort();
    expect(fields).toEqual(['forlust-allvarlighet-nu', 'okand', 'principer.okand']);
  });
});

describe('assessment properties', () => {
  const ratingKeys = ['otillaten-atkomst', 'oonskad-andring', 'forlust', 'andamalsglidning'].flatMap((risk) =>
    ['allvarlighet-nu', 'sannolikhet-nu', 'allvarlighet-kvar', 'sannolikhet-kvar'].map((part) => `${risk}-${part}`),
  );
  const ratings = fc.record(Object.fromEntries(ratingKeys.map((key) => [key, fc.integer({ min: 1, max: 4 })])));

  it('the overall level is the highest of the risks in scope, and raising a rating never lowers it', () => {
    fc.assert(
      fc.property(ratings, fc.constantFrom(...ratingKeys), (rated, key) => {
        const before = assess({ ...hemtjanst, ...rated });
        const state = key.endsWith('-kvar') ? 'residual' : 'current';
        const highest = Math.max(...before.risks.filter((risk) => risk.inScope).map((risk) => risk[state]!.level.rank));
        expect(before.overall[state]?.level.rank).toBe(highest);
        const after = assess({ ...hemtjanst, ...rated, [key]: Math.min(4, rated[key]! + 1) });
        expect(after.overall[state]!.level.rank).toBeGreaterThanOrEqual(before.overall[state]!.level.rank);
        expect(after.priorConsultation.required || !before.priorConsultation.required).toBe(true);
      }),
    );
  });

  it('never throws on random answers and is deterministic', () => {
    const keys = fc.constantFrom(...Object.keys(hemtjanst), 'x', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(keys, fc.jsonValue()), fc.jsonValue()), (answers) => {
        const first = assessDpia(form, model, answers, { today: '2026-06-30' });
        expect(JSON.parse(JSON.stringify(first))).toEqual(assessDpia(form, model, structuredClone(answers), { today: '2026-06-30' }));
      }),
    );
  });
});
