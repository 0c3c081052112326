export { validateAnswers, questionCheck, type AnswerError, type AnswerValidation, type Answers } from './validate-answers';
export { allQuestions, scopeQuestions, panelTemplate, valueKey, type QuestionJson, type SurveyJson, type SurveyElementJson } from './survey-json';
export { itemValue, itemValues, itemRecords, allowedChoiceValues, type ChoiceValue } from './choices';
