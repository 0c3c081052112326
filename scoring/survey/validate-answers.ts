import { rowIdKey } from './answer-ops';
import { allowedChoiceValues, hasChoice, itemValues } from './choices';
import {
  asArray,
  asRecord,
  panelTemplate,
  scopeQuestions,
  stringProperty,
  type SurveyElementJson,
  type SurveyJson,
} from './survey-json';

/** One answer that does not fit the form: where it is (a path into the answers) and why. */
export interface AnswerError {
  /** Path into the answer object: `objektnamn`, `informationsmangder[0].konsekvens_k.ekonomi`. */
  field: string;
  message: string;
}

/** The answers of one survey, keyed as SurveyJS keys `survey.data`. */
export type Answers = Record<string, unknown>;

export type AnswerValidation = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

type Check = (value: unknown, field: string, errors: AnswerError[]) => void;

const singleChoice = new Set(['radiogroup', 'dropdown']);
const multipleChoice = new Set(['checkbox', 'tagbox', 'ranking']);
const textual = new Set(['comment', 'signaturepad']);
const numericInputs = new Set(['number', 'range']);

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function isAnswered(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function choiceCheck(allowed: Set<ReturnType<typeof itemValues>[number]> | undefined): Check {
  return (value, field, errors) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      errors.push({ field, message: `expected one choice, got ${describe(value)}` });
    } else if (allowed && !hasChoice(allowed, value)) {
      errors.push({ field, message: `${JSON.stringify(value)} is not one of the choices` });
    }
  };
}

function listCheck(each: Check): Check {
  return (value, field, errors) => {
    if (!Array.isArray(value)) {
      errors.push({ field, message: `expected a list, got ${describe(value)}` });
      return;
    }
    const seen = new Set<string>();
    value.forEach((item, index) => {
      each(item, `${field}[${index}]`, errors);
      const id = JSON.stringify(item);
      if (seen.has(id)) errors.push({ field: `${field}[${index}]`, message: `${id} is chosen twice` });
      seen.add(id);
    });
  };
}

function typeCheck(expected: 'string' | 'number' | 'boolean'): Check {
  return (value, field, errors) => {
    const ok = expected === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === expected;
    if (!ok) errors.push({ field, message: `expected a ${expected}, got ${describe(value)}` });
  };
}

function objectCheck(eachEntry: (key: string, value: unknown, field: string, errors: AnswerError[]) => void): Check {
  return (value, field, errors) => {
    const record = asRecord(value);
    if (!record) {
      errors.push({ field, message: `expected an object, got ${describe(value)}` });
      return;
    }
    for (const [key, entry] of Object.entries(record)) {
      if (isAnswered(entry)) eachEntry(key, entry, `${field}.${key}`, errors);
    }
  };
}

function ratingCheck(question: SurveyElementJson): Check {
  const rateValues = itemValues(question.rateValues);
  if (rateValues.length > 0) return choiceCheck(new Set(rateValues));
  const min = typeof question.rateMin === 'number' ? question.rateMin : 1;
  const count = typeof question.rateCount === 'number' ? question.rateCount : undefined;
  const step = typeof question.rateStep === 'number' ? question.rateStep : 1;
  const max = typeof question.rateMax === 'number' ? question.rateMax : count ? min + (count - 1) * step : 5;
  return (value, field, errors) => {
    if (typeof value !== 'number' || value < min || value > max) {
      errors.push({ field, message: `expected a rating from ${min} to ${max}, got ${describe(value)}` });
    }
  };
}

function booleanCheck(question: SurveyElementJson): Check {
  if (question.valueTrue === undefined && question.valueFalse === undefined) return typeCheck('boolean');
  const allowed: unknown[] = [question.valueTrue ?? true, question.valueFalse ?? false];
  return (value, field, errors) => {
    if (!allowed.includes(value)) errors.push({ field, message: `${JSON.stringify(value)} is neither the true nor the false value` });
  };
}

/** The columns of a matrixdropdown/matrixdynamic as questions of their own cell type. */
function columnChecks(matrix: SurveyElementJson): Map<string, Check> {
  const defaultCellType = stringProperty(matrix, 'cellType') ?? 'dropdown';
  const checks = new Map<string, Check>();
  for (const column of asArray(matrix.columns).map(asRecord)) {
    const name = column && stringProperty(column, 'name');
    if (!column || !name) continue;
    const cellType = stringProperty(column, 'cellType');
    const type = cellType && cellType !== 'default' ? cellType : defaultCellType;
    checks.set(name, questionCheck({ ...column, type, choices: column.choices ?? matrix.choices }));
  }
  return checks;
}

function rowCheck(columns: Map<string, Check>): Check {
  return objectCheck((key, value, field, errors) => {
    const check = key === rowIdKey ? typeCheck('string') : columns.get(key);
    if (check) check(value, field, errors);
    else errors.push({ field, message: 'no such column' });
  });
}

/** The check for one question's value, chosen by its SurveyJS type. Unknown (custom) types accept any value. */
export function questionCheck(question: SurveyElementJson): Check {
  const type = stringProperty(question, 'type') ?? '';
  if (singleChoice.has(type)) return choiceCheck(allowedChoiceValues(question));
  if (multipleChoice.has(type)) return listCheck(choiceCheck(allowedChoiceValues(question)));
  if (type === 'imagepicker') {
    const check = choiceCheck(allowedChoiceValues(question));
    return question.multiSelect === true ? listCheck(check) : check;
  }
  if (type === 'text') {
    return numericInputs.has(stringProperty(question, 'inputType') ?? '') ? typeCheck('number') : typeCheck('string');
  }
  if (textual.has(type)) return typeCheck('string');
  if (type === 'boolean') return booleanCheck(question);
  if (type === 'rating') return ratingCheck(question);
  if (type === 'matrix') {
    const rows = new Set(itemValues(question.rows).map(String));
    const cell = choiceCheck(new Set(itemValues(question.columns)));
    return objectCheck((key, value, field, errors) => {
      if (rows.has(key)) cell(value, field, errors);
      else errors.push({ field, message: 'no such row' });
    });
  }
  if (type === 'matrixdropdown') {
    const rows = new Set(itemValues(question.rows).map(String));
    const row = rowCheck(columnChecks(question));
    return objectCheck((key, value, field, errors) => {
      if (rows.has(key)) row(value, field, errors);
      else errors.push({ field, message: 'no such row' });
    });
  }
  if (type === 'matrixdynamic') return arrayOf(rowCheck(columnChecks(question)));
  if (type === 'multipletext') {
    const items = new Set(asArray(question.items).map((item) => asRecord(item)?.name).filter((name) => typeof name === 'string'));
    return objectCheck((key, value, field, errors) => {
      if (!items.has(key)) errors.push({ field, message: 'no such item' });
      else if (typeof value !== 'string' && typeof value !== 'number') {
        errors.push({ field, message: `expected text, got ${describe(value)}` });
      }
    });
  }
  if (type === 'paneldynamic') {
    // Each panel carries its stable row id besides its questions (see answer-ops.ts).
    const template = scopeCheck(panelTemplate(question), [rowIdKey]);
    return arrayOf((value, field, errors) => template(value, field, errors));
  }
  return () => {};
}

function arrayOf(each: Check): Check {
  return (value, field, errors) => {
    if (!Array.isArray(value)) {
      errors.push({ field, message: `expected a list, got ${describe(value)}` });
      return;
    }
    value.forEach((item, index) => {
      if (isAnswered(item)) each(item, `${field}[${index}]`, errors);
    });
  };
}

/** Keys a scope may hold besides its questions: the comment of an "other" choice or a comment area. */
function commentKeys(question: SurveyElementJson, key: string): string[] {
  const hasComment =
    question.showOtherItem === true ||
    question.hasOther === true ||
    question.showCommentArea === true ||
    question.hasComment === true;
  return hasComment ? [`${key}-Comment`] : [];
}

/** The check for a whole data object of one scope: the survey's top level or one dynamic panel item. */
function scopeCheck(scope: SurveyElementJson, extraKeys: readonly string[] = []): Check {
  const checks = new Map<string, Check>();
  for (const question of scopeQuestions(scope)) {
    // Two questions may share one valueName; the first one's rules apply, as SurveyJS keeps one value.
    if (!checks.has(question.key)) checks.set(question.key, questionCheck(question.json));
    for (const key of commentKeys(question.json, question.key)) checks.set(key, typeCheck('string'));
  }
  for (const key of extraKeys) checks.set(key, () => {});
  return (value, field, errors) => {
    const record = asRecord(value);
    if (!record) {
      errors.push({ field: field || '(answers)', message: `expected an object, got ${describe(value)}` });
      return;
    }
    for (const [key, entry] of Object.entries(record)) {
      if (!isAnswered(entry)) continue;
      const path = field ? `${field}.${key}` : key;
      const check = checks.get(key);
      if (check) check(entry, path, errors);
      else errors.push({ field: path, message: 'no question has this name' });
    }
  };
}

/** Calculated values that SurveyJS writes into the data (includeIntoResult). */
function calculatedKeys(survey: SurveyJson): string[] {
  return asArray(survey.calculatedValues)
    .map(asRecord)
    .filter((value) => value?.includeIntoResult === true)
    .map((value) => value?.name)
    .filter((name): name is string => typeof name === 'string');
}

/** Checks built once per definition object; definitions are immutable once loaded (forms are versioned). */
const compiled = new WeakMap<SurveyJson, Check>();

/**
 * Checks that answers fit a SurveyJS definition: every key names a question, every value has the
 * question's type and lies within its choices, rows and columns. Unanswered (missing or null) is
 * always allowed: completeness is a separate question. Returns a value, never throws.
 */
export function validateAnswers(survey: SurveyJson, answers: unknown): AnswerValidation {
  const errors: AnswerError[] = [];
  let check = compiled.get(survey);
  if (!check) {
    check = scopeCheck(survey, calculatedKeys(survey));
    compiled.set(survey, check);
  }
  check(answers, '', errors);
  return errors.length === 0 ? { ok: true, answers: answers as Answers } : { ok: false, errors };
}
