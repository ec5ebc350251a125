import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from './api.ts';
import type { Locale, Me } from './api-types.ts';
import { useI18n } from './i18n/i18n.tsx';
import { navigate } from './router.tsx';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'anonymous' }
  | { status: 'signed-in'; user: Me };

export interface Session {
  state: SessionState;
  user: Me | undefined;
  signedIn: (user: Me) => void;
  signOut: () => Promise<void>;
  /** Called when the server says the session is gone (expired, revoked elsewhere). */
  expired: () => void;
  changeLocale: (locale: Locale) => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'internal', String(error));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const signedIn = useCallback(
    (user: Me) => {
      setState({ status: 'signed-in', user });
      setLocale(user.locale);
    },
    [setLocale],
  );

  useEffect(() => {
    let cancelled = false;
    api.getSession().then(
      ({ user }) => {
        if (!cancelled) signedIn(user);
      },
      (error: unknown) => {
        if (cancelled) return;
        const apiError = asApiError(error);
        setState(apiError.status === 401 ? { status: 'anonymous' } : { status: 'failed', error: apiError });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, signedIn]);

  const user = state.status === 'signed-in' ? state.user : undefined;

  const value = useMemo<Session>(
    () => ({
      state,
      user,
      signedIn,
      expired: () => setState({ status: 'anonymous' }),
      retry: () => {
        setState({ status: 'loading' });
        setAttempt((n) => n + 1);
      },
      signOut: async () => {
        try {
          await api.signOut();
        } catch (error) {
          // Already signed out on the server is the outcome we wanted anyway.
          if (asApiError(error).status !== 401) throw error;
        }
        setState({ status: 'anonymous' });
        navigate('/login');
      },
      changeLocale: async (locale) => {
        if (!user) {
          setLocale(locale);
          return;
        }
        const previous = user.locale;
        setLocale(locale);
        try {
          const result = await api.updateMe({ locale });
          setState({ status: 'signed-in', user: result.user });
        } catch (error) {
          setLocale(previous);
          throw error;
        }
      },
    }),
    [state, user, signedIn, setLocale],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it.');
  return value;
}

/** The signed-in user; only for components rendered inside the application shell. */
export function useUser(): Me {
  const { user } = useSession();
  if (!user) throw new Error('useUser is only available after sign-in.');
  return user;
}
