import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, getJson, sendJson, setCsrfToken } from '../api';
import type { Role, Session } from '../contract/api-types';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'error'; error: Error } | { status: 'ready'; session: Session };

interface SessionContextValue {
  state: SessionState;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  reload(): void;
  /** The organisation the user works in ('' = all of their organisations). */
  organisationId: string;
  setOrganisationId(id: string): void;
  /** Whether the user holds one of the roles in any organisation (the server decides per organisation). */
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);
const organisationKey = 'sigill.organisation';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [organisationId, setOrganisationState] = useState(() => window.localStorage.getItem(organisationKey) ?? '');

  useEffect(() => {
    const controller = new AbortController();
    getJson<'/api/auth/me'>('/api/auth/me', controller.signal).then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setState({ status: 'ready', session });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
        else setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- a new attempt is what re-runs the request
  }, [attempt]);

  const login = useCallback(async (email: string, password: string) => {
    const session = await sendJson<'POST /api/auth/login'>('POST', '/api/auth/login', { email, password });
    setCsrfToken(session.csrfToken);
    setState({ status: 'ready', session });
  }, []);

  const logout = useCallback(async () => {
    try {
      // Ends the Sigill session; after a single sign-on the IdP's own logout follows, where it offers one.
      const { redirectUrl } = await sendJson<'POST /api/sso/logout'>('POST', '/api/sso/logout');
      if (redirectUrl) window.location.assign(redirectUrl);
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  const setOrganisationId = useCallback((id: string) => {
    window.localStorage.setItem(organisationKey, id);
    setOrganisationState(id);
  }, []);

  const value = useMemo<SessionContextValue>(() => {
    const memberships = state.status === 'ready' ? state.session.memberships : [];
    // A remembered organisation the user no longer belongs to falls back to all of them.
    const known = memberships.some((membership) => membership.organisationId === organisationId);
    return {
      state,
      login,
      logout,
      reload: () => setAttempt((count) => count + 1),
      organisationId: known ? organisationId : '',
      setOrganisationId,
      hasRole: (...roles) => memberships.some((membership) => roles.includes(membership.role)),
    };
  }, [state, login, logout, organisationId, setOrganisationId]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it');
  return value;
}

/** For pages that only render once logged in. */
export function useReadySession(): Session {
  const { state } = useSession();
  if (state.status !== 'ready') throw new Error('This page needs a logged-in session');
  return state.session;
}
