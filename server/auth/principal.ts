import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import type { OrganisationTree } from '../organisations/organisation-tree';
import { type Permission, roleAllows } from './permissions';

export interface Membership {
  organisationId: string;
  role: Role;
}

/** Who is asking: the logged-in user with every role they hold. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  memberships: Membership[];
}

export async function loadPrincipal(db: Kysely<Database>, userId: string): Promise<Principal | undefined> {
  const user = await db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', userId).where('is_active', '=', 1).executeTakeFirst();
  if (!user) return undefined;
  const memberships = await db.selectFrom('memberships').select(['organisation_id', 'role']).where('user_id', '=', userId).execute();
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    memberships: memberships.map((row) => ({ organisationId: row.organisation_id, role: row.role })),
  };
}

/** A role held in an organisation holds in every organisation below it. */
export function isAllowed(principal: Principal, permission: Permission, organisationId: string, tree: OrganisationTree): boolean {
  const scope = tree.selfAndAncestors(organisationId);
  return principal.memberships.some(
    (membership) => scope.includes(membership.organisationId) && roleAllows(membership.role, permission),
  );
}

/** Every organisation in which the principal holds the permission. */
export function organisationsAllowing(principal: Principal, permission: Permission, tree: OrganisationTree): string[] {
  const allowed = new Set<string>();
  for (const membership of principal.memberships) {
    if (!roleAllows(membership.role, permission)) continue;
    for (const id of tree.selfAndDescendants(membership.organisationId)) allowed.add(id);
  }
  return [...allowed];
}
