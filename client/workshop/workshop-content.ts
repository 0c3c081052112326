import { getJson } from '../api';
import type { Assessment } from '../api-types';
import type { ClassificationModel } from '../../scoring/content/classification-model';
import type { DpiaRiskModelFile } from '../../scoring/content/dpia-risk-model';
import type { FormRef, QuestionnaireFile } from '../../scoring/content/form-file';
import type { LagrumFile } from '../../scoring/content/lagrum-list';
import type { RequirementCatalog } from '../../scoring/content/requirement-catalog';

/** The pinned questionnaire and the files its meta.uses names, which the live preview scores with. */
export interface WorkshopContent {
  form: QuestionnaireFile;
  model?: ClassificationModel;
  catalog?: RequirementCatalog;
  lagrum?: LagrumFile;
  riskModel?: DpiaRiskModelFile;
}

export async function loadWorkshopContent(assessment: Assessment, signal?: AbortSignal): Promise<WorkshopContent> {
  const form = await getJson<QuestionnaireFile>(`/api/forms/${assessment.form.id}/${assessment.form.version}`, signal);
  const uses: FormRef[] = form.meta.uses ?? [];
  const files = await Promise.all(uses.map((ref) => getJson<unknown>(`/api/forms/${ref.id}/${ref.version}`, signal).then((file) => [ref.kind, file] as const)));
  const content: WorkshopContent = { form };
  for (const [kind, file] of files) {
    // The server validated every file against its kind's schema at start; the kind names the type.
    if (kind === 'classification-model') content.model = file as ClassificationModel;
    else if (kind === 'requirement-catalog') content.catalog = file as RequirementCatalog;
    else if (kind === 'lagrum') content.lagrum = file as LagrumFile;
    else if (kind === 'dpia-risk-model') content.riskModel = file as DpiaRiskModelFile;
  }
  return content;
}
