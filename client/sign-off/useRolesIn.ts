import { useMemo } from 'react';
import type { Role } from '../contract/api-types';
import { useReadySession } from '../session/SessionProvider';
import { useApi } from '../useApi';
import { rolesIn } from './allowed-actions';

/**
 * The roles the user holds in an organisation, counting roles held above it. Until the
 * organisation tree has loaded only the roles held in the organisation itself count.
 */
export function useRolesIn(organisationId: string): ReadonlySet<Role> {
  const { memberships } = useReadySession();
  const { state } = useApi<'/api/organisations'>('/api/organisations');
  const organisations = state.status === 'ready' ? state.data.organisations : null;
  return useMemo(() => rolesIn(organisationId, memberships, organisations ?? []), [organisationId, memberships, organisations]);
}
