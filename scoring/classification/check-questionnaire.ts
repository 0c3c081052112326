import { itemRecords, itemValue } from '../survey/choices';
import { allQuestions, asArray, asRecord, stringProperty, type QuestionJson, type SurveyJson } from '../survey/survey-json';
import type { ReferenceProblem, ResolvedUses } from './check-references';
import { krtsProperty } from './survey-properties';

/** Roles that belong inside an informationsmängd; the others belong at the top level. */
const perSetRoles = new Set(['mangd-namn', 'konsekvenser', 'motivering', 'synnerligen-allvarlig', 'personuppgifter', 'offentlighetsprovad', 'anmalningsplikt']);

const roleOf = (question: QuestionJson) => stringProperty(question.json, krtsProperty.role);

function where(question: QuestionJson): string {
  // Pages carry no type and are left out: a question's path should not change when it moves to another page.
  const panels = question.ancestors
    .filter((element) => element.type !== undefined)
    .map((element) => stringProperty(element, 'name'))
    .filter((name) => name !== undefined);
  return ['survey', ...panels, question.key].join('.');
}

function duplicates(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    const id = String(value);
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

/** Names are API: unique within their scope, choices, rows and columns unique within their question. */
function uniquenessProblems(survey: SurveyJson, problem: (field: string, message: string) => void): void {
  const scopes = new Map<string, QuestionJson[]>();
  for (const question of allQuestions(survey)) {
    const dynamicParent = question.ancestors.findLast((element) => element.type === 'paneldynamic');
    const scope = dynamicParent ? String(dynamicParent.name) : '';
    scopes.set(scope, [...(scopes.get(scope) ?? []), question]);
    for (const list of ['choices', 'rows', 'columns', 'items', 'rateValues']) {
      const values = asArray(question.json[list]).map((item) => itemValue(item) ?? asRecord(item)?.name);
      for (const value of duplicates(values)) problem(`${where(question)}.${list}`, `"${value}" appears twice`);
    }
  }
  for (const [scope, questions] of scopes) {
    for (const name of duplicates(questions.map((question) => question.key))) {
      problem(`survey${scope ? `.${scope}` : ''}.${name}`, `two questions store their value under "${name}"`);
    }
  }
}

type Model = NonNullable<ResolvedUses['model']>;

/** Where the model writes a text per aspect, a matrix shows exactly that text: the model and the form cannot drift apart. */
function cellTextProblems(model: Model, question: QuestionJson, field: string, problem: (field: string, message: string) => void): void {
  const aspect = stringProperty(question.json, krtsProperty.aspect) ?? '';
  const cells = asRecord(question.json.cells) ?? {};
  for (const area of model.consequenceAreas) {
    const texts = area.byAspect?.[aspect];
    if (!texts) continue;
    for (const column of itemRecords(question.json.columns)) {
      const level = column[krtsProperty.level];
      if (typeof level !== 'number') continue;
      const expected = texts.find((entry) => entry.level === level)?.text;
      const shown = asRecord(cells[area.id])?.[String(itemValue(column))];
      if (expected !== undefined && shown !== expected) {
        problem(`${field}.cells.${area.id}.${String(itemValue(column))}`, `shows another text than model ${model.meta.id} v${model.meta.version} for ${aspect} level ${level}`);
      }
    }
  }
}

/** Where the form requires a motivation, it must be exactly from the model's level: the form may not state a rule of its own. */
function motivationRuleProblems(model: Model, matrix: QuestionJson | undefined, motivation: QuestionJson, field: string, problem: (field: string, message: string) => void): void {
  // A form without the expression leaves the rule to scoring, which reads the model; only a stated rule can disagree.
  if (!matrix || typeof motivation.json.requiredIf !== 'string') return;
  const from = model.rules.motivationRequiredFrom;
  const expected = itemRecords(matrix.json.columns)
    .filter((column) => typeof column[krtsProperty.level] === 'number' && (column[krtsProperty.level] as number) >= from)
    .map((column) => String(itemValue(column)))
    .sort();
  const lists = [...motivation.json.requiredIf.matchAll(/anyof\s*\[([^\]]*)\]/g)].map((match) => [...match[1]!.matchAll(/'([^']*)'/g)].map((value) => value[1]!).sort());
  const agrees = lists.length > 0 && lists.every((list) => list.join(',') === expected.join(','));
  if (!agrees) problem(`${field}.requiredIf`, `must require the motivation exactly for the levels from ${from} (${expected.join(', ')}), as model ${model.meta.id} v${model.meta.version} states`);
}

export function checkQuestionnaireReferences(file: string, survey: SurveyJson, uses: ResolvedUses): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ file, field, message });
  const model = uses.model!;
  const aspects = new Set(model.aspects.map((aspect) => aspect.code));
  const areas = model.consequenceAreas.map((area) => area.id);
  const ratable = new Set(model.scale.levels.filter((level) => level.specialAnalysis !== true).map((level) => level.level));
  const lagrum = new Set(uses.lagrum?.lagrum.map((entry) => entry.id));
  const questions = allQuestions(survey);
  uniquenessProblems(survey, problem);

  const sets = questions.filter((question) => roleOf(question) === 'informationsmangder');
  if (sets.length !== 1 || sets[0]!.ancestors.some((element) => element.type === 'paneldynamic') || sets[0]!.type !== 'paneldynamic') {
    problem('survey', `needs exactly one top-level paneldynamic with ${krtsProperty.role} "informationsmangder", found ${sets.length}`);
  }
  for (const question of questions) {
    const role = roleOf(question);
    const field = where(question);
    if (role === undefined || role === 'informationsmangder') continue;
    const inSet = question.ancestors.some((element) => element === sets[0]?.json);
    if (perSetRoles.has(role) !== inSet) {
      problem(`${field}.${krtsProperty.role}`, `a "${role}" question must stand ${perSetRoles.has(role) ? 'inside' : 'outside'} the informationsmängder panel`);
    }
    const aspect = stringProperty(question.json, krtsProperty.aspect);
    if (['konsekvenser', 'motivering', 'hojning', 'hojning-motivering'].includes(role) && (aspect === undefined || !aspects.has(aspect))) {
      problem(`${field}.${krtsProperty.aspect}`, `aspect "${aspect ?? ''}" is not in model ${model.meta.id} v${model.meta.version}`);
    }
    if (role === 'konsekvenser') cellTextProblems(model, question, field, problem);
    if (role === 'motivering') {
      const matrix = questions.find((other) => roleOf(other) === 'konsekvenser' && stringProperty(other.json, krtsProperty.aspect) === aspect);
      motivationRuleProblems(model, matrix, question, field, problem);
    }
    if (role === 'konsekvenser') {
      const rows = itemRecords(question.json.rows).map((row) => String(itemValue(row)));
      for (const row of rows) if (!areas.includes(row)) problem(`${field}.rows.${row}`, `row "${row}" is not a consequence area of the model`);
      for (const area of areas) if (!rows.includes(area)) problem(`${field}.rows`, `consequence area "${area}" has no row`);
      for (const column of itemRecords(question.json.columns)) {
        const level = column[krtsProperty.level];
        if (level !== undefined && !(typeof level === 'number' && ratable.has(level))) {
          problem(`${field}.columns.${String(itemValue(column))}.${krtsProperty.level}`, `level ${String(level)} is not a ratable level of the scale`);
        }
      }
    }
    for (const choice of itemRecords(question.json.choices)) {
      const at = `${field}.choices.${String(itemValue(choice))}`;
      const choiceAspect = choice[krtsProperty.aspect];
      if (choiceAspect !== undefined && !aspects.has(String(choiceAspect))) problem(`${at}.${krtsProperty.aspect}`, `aspect "${String(choiceAspect)}" is not in the model`);
      const choiceLagrum = choice[krtsProperty.lagrum];
      if (choiceLagrum !== undefined && !lagrum.has(String(choiceLagrum))) problem(`${at}.${krtsProperty.lagrum}`, `lagrum "${String(choiceLagrum)}" is not in the lagrum list`);
      const choiceLevel = choice[krtsProperty.level];
      if (choiceLevel !== undefined && !(typeof choiceLevel === 'number' && ratable.has(choiceLevel))) problem(`${at}.${krtsProperty.level}`, `level ${String(choiceLevel)} is not a ratable level of the scale`);
    }
  }
  for (const code of aspects) {
    for (const role of ['konsekvenser', 'motivering']) {
      const count = questions.filter((question) => roleOf(question) === role && stringProperty(question.json, krtsProperty.aspect) === code).length;
      if (count !== 1) problem('survey', `aspect ${code} needs exactly one "${role}" question, found ${count}`);
    }
  }
  return problems;
}
