import type { AppDeps } from '../app-context';
import type { Actor } from '../assessments/change-status';
import type { Assessment } from '../assessments/assessment-store';
import { appendAuditEvent } from '../audit/audit-log';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { findTemplate } from './template-store';
import { templateFloorOf, type TemplateFloor } from './template-floor-check';
import { withTransaction } from '../db/transaction';

async function floorOrRefuse(deps: AppDeps, assessment: Assessment): Promise<TemplateFloor> {
  const floor = await templateFloorOf(deps.database.db, assessment, (assessment.result as { classification?: never } | null)?.classification);
  if (!floor) throw new AppError('conflict', 'This classification does not rest on a template');
  return floor;
}

/** The motivation of a lowering below the template, written in the workshop (utkast only); null clears it. */
export async function setLoweringMotivation(deps: AppDeps, assessment: Assessment, aspect: string, motivation: string | null, actorUserId: string): Promise<void> {
  if (assessment.status !== 'utkast') throw new AppError('conflict', 'Motivations are written while the classification is an utkast', { status: assessment.status });
  const { adoption, report } = await floorOrRefuse(deps, assessment);
  if (!report.aspects.some((entry) => entry.aspect === aspect)) throw new AppError('validation_failed', `No aspect ${aspect}`, [{ field: 'body.aspect', message: 'not an aspect of the model' }]);
  const motivations = { ...adoption.motivations };
  if (motivation) motivations[aspect] = motivation;
  else delete motivations[aspect];
  await withTransaction(deps.database.db, async (trx) => {
    await trx.updateTable('template_adoptions').set({ motivations: JSON.stringify(motivations) }).where('id', '=', adoption.id).execute();
    await appendAuditEvent(trx, { actorUserId, organisationId: assessment.organisationId, assetId: assessment.assetId, action: 'template.lowering_motivated', entityType: 'assessment', entityId: assessment.id, payload: { aspect, motivation } });
  });
}

/**
 * The approval a lowering needs, given by the informationsägare (beslutsfattare) the template names:
 * the central organisation's or the local one's. Recorded like a sign-off step, for this aspect at
 * this local level only: a later change of the level needs a new approval.
 */
export async function approveLowering(deps: AppDeps, assessment: Assessment, input: { aspect: string; statement: string }, actor: Actor, principal: Principal): Promise<void> {
  if (assessment.status === 'faststalld') throw new AppError('conflict', 'The classification is already fastställd');
  const { version, report } = await floorOrRefuse(deps, assessment);
  const aspect = report.aspects.find((entry) => entry.aspect === input.aspect);
  if (!aspect || aspect.deviation !== 'lowering') throw new AppError('conflict', `${input.aspect} is not lowered below the template; nothing to approve`);
  if (version.loweringPolicy === 'never') throw new AppError('conflict', `The template “${version.name}” does not allow lowering`);
  if (!aspect.motivation) throw new AppError('conflict', `The lowering of ${input.aspect} has no motivation yet`);
  const tree = await deps.organisations.current();
  const template = (await findTemplate(deps.database.db, version.templateId))!;
  const where = version.loweringApprover === 'central' ? template.organisationId : assessment.organisationId;
  const scope = tree.selfAndAncestors(where);
  if (!principal.memberships.some((membership) => membership.role === 'beslutsfattare' && scope.includes(membership.organisationId))) {
    throw new AppError('forbidden', `The template demands the ${version.loweringApprover === 'central' ? 'central' : 'local'} informationsägare’s approval (a beslutsfattare of ${tree.get(where)?.name ?? where})`);
  }
  const { db } = deps.database;
  await withTransaction(db, async (trx) => {
    const user = await trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    const id = newId();
    await trx
      .insertInto('lowering_approvals')
      .values({ id, assessment_id: assessment.id, template_version_id: version.id, aspect: aspect.aspect, template_level: aspect.templateLevel, local_level: aspect.localLevel, motivation: aspect.motivation!, user_id: actor.userId, user_name: user.name, role: actor.role, statement: input.statement, created_at: nowIso() })
      .execute();
    await appendAuditEvent(trx, {
      actorUserId: actor.userId,
      organisationId: assessment.organisationId,
      assetId: assessment.assetId,
      action: 'assessment.approval_given',
      entityType: 'assessment',
      entityId: assessment.id,
      payload: { step: 'lowering', approvalId: id, role: actor.role, statement: input.statement, aspect: aspect.aspect, templateLevel: aspect.templateLevel, localLevel: aspect.localLevel, motivation: aspect.motivation, templateVersionId: version.id },
    });
  });
}
