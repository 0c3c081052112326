import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { authorize } from '../auth/access';
import type { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import { type Assessment, type AssessmentHead, findAssessment, findAssessmentHead } from './assessment-store';

/** Loads an assessment and checks the permission in its asset's organisation; invisible ones are 404. */
export async function assessmentWithPermission(c: Context<AppEnv>, id: string, permission: Permission, withResult = true): Promise<{ assessment: Assessment; principal: Principal }> {
  const assessment = await findAssessment(c.get('deps').database.db, id, withResult);
  if (!assessment) throw new AppError('not_found', 'No such assessment');
  const principal = await authorize(c, permission, assessment.organisationId, 'assessment');
  return { assessment, principal };
}

/** The same check on an assessment's head, for callers that load its answers themselves (the change path). */
export async function assessmentHeadWithPermission(c: Context<AppEnv>, id: string, permission: Permission): Promise<{ assessment: AssessmentHead; principal: Principal }> {
  const assessment = await findAssessmentHead(c.get('deps').database.db, id);
  if (!assessment) throw new AppError('not_found', 'No such assessment');
  const principal = await authorize(c, permission, assessment.organisationId, 'assessment');
  return { assessment, principal };
}
