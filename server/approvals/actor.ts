import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import type { Permission } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { Actor } from '../assessments/change-status';
import { actingRole } from './acting-role';

/** The caller as the actor of a sign-off step: their user id and the role they act in here. */
export async function actorIn(c: Context<AppEnv>, principal: Principal, permission: Permission, organisationId: string): Promise<Actor> {
  const tree = await c.get('deps').organisations.current();
  return { userId: principal.userId, role: actingRole(principal, permission, organisationId, tree) };
}
