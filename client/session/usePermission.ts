import { useMemo } from 'react';
import { type ClientPermission as Permission, roleAllows } from './permissions';
import { rolesIn } from '../sign-off/allowed-actions';
import { useApi } from '../useApi';
import { useReadySession } from './SessionProvider';

export type PermissionAnswer = 'unknown' | 'allowed' | 'denied';

/**
 * Whether the user may do something in an organisation, by the server's own permission table
 * (a role held above an organisation also holds in it). 'unknown' until the organisation tree
 * has loaded, so a page neither flashes edit controls nor refuses someone who may edit.
 * The server decides every request again; this only keeps the UI from offering what it would refuse.
 */
export function usePermission(permission: Permission, organisationId: string): PermissionAnswer {
  const { memberships } = useReadySession();
  const { state } = useApi<'/api/organisations'>('/api/organisations');
  return useMemo(() => {
    const direct = memberships.some((membership) => membership.organisationId === organisationId && roleAllows(membership.role, permission));
    if (direct) return 'allowed';
    if (state.status === 'loading') return 'unknown';
    const organisations = state.status === 'ready' ? state.data.organisations : [];
    return [...rolesIn(organisationId, memberships, organisations)].some((role) => roleAllows(role, permission)) ? 'allowed' : 'denied';
  }, [permission, organisationId, memberships, state]);
}
