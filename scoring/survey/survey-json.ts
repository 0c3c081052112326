/**
 * Read-only helpers over a SurveyJS definition as plain JSON. They never load survey-core,
 * so the server can validate and score thousands of answer sets without building a model each time.
 */

/** A SurveyJS element as it stands in the JSON: only the fields we read are typed. */
export type SurveyElementJson = Record<string, unknown>;

/** A whole SurveyJS definition (pages or elements at the top). */
export type SurveyJson = Record<string, unknown>;

/** Types whose elements are containers: their children store values at the container's level. */
const flatContainers = new Set(['panel', 'page']);

/** Types that show something but never hold a value. */
const displayOnly = new Set(['html', 'image']);

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringProperty(element: SurveyElementJson, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' ? value : undefined;
}

/** The key a question's answer is stored under: valueName when set, else name. */
export function valueKey(element: SurveyElementJson): string | undefined {
  return stringProperty(element, 'valueName') ?? stringProperty(element, 'name');
}

/** A question that holds a value, with where it sits in the definition. */
export interface QuestionJson {
  /** The key its answer is stored under in the data object of its scope. */
  key: string;
  type: string;
  json: SurveyElementJson;
  /** Names of the enclosing panels, pages and dynamic panels, outermost first. */
  ancestors: readonly SurveyElementJson[];
}

/** The direct children of a container element (a page, a panel, or the survey itself). */
function childElements(container: SurveyElementJson): SurveyElementJson[] {
  const children = [...asArray(container.elements), ...asArray(container.questions)];
  return children.map(asRecord).filter((child): child is SurveyElementJson => child !== undefined);
}

function walk(
  container: SurveyElementJson,
  ancestors: readonly SurveyElementJson[],
  into: QuestionJson[],
): void {
  for (const element of childElements(container)) {
    const type = stringProperty(element, 'type') ?? '';
    if (flatContainers.has(type)) {
      walk(element, [...ancestors, element], into);
      continue;
    }
    if (displayOnly.has(type)) continue;
    const key = valueKey(element);
    if (key !== undefined) into.push({ key, type, json: element, ancestors });
  }
}

/**
 * The value-holding questions of one scope: the survey's top level (through pages and panels)
 * or a dynamic panel's template. Questions inside a dynamic panel belong to that panel's scope.
 */
export function scopeQuestions(scope: SurveyElementJson): QuestionJson[] {
  const questions: QuestionJson[] = [];
  const pages = asArray(scope.pages).map(asRecord).filter((page) => page !== undefined);
  for (const page of pages) walk(page, [page], questions);
  walk(scope, [], questions);
  return questions;
}

/** The template of a dynamic panel, seen as a scope of its own. */
export function panelTemplate(question: SurveyElementJson): SurveyElementJson {
  return { elements: asArray(question.templateElements) };
}

/** Every value-holding question in the survey, dynamic panel templates included, depth first. */
export function allQuestions(survey: SurveyJson): QuestionJson[] {
  const result: QuestionJson[] = [];
  const visit = (scope: SurveyElementJson, ancestors: readonly SurveyElementJson[]) => {
    for (const question of scopeQuestions(scope)) {
      const withAncestors = { ...question, ancestors: [...ancestors, ...question.ancestors] };
      result.push(withAncestors);
      if (question.type === 'paneldynamic') {
        visit(panelTemplate(question.json), [...withAncestors.ancestors, question.json]);
      }
    }
  };
  visit(survey, []);
  return result;
}
