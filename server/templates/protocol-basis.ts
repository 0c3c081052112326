import type { AppDeps } from '../app-context';
import type { Assessment } from '../assessments/assessment-store';
import type { TemplateBasis } from '../protocols/protocol-types';
import { templateFloorOf } from './template-floor-check';
import { findTemplate } from './template-store';

/** The template a decided classification rests on, for its protocol: version, per-aspect levels and why they differ. */
export async function templateBasisOf(deps: AppDeps, assessment: Assessment): Promise<TemplateBasis | null> {
  const { db } = deps.database;
  const floor = await templateFloorOf(db, assessment, (assessment.result as { classification?: never } | null)?.classification);
  if (!floor) return null;
  const { version, report } = floor;
  const template = await findTemplate(db, version.templateId);
  const approvals = await db.selectFrom('lowering_approvals').selectAll().where('assessment_id', '=', assessment.id).where('template_version_id', '=', version.id).orderBy('created_at').execute();
  return {
    name: version.name,
    version: version.version,
    organisationName: (await deps.organisations.current()).get(template?.organisationId ?? '')?.name ?? '',
    profileText: version.profileText,
    loweringPolicy: version.loweringPolicy,
    aspects: report.aspects.map((aspect) => {
      const approval = approvals.filter((row) => row.aspect === aspect.aspect && row.local_level === aspect.localLevel).at(-1);
      return { aspect: aspect.aspect, templateLevel: aspect.templateLevel, localLevel: aspect.localLevel, deviation: aspect.deviation, motivation: aspect.motivation, approvedBy: approval ? `${approval.user_name} (${approval.created_at.slice(0, 10)})` : null };
    }),
    localSets: report.informationSets.filter((set) => set.inLocal && !set.inTemplate).map((set) => set.name),
    fulfilled: version.fulfilled,
  };
}
