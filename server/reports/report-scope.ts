import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { allowedOrganisations, authorize } from '../auth/access';
import type { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';

/**
 * The organisations a report on `organisationId` covers: it and everything below it that the caller
 * may see with the permission. Someone without it there gets 403, a stranger 404 (authorize()).
 */
export async function reportScope(c: Context<AppEnv>, permission: Permission, organisationId: string): Promise<{ principal: Principal; organisationIds: string[] }> {
  const principal = await authorize(c, permission, organisationId, 'organisation');
  const tree = await c.get('deps').organisations.current();
  const allowed = new Set(await allowedOrganisations(c, permission));
  return { principal, organisationIds: tree.selfAndDescendants(organisationId).filter((id) => allowed.has(id)) };
}
