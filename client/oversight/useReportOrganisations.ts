import { useState } from 'react';
import type { Role } from '../contract/api-types';
import { useSession } from '../session/SessionProvider';

/**
 * The organisations where the user holds one of the roles, and the one chosen on the page
 * (the header's organisation when it is one of them). The server checks again per request.
 */
export function useReportOrganisations(roles: readonly Role[]) {
  const { state, organisationId } = useSession();
  const memberships = state.status === 'ready' ? state.session.memberships : [];
  const choices = [...new Map(memberships.filter((membership) => roles.includes(membership.role)).map((membership) => [membership.organisationId, membership.organisationName])).entries()].map(([id, name]) => ({ id, name }));
  const preferred = choices.find((choice) => choice.id === organisationId)?.id ?? choices[0]?.id ?? '';
  const [chosen, setChosen] = useState('');
  const current = choices.some((choice) => choice.id === chosen) ? chosen : preferred;
  return { choices, current, setCurrent: setChosen };
}
