import { allQuestions, itemRecords, itemValue } from '../../scoring/survey';
import { asArray, asRecord } from '../../scoring/survey/survey-json';

function textOf(record: Record<string, unknown>): string | undefined {
  const text = record.text;
  if (typeof text === 'string') return text;
  const localized = asRecord(text);
  const swedish = localized?.sv ?? localized?.default;
  return typeof swedish === 'string' ? swedish : undefined;
}

function choiceTexts(items: unknown): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const record of itemRecords(items)) {
    const value = itemValue(record);
    const text = textOf(record);
    if (value !== undefined && text) texts[String(value)] = text;
  }
  return texts;
}

/**
 * The Swedish text of every choice in a survey, by question key (and matrix column name), so a
 * protocol prints "Kommunens IT-avdelning" rather than "kommunens-it".
 */
export function choiceLabels(survey: Record<string, unknown>): Record<string, Record<string, string>> {
  const labels: Record<string, Record<string, string>> = {};
  const add = (key: string, items: unknown) => {
    const texts = choiceTexts(items);
    if (Object.keys(texts).length > 0) labels[key] = { ...labels[key], ...texts };
  };
  for (const question of allQuestions(survey)) {
    add(question.key, question.json.choices);
    // SurveyJS's own "none" and "other" items are not in choices; their texts are the question's.
    if (question.json.showNoneItem === true) add(question.key, [{ value: 'none', text: question.json.noneText ?? 'Inget' }]);
    if (question.json.showOtherItem === true) add(question.key, [{ value: 'other', text: question.json.otherText ?? 'Annat' }]);
    for (const column of asArray(question.json.columns)) {
      const record = asRecord(column);
      if (record && typeof record.name === 'string') add(`${question.key}.${record.name}`, record.choices ?? question.json.choices);
    }
  }
  return labels;
}

const labelsOfSurvey = new WeakMap<object, Record<string, Record<string, string>>>();

/** choiceLabels of a loaded form's survey, worked out once per form version (a published version never changes). */
export function choiceLabelsOf(content: { survey?: Record<string, unknown> }): Record<string, Record<string, string>> {
  const survey = content.survey ?? {};
  let labels = labelsOfSurvey.get(survey);
  if (!labels) {
    labels = choiceLabels(survey);
    labelsOfSurvey.set(survey, labels);
  }
  return labels;
}
