import { buildActionPlan } from '../../scoring/classification/action-plan';
import type { Classification } from '../../scoring/classification/classification-types';
import type { AppDeps } from '../app-context';
import { optionalContent } from '../assessments/used-content';
import { AppError } from '../errors';
import { contentAs } from '../forms/typed-content';
import { type SoaAssetPlan, type SoaRow, type SoaSummary, statementOfApplicability } from './soa-rows';
import { classificationPlanStatuses, faststalldaClassifications, planStatusKey, soaJustifications } from './soa-store';

/** Everything a tillämpningsförklaring shows, as plain JSON: the API, the XLSX and the PDF (in a render worker) read it. */
export interface SoaData {
  organisationName: string;
  generatedAt: string;
  controlSet: { title: string; version: number; themes: { id: string; title: string }[] };
  summary: SoaSummary;
  rows: SoaRow[];
}

export const soaControlSetId = 'iso27002';
const newestCatalogId = 'kravkatalog';

/**
 * The organisation's statement of applicability: from every live asset's newest fastställd
 * classification in it and below it, its plan as the catalog of that classification builds it,
 * and the plan items' statuses today.
 */
export async function soaData(deps: Pick<AppDeps, 'database' | 'forms' | 'organisations'>, organisationId: string, organisationIds: readonly string[]): Promise<SoaData> {
  const controlFile = deps.forms.latest(soaControlSetId);
  if (!controlFile) throw new AppError('conflict', 'No ISO/IEC 27002 control set is installed in forms/');
  const controlSet = contentAs(controlFile, 'control-set');
  const { db } = deps.database;
  const [classifications, statuses, justifications] = await Promise.all([
    faststalldaClassifications(db, organisationIds),
    classificationPlanStatuses(db, organisationIds),
    soaJustifications(db, organisationId),
  ]);
  // What the catalogs cover: those the plans were made from, and the newest one a new classification would use.
  const newestCatalog = deps.forms.latest(newestCatalogId);
  const catalogControls = new Set(newestCatalog ? contentAs(newestCatalog, 'requirement-catalog').requirements.flatMap((requirement) => requirement.iso27002) : []);
  const plans: SoaAssetPlan[] = [];
  for (const row of classifications) {
    const form = deps.forms.get(row.formId, row.formVersion);
    const catalog = form ? optionalContent(deps.forms, form, 'requirement-catalog') : undefined;
    if (!catalog) continue;
    for (const requirement of catalog.requirements) for (const control of requirement.iso27002) catalogControls.add(control);
    const { classification } = JSON.parse(row.result) as { classification: Classification };
    const plan = buildActionPlan(catalog, classification);
    plans.push({
      assetId: row.assetId,
      requirements: plan.requirements.map((requirement) => ({ ...requirement, status: statuses.get(planStatusKey(row.assetId, requirement.id)) ?? 'ej_bedomd' })),
    });
  }
  const { rows, summary } = statementOfApplicability(controlSet, plans, catalogControls, justifications);
  const tree = await deps.organisations.current();
  return {
    organisationName: tree.get(organisationId)?.name ?? '',
    generatedAt: new Date().toISOString(),
    controlSet: { title: controlSet.meta.title, version: controlSet.meta.version, themes: controlSet.themes.map(({ id, title }) => ({ id, title })) },
    summary,
    rows,
  };
}
