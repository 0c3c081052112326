import { allQuestions, asArray, asRecord, stringProperty, type SurveyElementJson, type SurveyJson } from '../survey/survey-json';
import { localText } from './survey-text';
import { dpiaProperty } from './survey-properties';
import { dpiaFields, dpiaRoles, type DpiaField, type DpiaRole } from './vocabulary';

/** One risk panel of a DPIA form: its id, and the question that holds each of its parts. */
export interface RiskPanelIndex {
  id: string;
  kind: 'feared-event' | 'rights';
  title: string;
  panel: SurveyElementJson;
  fields: Partial<Record<DpiaField, SurveyElementJson & { name: string }>>;
}

/** A matrix (principles or measures) with its columns by meaning. */
export interface MatrixIndex {
  key: string;
  json: SurveyElementJson;
  columns: Partial<Record<DpiaField, string>>;
}

export interface AssessmentFormIndex {
  risks: RiskPanelIndex[];
  principles: MatrixIndex | undefined;
  measures: MatrixIndex | undefined;
  roles: Partial<Record<DpiaRole, SurveyElementJson & { name: string }>>;
  /** Top-level questions outside risk panels, for the completeness check. */
  general: { key: string; json: SurveyElementJson; ancestors: readonly SurveyElementJson[] }[];
}

const cache = new WeakMap<SurveyJson, AssessmentFormIndex>();

function isField(value: string | undefined): value is DpiaField {
  return value !== undefined && (dpiaFields as readonly string[]).includes(value);
}

function isRole(value: string | undefined): value is DpiaRole {
  return value !== undefined && (dpiaRoles as readonly string[]).includes(value);
}

function matrixIndex(key: string, json: SurveyElementJson): MatrixIndex {
  const columns: Partial<Record<DpiaField, string>> = {};
  for (const column of asArray(json.columns).map(asRecord)) {
    const field = column && stringProperty(column, dpiaProperty.field);
    const name = column && stringProperty(column, 'name');
    if (isField(field) && name) columns[field] ??= name;
  }
  return { key, json, columns };
}

/** Reads the DPIA meaning of a form from its custom properties, once per form object. */
export function assessmentFormIndex(survey: SurveyJson): AssessmentFormIndex {
  const cached = cache.get(survey);
  if (cached) return cached;
  const risks = new Map<SurveyElementJson, RiskPanelIndex>();
  const index: AssessmentFormIndex = { risks: [], principles: undefined, measures: undefined, roles: {}, general: [] };
  for (const question of allQuestions(survey)) {
    const panel = question.ancestors.find((ancestor) => stringProperty(ancestor, dpiaProperty.risk) !== undefined);
    const named = { ...question.json, name: question.key };
    if (panel) {
      const risk = risks.get(panel) ?? {
        id: stringProperty(panel, dpiaProperty.risk)!,
        kind: stringProperty(panel, dpiaProperty.riskKind) === 'rights' ? 'rights' : 'feared-event',
        title: localText(panel.title) ?? stringProperty(panel, dpiaProperty.risk)!,
        panel,
        fields: {},
      };
      risks.set(panel, risk);
      const field = stringProperty(question.json, dpiaProperty.field);
      if (isField(field)) risk.fields[field] ??= named;
      continue;
    }
    const role = stringProperty(question.json, dpiaProperty.role);
    if (isRole(role)) index.roles[role] ??= named;
    if (role === 'principles') index.principles ??= matrixIndex(question.key, question.json);
    if (role === 'measures') index.measures ??= matrixIndex(question.key, question.json);
    index.general.push(question);
  }
  index.risks = [...risks.values()];
  cache.set(survey, index);
  return index;
}
