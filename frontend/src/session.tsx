import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { canWrite, fetchMe, onUnauthorized, signOut, type Me } from './api/session';

interface SessionState {
  me: Me | null;
  /** True once the first "who am I" answered. */
  known: boolean;
  canWrite: boolean;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState>({
  me: null, known: false, canWrite: false, refresh: async () => {}, signOut: async () => {},
});

/** Who is signed in; any 401 from the API (or no session at start) leads to the sign-in page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [known, setKnown] = useState(false);
  const navigate = useNavigate();

  const toSignIn = useCallback(() => {
    setMe(null);
    if (window.location.pathname !== '/login') {
      navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true });
    }
  }, [navigate]);

  const refresh = useCallback(async () => {
    const who = await fetchMe().catch(() => null);
    setMe(who);
    setKnown(true);
    if (!who) toSignIn();
  }, [toSignIn]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => onUnauthorized(toSignIn), [toSignIn]);

  const doSignOut = useCallback(async () => {
    await signOut();
    setMe(null);
    navigate('/login', { replace: true });
  }, [navigate]);

  return (
    <SessionContext.Provider value={{ me, known, canWrite: canWrite(me), refresh, signOut: doSignOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** Renders its children only for users who may write (PLANNER, ADMIN): viewers do not see write actions. */
export function WriteAction({ children }: { children: ReactNode }) {
  return useSession().canWrite ? <>{children}</> : null;
}
