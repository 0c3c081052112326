import type { Answers } from '../survey/validate-answers';
import type { AssessmentFormIndex } from './assessment-form';
import type { DecisionState } from './assessment-types';
import { departsFromAdvice } from './advice-decisions';
import { answerText, itemText } from './survey-text';

function choice(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function decisionState(index: AssessmentFormIndex, answers: Answers): DecisionState {
  const adviceQuestion = index.roles['dso-advice'];
  const decisionQuestion = index.roles.decision;
  const advice = adviceQuestion ? choice(answers[adviceQuestion.name]) : null;
  const decision = decisionQuestion ? choice(answers[decisionQuestion.name]) : null;
  const reasonsOf = (role: 'dso-advice-reasons' | 'decision-reasons') => {
    const question = index.roles[role];
    return question ? answerText(answers[question.name]) : null;
  };
  return {
    advice,
    adviceLabel: advice && adviceQuestion ? itemText(adviceQuestion.choices, advice) : null,
    adviceReasons: reasonsOf('dso-advice-reasons'),
    decision,
    decisionLabel: decision && decisionQuestion ? itemText(decisionQuestion.choices, decision) : null,
    departsFromAdvice: departsFromAdvice(advice, decision),
    decisionReasons: reasonsOf('decision-reasons'),
  };
}
