import { itemRecords, itemValue } from '../survey/choices';
import { asArray, asRecord, panelTemplate, scopeQuestions, stringProperty, type QuestionJson, type SurveyJson } from '../survey/survey-json';
import { krtsProperty, personalDataCategories, type KrtsRole, type PersonalDataCategory } from './survey-properties';

/**
 * Where scoring finds its answers in a questionnaire, read once from the custom properties
 * (krtsRole, krtsAspect, krtsLevel, …) so that no rule depends on a question's name.
 */
export interface ConsequenceMatrix {
  key: string;
  aspect: string;
  /** Row value → consequence area id (rows are named by area id). */
  rows: readonly string[];
  /** Column value → level; null for a column without a level ("ej relevant"). */
  columnLevels: ReadonlyMap<string, number | null>;
}

export interface ChoiceQuestion<T> {
  key: string;
  /** Choice value → what the choice marks. Choices that mark nothing are left out. */
  marks: ReadonlyMap<string, T>;
}

export interface Raise {
  key: string;
  aspect: string;
  levels: ReadonlyMap<string, number>;
  motivationKey: string | undefined;
}

export interface FormLayout {
  /** The dynamic panel of informationsmängder, or undefined when the form has none (a broken form). */
  setsKey: string | undefined;
  setNameKey: string | undefined;
  matrices: readonly ConsequenceMatrix[];
  motivationKeys: ReadonlyMap<string, string>;
  specialAspects: ChoiceQuestion<string> | undefined;
  personalData: ChoiceQuestion<PersonalDataCategory> | undefined;
  lagrum: ChoiceQuestion<string> | undefined;
  raises: readonly Raise[];
  societalKey: string | undefined;
  societalMotivationKey: string | undefined;
  /** (per mängd) the yes/no question: tried against the offentlighets- och sekretesslag. */
  reviewedKey: string | undefined;
  /** (per mängd) the reporting duties, choice value → the choice's text. */
  reportingDuties: ChoiceQuestion<string> | undefined;
  /** The free-text list of other laws, and the column that holds a law's name. */
  otherLagrum: { key: string; nameColumn: string } | undefined;
  /** Plainly required questions (isRequired, never hidden) at the top level and in each informationsmängd. */
  requiredTop: readonly QuestionJson[];
  requiredPerSet: readonly QuestionJson[];
}

const role = (question: QuestionJson): string | undefined => stringProperty(question.json, krtsProperty.role);
const aspectOf = (question: QuestionJson): string => stringProperty(question.json, krtsProperty.aspect) ?? '';
const byRole = (questions: readonly QuestionJson[], wanted: KrtsRole) => questions.filter((question) => role(question) === wanted);

function marks<T>(question: QuestionJson | undefined, property: string, accept: (value: unknown) => value is T): ChoiceQuestion<T> | undefined {
  if (!question) return undefined;
  const map = new Map<string, T>();
  for (const item of itemRecords(question.json.choices)) {
    const mark = item[property];
    const value = itemValue(item);
    if (value !== undefined && accept(mark)) map.set(String(value), mark);
  }
  return { key: question.key, marks: map };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isLevel = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isCategory = (value: unknown): value is PersonalDataCategory =>
  typeof value === 'string' && (personalDataCategories as readonly string[]).includes(value);

/** Choice value → its text, for questions whose answers a result names in words. */
function choiceTexts(question: QuestionJson | undefined): ChoiceQuestion<string> | undefined {
  if (!question) return undefined;
  const map = new Map<string, string>();
  for (const item of itemRecords(question.json.choices)) {
    const value = itemValue(item);
    if (value !== undefined) map.set(String(value), typeof item.text === 'string' ? item.text : String(value));
  }
  return { key: question.key, marks: map };
}

function otherLagrumOf(question: QuestionJson | undefined): FormLayout['otherLagrum'] {
  // Matrix columns are named, not valued: the first column holds the law's name.
  const name = asRecord(asArray(question?.json.columns)[0])?.name;
  if (!question || typeof name !== 'string') return undefined;
  return { key: question.key, nameColumn: name };
}

function matrixOf(question: QuestionJson): ConsequenceMatrix {
  const columnLevels = new Map<string, number | null>();
  for (const column of itemRecords(question.json.columns)) {
    const level = column[krtsProperty.level];
    columnLevels.set(String(itemValue(column)), isLevel(level) ? level : null);
  }
  const rows = itemRecords(question.json.rows).map((row) => String(itemValue(row)));
  return { key: question.key, aspect: aspectOf(question), rows, columnLevels };
}

/** A question is plainly required when it is required and neither it nor a panel around it can be hidden. */
function plainlyRequired(question: QuestionJson): boolean {
  if (question.json.isRequired !== true) return false;
  return ![question.json, ...question.ancestors].some((element) => element.visibleIf !== undefined || element.enableIf !== undefined);
}

const cache = new WeakMap<SurveyJson, FormLayout>();

export function formLayout(survey: SurveyJson): FormLayout {
  const cached = cache.get(survey);
  if (cached) return cached;
  const top = scopeQuestions(survey);
  const sets = byRole(top, 'informationsmangder')[0];
  const inSet = sets ? scopeQuestions(panelTemplate(sets.json)) : [];
  const keyOf = (wanted: KrtsRole, from: readonly QuestionJson[]) => byRole(from, wanted)[0]?.key;
  const motivations = new Map(byRole(inSet, 'motivering').map((question) => [aspectOf(question), question.key] as const));
  const raiseMotivations = new Map(byRole(top, 'hojning-motivering').map((question) => [aspectOf(question), question.key] as const));
  const layout: FormLayout = {
    setsKey: sets?.key,
    setNameKey: keyOf('mangd-namn', inSet),
    matrices: byRole(inSet, 'konsekvenser').map(matrixOf),
    motivationKeys: motivations,
    specialAspects: marks(byRole(inSet, 'synnerligen-allvarlig')[0], krtsProperty.aspect, isString),
    personalData: marks(byRole(inSet, 'personuppgifter')[0], krtsProperty.personalData, isCategory),
    lagrum: marks(byRole(top, 'lagrum')[0], krtsProperty.lagrum, isString),
    raises: byRole(top, 'hojning').map((question) => ({
      key: question.key,
      aspect: aspectOf(question),
      levels: marks(question, krtsProperty.level, isLevel)?.marks ?? new Map(),
      motivationKey: raiseMotivations.get(aspectOf(question)),
    })),
    societalKey: keyOf('samhallsviktig', top),
    societalMotivationKey: keyOf('samhallsviktig-motivering', top),
    reviewedKey: keyOf('offentlighetsprovad', inSet),
    reportingDuties: choiceTexts(byRole(inSet, 'anmalningsplikt')[0]),
    otherLagrum: otherLagrumOf(byRole(top, 'annat-lagrum')[0]),
    requiredTop: top.filter(plainlyRequired),
    requiredPerSet: inSet.filter((question) => plainlyRequired(question) && role(question) !== 'konsekvenser'),
  };
  cache.set(survey, layout);
  return layout;
}
