import type { Kysely, Transaction } from 'kysely';
import type { Classification } from '../../scoring/classification/classification-types';
import { compareWithTemplate, type FloorReport, levelSnapshot } from '../../scoring/classification/template-floor';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { type Adoption, adoptionOfAsset, findVersion, type TemplateVersion } from './template-store';

type Db = Kysely<Database> | Transaction<Database>;

export interface TemplateFloor {
  adoption: Adoption;
  version: TemplateVersion;
  report: FloorReport;
}

/** The local level each aspect's lowering was last approved for, against the version the adoption rests on. */
async function approvedLevels(db: Db, assessmentId: string, versionId: string): Promise<Record<string, number | null>> {
  const rows = await db.selectFrom('lowering_approvals').select(['aspect', 'local_level']).where('assessment_id', '=', assessmentId).where('template_version_id', '=', versionId).orderBy('created_at').orderBy('id').execute();
  return Object.fromEntries(rows.map((row) => [row.aspect, row.local_level]));
}

/** How a classification of an adopted asset stands against its template; undefined when the asset adopted none. */
export async function templateFloorOf(db: Db, assessment: { id: string; assetId: string; kind: string }, classification: Pick<Classification, 'profile' | 'informationSets'> | undefined): Promise<TemplateFloor | undefined> {
  if (assessment.kind !== 'classification' || !classification) return undefined;
  const adoption = await adoptionOfAsset(db, assessment.assetId);
  if (!adoption) return undefined;
  const version = await findVersion(db, adoption.templateVersionId);
  if (!version) return undefined;
  const report = compareWithTemplate({
    template: version.levels,
    local: levelSnapshot(classification),
    policy: version.loweringPolicy,
    motivations: adoption.motivations,
    approvedLevels: await approvedLevels(db, assessment.id, version.id),
  });
  return { adoption, version, report };
}

function levelText(aspect: string, level: number | null): string {
  return level === null ? `${aspect} ej bedömd` : `${aspect}${level}`;
}

/**
 * The floor rule at each step: a save may not store a lowering the template forbids; a lowering
 * needs its motivation before review, and the approval the template demands before the decision.
 */
export async function assertTemplateFloor(db: Db, assessment: { id: string; assetId: string; kind: string }, result: unknown, step: 'save' | 'submit' | 'decide'): Promise<void> {
  const classification = (result as { classification?: Classification } | null)?.classification;
  const floor = await templateFloorOf(db, assessment, classification);
  if (!floor) return;
  const { report, version } = floor;
  const describe = (codes: string[]) => codes.map((code) => {
    const aspect = report.aspects.find((entry) => entry.aspect === code)!;
    return { field: `profile.${code}`, message: `${levelText(code, aspect.localLevel)} is below the template’s ${levelText(code, aspect.templateLevel)}` };
  });
  if (report.forbidden.length > 0) {
    throw new AppError('validation_failed', `The template “${version.name}” (version ${version.version}) does not allow lowering ${report.forbidden.join(', ')}; raise it again or keep the template’s level`, describe(report.forbidden));
  }
  if (step !== 'save' && report.unmotivated.length > 0) {
    throw new AppError('conflict', `Lowering ${report.unmotivated.join(', ')} below the template “${version.name}” needs a motivation`, { aspects: describe(report.unmotivated) });
  }
  if (step === 'decide' && report.unapproved.length > 0) {
    const approver = version.loweringApprover === 'central' ? 'the central informationsägare' : 'the local informationsägare';
    throw new AppError('conflict', `Lowering ${report.unapproved.join(', ')} below the template “${version.name}” needs the approval of ${approver} before it can be fastställd`, { aspects: describe(report.unapproved) });
  }
}
