import type { Permission } from '../auth/permissions';
import { roleAllows } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { Role } from '../db/schema';
import type { OrganisationTree } from '../organisations/organisation-tree';

/**
 * The role someone acts in when they approve: the one held nearest the organisation that grants
 * the permission. The protocol prints it ("Anna Berg, beslutsfattare").
 */
export function actingRole(principal: Principal, permission: Permission, organisationId: string, tree: OrganisationTree): Role {
  const scope = tree.selfAndAncestors(organisationId);
  for (const organisation of scope) {
    const membership = principal.memberships.find((candidate) => candidate.organisationId === organisation && roleAllows(candidate.role, permission));
    if (membership) return membership.role;
  }
  throw new Error(`${principal.userId} holds no role allowing ${permission}`);
}
