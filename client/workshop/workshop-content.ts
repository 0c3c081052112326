import { getJson } from '../api';
import type { Assessment } from '../contract/api-types';
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
  // The route's schema names only a form's header, its body depends on the kind: the server checked
  // each file against its kind's own schema at start, and the kind says which type it is.
  const form = (await getJson<'/api/forms/:id/:version'>(`/api/forms/${assessment.form.id}/${assessment.form.version}`, signal)) as unknown as QuestionnaireFile;
  const uses: FormRef[] = form.meta.uses ?? [];
  const files = await Promise.all(uses.map((ref) => getJson<'/api/forms/:id/:version'>(`/api/forms/${ref.id}/${ref.version}`, signal).then((file) => [ref.kind, file] as const)));
  const content: WorkshopContent = { form };
  for (const [kind, file] of files) {
    if (kind === 'classification-model') content.model = file as ClassificationModel;
    else if (kind === 'requirement-catalog') content.catalog = file as RequirementCatalog;
    else if (kind === 'lagrum') content.lagrum = file as LagrumFile;
    else if (kind === 'dpia-risk-model') content.riskModel = file as DpiaRiskModelFile;
  }
  return content;
}
