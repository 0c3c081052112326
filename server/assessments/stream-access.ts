import type { AppDeps } from '../app-context';
import { isAllowed, loadPrincipal } from '../auth/principal';
import { findSessionByHash } from '../auth/sessions';

/**
 * Whether an open stream may go on: its session still exists, unexpired, and its user still may
 * read the assessment. A stream outlives the request that checked this, so it is checked again
 * now and then; a logout or a withdrawn role ends the stream within one check.
 */
export async function streamStillAllowed(deps: AppDeps, tokenHash: string, organisationId: string): Promise<boolean> {
  const session = await findSessionByHash(deps.database.db, tokenHash);
  if (!session) return false;
  const principal = await loadPrincipal(deps.database.db, session.userId);
  return principal !== undefined && isAllowed(principal, 'assessment.read', organisationId, await deps.organisations.current());
}
