import type { Transaction } from 'kysely';
import type { Database, Role } from '../db/schema';
import { nowIso } from '../ids';
import type { RoleMapping } from './provider-schemas';

export interface RoleGrant {
  organisationId: string;
  role: Role;
}

/** The roles a login's groups map to, limited to the provider's organisations. */
export function mappedRoles(mappings: readonly RoleMapping[], groups: readonly string[], scope: readonly string[]): RoleGrant[] {
  const held = new Set(groups);
  const unique = new Map<string, RoleGrant>();
  for (const mapping of mappings) {
    if (!held.has(mapping.value) || !scope.includes(mapping.organisationId)) continue;
    unique.set(`${mapping.organisationId} ${mapping.role}`, { organisationId: mapping.organisationId, role: mapping.role });
  }
  return [...unique.values()];
}

/**
 * Makes the account's roles in the provider's organisations exactly the mapped ones: the IdP's
 * groups are the source of truth there, so a group removed at the IdP removes the role at the
 * next login. Roles elsewhere (another provider's organisations) are left alone.
 */
export async function syncRoles(trx: Transaction<Database>, userId: string, scope: readonly string[], wanted: readonly RoleGrant[]) {
  const key = (grant: RoleGrant) => `${grant.organisationId} ${grant.role}`;
  const current = scope.length === 0 ? [] : await trx.selectFrom('memberships').select(['organisation_id', 'role'])
    .where('user_id', '=', userId).where('organisation_id', 'in', [...scope]).execute();
  const have = new Map(current.map((row) => [`${row.organisation_id} ${row.role}`, { organisationId: row.organisation_id, role: row.role }]));
  const want = new Map(wanted.map((grant) => [key(grant), grant]));
  const removed = [...have.values()].filter((grant) => !want.has(key(grant)));
  const added = [...want.values()].filter((grant) => !have.has(key(grant)));
  for (const grant of removed) {
    await trx.deleteFrom('memberships').where('user_id', '=', userId).where('organisation_id', '=', grant.organisationId).where('role', '=', grant.role).execute();
  }
  if (added.length > 0) {
    const rows = added.map((grant) => ({ user_id: userId, organisation_id: grant.organisationId, role: grant.role, granted_at: nowIso() }));
    await trx.insertInto('memberships').values(rows).execute();
  }
  return { added, removed };
}
