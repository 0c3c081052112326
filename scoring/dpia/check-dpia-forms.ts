import { riskModelSchema, type RiskModel } from '../content/dpia-risk-model';
import { allowedChoiceValues, itemValues } from '../survey/choices';
import { allQuestions, asArray, asRecord, stringProperty, type SurveyJson } from '../survey/survey-json';
import { assessmentFormIndex } from './assessment-form';
import { screeningFormIndex } from './screening-form';
import { dpiaProperty } from './survey-properties';
import { answerNo, answerUnsure, answerYes, art353Cases, principleJudgements, wp248Criteria } from './vocabulary';

/** A forms file as the checker sees it: its path for the message, and its parsed content. */
export interface CheckedFile {
  file: string;
  content: { meta: { id: string; version: number; kind: string; uses?: { kind: string; id: string; version: number }[] } } & Record<string, unknown>;
}

export interface FormProblem {
  file: string;
  field: string;
  message: string;
}

const fearedEvents = ['otillaten-atkomst', 'oonskad-andring', 'forlust'];
const ratingFields = ['severity-current', 'likelihood-current', 'severity-residual', 'likelihood-residual'] as const;

function sameValues(actual: readonly unknown[], expected: readonly unknown[]): boolean {
  const a = actual.map(String).sort();
  const b = expected.map(String).sort();
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function usesDpiaProperties(survey: SurveyJson): 'screening' | 'assessment' | undefined {
  const text = JSON.stringify(survey);
  if (text.includes(`"${dpiaProperty.criterion}"`) || text.includes(`"${dpiaProperty.art353}"`)) return 'screening';
  if (text.includes(`"${dpiaProperty.risk}"`) || text.includes(`"${dpiaProperty.field}"`)) return 'assessment';
  return undefined;
}

function checkScreening(survey: SurveyJson, problem: (field: string, message: string) => void): void {
  const index = screeningFormIndex(survey);
  if (!index.personalDataKey) problem('survey', 'no question has dpiaRole "personal-data"');
  for (const { id } of art353Cases) if (!index.art353.has(id)) problem('survey', `no question marks art. 35.3 case "${id}"`);
  for (const { id } of wp248Criteria) if (!index.criteria.has(id)) problem('survey', `no question asks WP248 criterion "${id}"`);
  for (const question of allQuestions(survey)) {
    const marked = stringProperty(question.json, dpiaProperty.criterion) ?? stringProperty(question.json, dpiaProperty.art353);
    const allowed = allowedChoiceValues(question.json);
    if (marked && !(allowed && sameValues([...allowed], [answerYes, answerNo, answerUnsure]))) {
      problem(question.key, `a screening question must offer exactly the choices ${answerYes}, ${answerNo}, ${answerUnsure}`);
    }
  }
  for (const [id, where] of index.exemptions) {
    if (!where.claimKey) problem('survey', `exemption "${id}" has a motivation but no claim question`);
    if (!where.motivationKey) problem(where.claimKey ?? 'survey', `exemption "${id}" has no motivation question`);
  }
}

function checkAssessment(survey: SurveyJson, model: RiskModel | undefined, problem: (field: string, message: string) => void): void {
  const index = assessmentFormIndex(survey);
  const riskIds = index.risks.map((risk) => risk.id);
  riskIds.filter((id, position) => riskIds.indexOf(id) !== position).forEach((id) => problem(`risk ${id}`, 'two risk panels share this dpiaRisk'));
  for (const id of fearedEvents) if (!riskIds.includes(id)) problem('survey', `the feared event "${id}" has no risk panel`);
  for (const risk of index.risks) {
    for (const field of ratingFields) {
      const question = risk.fields[field];
      if (!question) {
        problem(`risk ${risk.id}`, `no question has dpiaField "${field}"`);
        continue;
      }
      if (!risk.fields[`${field}-justification`]) problem(`risk ${risk.id}`, `no question has dpiaField "${field}-justification"`);
      const scale = field.startsWith('severity') ? model?.severity : model?.likelihood;
      if (scale && !sameValues(itemValues(question.choices), scale.steps.map((step) => step.value))) {
        problem(question.name, `choices must be the risk model's ${field.split('-')[0]} values ${scale.steps.map((step) => step.value).join(', ')}`);
      }
    }
  }
  const principles = index.principles;
  if (!principles) problem('survey', 'no matrix has dpiaRole "principles"');
  else {
    const column = asArray(principles.json.columns).map(asRecord).find((entry) => entry && entry.name === principles.columns.judgement);
    if (!column) problem(principles.key, 'no column has dpiaField "judgement"');
    else if (!sameValues(itemValues(column.choices), principleJudgements.map((judgement) => judgement.id))) {
      problem(`${principles.key}.${String(column.name)}`, `choices must be ${principleJudgements.map((judgement) => judgement.id).join(', ')}`);
    }
  }
  const measures = index.measures;
  if (!measures) problem('survey', 'no matrix has dpiaRole "measures"');
  else {
    for (const field of ['measure', 'owner', 'due', 'risks'] as const) {
      if (!measures.columns[field]) problem(measures.key, `no column has dpiaField "${field}"`);
    }
    const risksColumn = asArray(measures.json.columns).map(asRecord).find((entry) => entry && entry.name === measures.columns.risks);
    for (const value of itemValues(risksColumn?.choices)) {
      if (!riskIds.includes(String(value))) problem(`${measures.key}.${measures.columns.risks}`, `choice "${String(value)}" is not a risk panel's dpiaRisk`);
    }
  }
  const selection = index.roles['risk-selection'];
  for (const value of itemValues(selection?.choices)) {
    if (!index.risks.some((risk) => risk.id === String(value) && risk.kind === 'rights')) {
      problem(selection!.name, `choice "${String(value)}" is not a rights risk panel`);
    }
  }
}

/**
 * The DPIA references in the forms folder: every criterion, case, risk, rating and column the DPIA
 * rules read exists and has the choices they expect, and each DPIA form names a risk model that exists.
 * Pure: the forms:check command and the tests pass in the files they loaded.
 */
export function checkDpiaForms(files: readonly CheckedFile[]): FormProblem[] {
  const problems: FormProblem[] = [];
  const models = new Map<string, RiskModel>();
  for (const { content } of files) {
    const parsed = content.meta.kind === 'dpia-risk-model' ? riskModelSchema.safeParse(content.riskModel) : undefined;
    if (parsed?.success) models.set(`${content.meta.id}@${content.meta.version}`, parsed.data);
  }
  for (const { file, content } of files) {
    const survey = asRecord(content.survey);
    if (content.meta.kind !== 'questionnaire' || !survey) continue;
    const family = usesDpiaProperties(survey);
    const problem = (field: string, message: string) => problems.push({ file, field, message });
    if (family === 'screening') checkScreening(survey, problem);
    if (family !== 'assessment') continue;
    const refs = (content.meta.uses ?? []).filter((ref) => ref.kind === 'dpia-risk-model');
    if (refs.length !== 1) problem('meta.uses', 'a DPIA form must name exactly one dpia-risk-model in meta.uses');
    const ref = refs[0];
    const model = ref ? models.get(`${ref.id}@${ref.version}`) : undefined;
    if (ref && !model) problem('meta.uses', `risk model ${ref.id} version ${ref.version} does not exist`);
    checkAssessment(survey, model, problem);
  }
  return problems;
}
