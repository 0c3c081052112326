import type { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-context';
import { latestRound } from '../assessments/assessment-store';
import { diffTemplateVersions } from './template-diff';
import { templateFloorOf } from './template-floor-check';
import type { adoptionViewSchema } from './template-schemas';
import { adoptionOfAsset, findTemplate, findVersion } from './template-store';

export type AdoptionView = z.infer<typeof adoptionViewSchema>;

function withoutAnswers<T extends { answers: unknown }>(version: T): Omit<T, 'answers'> {
  const { answers: _answers, ...rest } = version;
  return rest;
}

/** What an adopted asset shows: the template and version, any change to review, the floor per aspect and the approvals. */
export async function adoptionView(deps: AppDeps, assetId: string): Promise<AdoptionView | null> {
  const { db } = deps.database;
  const adoption = await adoptionOfAsset(db, assetId);
  if (!adoption) return null;
  const template = (await findTemplate(db, adoption.templateId))!;
  const version = (await findVersion(db, adoption.templateVersionId))!;
  const pending = adoption.pendingVersionId ? await findVersion(db, adoption.pendingVersionId) : undefined;
  const assessment = await latestRound(db, assetId, 'classification');
  const floor = assessment ? await templateFloorOf(db, assessment, (assessment.result as { classification?: never } | null)?.classification) : undefined;
  const approvals = assessment ? await db.selectFrom('lowering_approvals').selectAll().where('assessment_id', '=', assessment.id).orderBy('created_at').execute() : [];
  const tree = await deps.organisations.current();
  return {
    adoption: { id: adoption.id, templateId: template.id, templateName: version.name, organisationName: tree.get(template.organisationId)?.name ?? '', adoptedAt: adoption.adoptedAt, reviewedAt: adoption.reviewedAt },
    version: withoutAnswers(version),
    changed: pending ? { version: pending.version, diff: diffTemplateVersions(version, pending) } : null,
    floor: assessment && floor ? { assessmentId: assessment.id, status: assessment.status, report: floor.report } : null,
    approvals: approvals.map((row) => ({ id: row.id, aspect: row.aspect, templateLevel: row.template_level, localLevel: row.local_level, motivation: row.motivation, userName: row.user_name, role: row.role, statement: row.statement, createdAt: row.created_at, templateVersionId: row.template_version_id })),
  };
}
