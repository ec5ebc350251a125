import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';
import { useSession } from './session.tsx';

export type Resource<T> =
  | { status: 'loading'; reload: () => void }
  | { status: 'failed'; error: ApiError; reload: () => void }
  | { status: 'ready'; data: T; reload: () => void; update: (change: (current: T) => T) => void };

/** Loads data for a page; a lost session sends the person back to sign-in. */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const { expired } = useSession();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; data: T }>({
    status: 'loading',
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (cancelled) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'internal', String(error));
        if (apiError.status === 401) expired();
        setState({ status: 'failed', error: apiError });
      },
    );
    return () => {
      cancelled = true;
    };
    // The caller names what the loader depends on, as with useEffect.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (current: T) => T) => setState((current) => (current.status === 'ready' ? { status: 'ready', data: change(current.data) } : current)),
    [],
  );
  if (state.status === 'ready') return { ...state, reload, update };
  return { ...state, reload };
}

/** Runs a change; a lost session sends the person back to sign-in, other errors go to the caller. */
export function useAction() {
  const { expired } = useSession();
  return useCallback(
    async <T,>(run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) expired();
        throw error;
      }
    },
    [expired],
  );
}
