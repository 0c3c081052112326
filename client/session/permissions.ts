import type { Role } from '../contract/api-types';

/**
 * The rows of server/auth/permissions.ts that decide which edit controls the UI offers (the client
 * may not import server code; tests/unit/client/permissions.test.ts keeps these rows equal to the
 * server's). The server decides every request again.
 */
export const clientPermissions = {
  'asset.write': ['admin', 'isam', 'objektledare'],
  'assessment.start': ['admin', 'isam', 'objektledare', 'dso'],
  'assessment.edit': ['admin', 'isam', 'objektledare', 'dso'],
  'plan.edit': ['admin', 'isam', 'objektledare'],
} as const satisfies Record<string, readonly Role[]>;

export type ClientPermission = keyof typeof clientPermissions;

export function roleAllows(role: Role, permission: ClientPermission): boolean {
  return (clientPermissions[permission] as readonly Role[]).includes(role);
}
