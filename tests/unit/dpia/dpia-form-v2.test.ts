import { ConditionRunner } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { departsFromAdvice, dpiaDecisions, dsoAdvices } from '../../../scoring/dpia/advice-decisions';
import { itemValues } from '../../../scoring/survey/choices';
import { allQuestions } from '../../../scoring/survey/survey-json';
import { loadQuestionnaire } from './dpia-content';

/** DPIA form v2: the DSO's advice and the decision come from the sign-off, in the values defined once. */

const v2 = loadQuestionnaire('konsekvensbedomning', 2);
const question = (name: string) => allQuestions(v2.survey).find((entry) => entry.key === name)!.json;

describe('konsekvensbedömning v2', () => {
  it('offers exactly the advice and decisions the sign-off takes, and does not ask for them', () => {
    expect(itemValues(question('dso-rad').choices)).toEqual([...dsoAdvices]);
    expect(itemValues(question('beslut').choices)).toEqual([...dpiaDecisions]);
    for (const name of ['dso-rad', 'dso-motivering', 'beslut', 'beslutsdatum', 'beslut-motivering']) expect(question(name).readOnly, name).toBe(true);
  });

  it('asks for a motivation exactly when the decision departs from the advice', () => {
    const rule = new ConditionRunner(String(question('beslut-motivering').requiredIf));
    for (const advice of dsoAdvices) {
      for (const decision of dpiaDecisions) {
        expect(rule.runValues({ 'dso-rad': advice, beslut: decision }), `${advice} → ${decision}`).toBe(departsFromAdvice(advice, decision));
      }
    }
  });
});
