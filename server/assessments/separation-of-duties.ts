import type { AppDeps } from '../app-context';
import { AppError } from '../errors';
import type { OrganisationTree } from '../organisations/organisation-tree';
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
  if (separationRequired(await deps.organisations.current(), assessment.organisationId)) {
    const message = 'You sent this round for review or marked it ready, so someone else must decide it (separation of duties)';
    throw new AppError('separation_of_duties', message, { organisationId: assessment.organisationId });
  }
  return { sameAsPreparer: true };
}

/** Whether separation of duties holds in an organisation: turned off for one, it is off for every organisation below it too. */
export function separationRequired(tree: OrganisationTree, organisationId: string): boolean {
  return !tree.selfAndAncestors(organisationId).some((id) => tree.get(id)?.separationOfDuties === false);
}
