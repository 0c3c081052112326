import type { AppDeps } from '../app-context';
import { AppError } from '../errors';
import type { Assessment } from './assessment-store';
import { preparersOf } from './preparers-store';

/**
 * Separation of duties (issue 13 finding 7): whoever sent a round for review or marked it ready may
 * not decide it, unless an admin turned the rule off for the asset's organisation or one above it. Then the decision
 * is allowed and says so (`sameAsPreparer`), and the protocol prints it.
 */
export async function assertSeparateDuties(deps: AppDeps, assessment: Assessment, deciderUserId: string): Promise<{ sameAsPreparer: boolean }> {
  const preparers = await preparersOf(deps.database.db, assessment.id);
  if (!preparers.has(deciderUserId)) return { sameAsPreparer: false };
  // Turned off for an organisation, it is off for every organisation below it too.
  const tree = await deps.organisations.current();
  const turnedOff = tree.selfAndAncestors(assessment.organisationId).some((id) => tree.get(id)?.separationOfDuties === false);
  if (!turnedOff) {
    throw new AppError('separation_of_duties', 'You sent this round for review or marked it ready, so someone else must decide it (separation of duties)', { organisationId: assessment.organisationId });
  }
  return { sameAsPreparer: true };
}
