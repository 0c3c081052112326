import type { Context } from 'hono';
import type { AppEnv } from '../app-context';
import { authorize, requirePrincipal } from '../auth/access';
import { type Permission, roleAllows } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import type { OrganisationTree } from '../organisations/organisation-tree';
import { findTemplate, type Template } from './template-store';

/**
 * Where a principal may see templates: a template belongs to a central organisation and is visible
 * to everyone with a role in it, above it or anywhere below it; never to a sibling branch.
 */
export function templateOrganisationsVisibleTo(principal: Principal, tree: OrganisationTree): Set<string> {
  const visible = new Set<string>();
  for (const membership of principal.memberships) {
    if (!roleAllows(membership.role, 'template.read')) continue;
    for (const id of tree.selfAndAncestors(membership.organisationId)) visible.add(id);
    for (const id of tree.selfAndDescendants(membership.organisationId)) visible.add(id);
  }
  return visible;
}

/** Loads a template the caller may see (404 otherwise) and, for anything beyond reading, checks the permission in its organisation. */
export async function templateWithPermission(c: Context<AppEnv>, id: string, permission: Permission): Promise<{ template: Template; principal: Principal }> {
  const principal = requirePrincipal(c);
  const deps = c.get('deps');
  const template = await findTemplate(deps.database.db, id);
  if (!template || !templateOrganisationsVisibleTo(principal, await deps.organisations.current()).has(template.organisationId)) throw new AppError('not_found', 'No such template');
  if (permission !== 'template.read') await authorize(c, permission, template.organisationId, 'template');
  return { template, principal };
}

/** The nearest central organisation at or above one: the owner of what it publishes. */
export function centralOrganisationOf(tree: OrganisationTree, organisationId: string): string | undefined {
  return tree.selfAndAncestors(organisationId).find((id) => tree.get(id)?.isCentral);
}
