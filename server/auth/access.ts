import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { AppError } from '../errors';
import type { Permission } from './permissions';
import { isAllowed, organisationsAllowing, type Principal } from './principal';

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new AppError('unauthorized', 'Log in first');
  return principal;
}

/**
 * Throws unless the principal holds the permission in the organisation. Someone who may not even
 * read that organisation's data gets 404, as if it did not exist, so ids of others' data leak nothing.
 */
export async function authorize(c: Context<AppEnv>, permission: Permission, organisationId: string, what = 'resource'): Promise<Principal> {
  const principal = requirePrincipal(c);
  const tree = await c.get('deps').organisations.current();
  if (isAllowed(principal, permission, organisationId, tree)) return principal;
  if (isAllowed(principal, 'organisation.read', organisationId, tree)) {
    throw new AppError('forbidden', `Your roles do not allow ${permission} here`);
  }
  throw new AppError('not_found', `No such ${what}`);
}

export async function allowedOrganisations(c: Context<AppEnv>, permission: Permission): Promise<string[]> {
  const principal = requirePrincipal(c);
  return organisationsAllowing(principal, permission, await c.get('deps').organisations.current());
}
