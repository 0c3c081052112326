import type { Answers } from '../survey/validate-answers';
import type { AssessmentFormIndex } from './assessment-form';
import type { DecisionState } from './assessment-types';
import { answerText, itemText } from './survey-text';

/**
 * The decisions that follow each piece of DSO advice. Any other decision goes against the advice,
 * and the decision maker must then say why (the domain's rule; the DSO advises, the nämnd decides).
 */
const decisionsFollowingAdvice: Record<string, readonly string[]> = {
  tillstyrker: ['godkann', 'godkann-med-villkor'],
  'tillstyrker-med-villkor': ['godkann-med-villkor'],
  avstyrker: ['atervisas', 'stoppas'],
};

function choice(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function decisionState(index: AssessmentFormIndex, answers: Answers): DecisionState {
  const adviceQuestion = index.roles['dso-advice'];
  const decisionQuestion = index.roles.decision;
  const advice = adviceQuestion ? choice(answers[adviceQuestion.name]) : null;
  const decision = decisionQuestion ? choice(answers[decisionQuestion.name]) : null;
  const following = advice ? decisionsFollowingAdvice[advice] : undefined;
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
    departsFromAdvice: Boolean(advice && decision && following && !following.includes(decision)),
    decisionReasons: reasonsOf('decision-reasons'),
  };
}
