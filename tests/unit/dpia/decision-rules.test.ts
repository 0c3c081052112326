import { describe, expect, it } from 'vitest';
import type { JudgedPrinciple } from '../../../scoring/dpia/assessment-types';
import { decisionRefusal, decisionsOffered, motivationProblem, principlesToCorrect } from '../../../scoring/dpia/decision-rules';

const principle = (label: string, judgement: JudgedPrinciple['judgement']): JudgedPrinciple => ({ id: label.toLowerCase(), label, judgement, judgementLabel: null, comment: null });
const clean = [principle('Rättslig grund', 'acceptabel'), principle('Uppgiftsminimering', 'forbattringsbar')];
const blocked = [...clean, principle('Information', 'att-korrigera'), principle('Lagringstid', 'att-korrigera')];
const decisions = ['godkann', 'godkann-med-villkor', 'stoppas'] as const;

describe('the DPIA decision rules', () => {
  it('offer no approving decision while a principle is Att korrigera', () => {
    expect(principlesToCorrect(blocked)).toEqual(['Information', 'Lagringstid']);
    expect(decisionsOffered(decisions, blocked)).toEqual(['stoppas']);
    expect(decisionsOffered(decisions, clean)).toEqual(decisions);
  });

  it.each([
    ['godkann', 'tillstyrker', blocked, { rule: 'principles-to-correct', principles: ['Information', 'Lagringstid'] }],
    ['godkann-med-villkor', 'tillstyrker-med-villkor', blocked, { rule: 'principles-to-correct', principles: ['Information', 'Lagringstid'] }],
    ['stoppas', 'avstyrker', blocked, null],
    ['godkann-med-villkor', 'tillstyrker-med-villkor', clean, null],
    ['godkann', 'tillstyrker-med-villkor', clean, { rule: 'motivation', problem: 'too-short' }],
  ] as const)('%s after %s', (decision, advice, principles, expected) => {
    expect(decisionRefusal({ decision, advice, principles, reasons: 'Behandlingen godkänns.', echoes: ['Godkänns', 'Tillstyrker med villkor'] })).toEqual(expected);
  });

  it.each([
    [null, 'missing'],
    ['  ', 'missing'],
    ['Behandlingen godkänns.', 'too-short'],
    ['Behandlingen godkänns trots rådet, beslutet är att behandlingen godkänns utan villkor.', 'restates'],
    ['Godkänns utan villkor eftersom tillstyrker med villkor, godkänns utan villkor.', 'restates'],
    ['bla bla bla bla bla bla bla bla', 'restates'],
    ['Villkoret om nattlig positionering löses redan av schemat: larmen går bara dagtid.', null],
    ['Larmsäkerheten väger tyngre; positionerna gallras efter 30 dagar.', null],
  ] as const)('motivation %j: %s', (reasons, expected) => {
    expect(motivationProblem(reasons, ['Godkänns', 'Tillstyrker med villkor', 'utan'])).toBe(expected);
  });
});
