import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { getMe, signIn as apiSignIn, signOut as apiSignOut } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import type { Actor, Session, SessionMay } from '../api/contract.ts';
import { SESSION_HINT_STORAGE_KEY, readStorage, writeStorage } from '../lib/preferences.ts';

/** What the person may start, as the server decided it (nothing while signed out). */
const NOTHING: SessionMay = { createInstitution: false, proposeAgreement: false };

export type SessionState =
  | { status: 'loading'; actor: null; csrfToken: null; may: SessionMay }
  | { status: 'anonymous'; actor: null; csrfToken: null; may: SessionMay }
  | { status: 'signed-in'; actor: Actor; csrfToken: string; may: SessionMay };

type SessionContextValue = SessionState & {
  signIn: (email: string, password: string) => Promise<Actor>;
  signOut: () => Promise<void>;
};

const ANONYMOUS: SessionState = { status: 'anonymous', actor: null, csrfToken: null, may: NOTHING };
const LOADING: SessionState = { status: 'loading', actor: null, csrfToken: null, may: NOTHING };

const SessionContext = createContext<SessionContextValue | null>(null);

function signedIn(session: Session): SessionState {
  return {
    status: 'signed-in',
    actor: session.actor,
    csrfToken: session.csrfToken,
    may: session.may,
  };
}

/**
 * Holds the signed-in actor and the CSRF token every cookie-authenticated write must send.
 * The session cookie is httpOnly, so a storage hint remembers that a session may exist; without
 * it we skip GET /me, which would otherwise answer 401 to every anonymous visitor.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() =>
    readStorage(SESSION_HINT_STORAGE_KEY) === '1' ? LOADING : ANONYMOUS,
  );

  useEffect(() => {
    if (readStorage(SESSION_HINT_STORAGE_KEY) !== '1') return;
    const controller = new AbortController();
    getMe(controller.signal).then(
      (session) => setState(signedIn(session)),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          writeStorage(SESSION_HINT_STORAGE_KEY, null);
        }
        setState(ANONYMOUS);
      },
    );
    return () => controller.abort();
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await apiSignIn(email, password);
    writeStorage(SESSION_HINT_STORAGE_KEY, '1');
    setState(signedIn(session));
    return session.actor;
  }, []);

  const csrfToken = state.csrfToken;
  const signOut = useCallback(async () => {
    try {
      if (csrfToken) await apiSignOut(csrfToken);
    } catch (error) {
      // An expired session is as good as signed out; anything else is worth reporting.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    writeStorage(SESSION_HINT_STORAGE_KEY, null);
    setState(ANONYMOUS);
  }, [csrfToken]);

  const value = useMemo(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
