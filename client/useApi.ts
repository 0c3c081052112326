import { useCallback, useEffect, useState } from 'react';
import type { ApiAnswer, ApiUrl } from './contract/api';
import { getUntyped, type GetRoute } from './api';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; data: T };

export interface ApiResource<T> {
  state: ApiState<T>;
  retry(): void;
  replace(data: T): void;
}

/**
 * Loads one resource, aborts when the component goes away, and can be retried or reloaded. The
 * route is named (`useApi<'/api/assets/:id'>(url)`): the URL must fit it and the answer's type is the server's.
 */
export function useApi<R extends GetRoute = never>(path: NoInfer<ApiUrl<R>>): ApiResource<ApiAnswer<R>> {
  return useResource<ApiAnswer<R>>(path);
}

// Generic over the answer rather than the route: resolving every route's answer inside a hook is
// more than the type checker will do, and useApi's signature has already tied the two together.
function useResource<T>(path: string): ApiResource<T> {
  const [attempt, setAttempt] = useState(0);
  const key = `${attempt}:${path}`;
  const [settled, setSettled] = useState<{ key: string; state: ApiState<T> } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getUntyped(path, controller.signal).then(
      (data) => setSettled({ key, state: { status: 'ready', data: data as T } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ key, state: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } });
      },
    );
    return () => controller.abort();
  }, [key, path]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const replace = useCallback((data: T) => setSettled({ key, state: { status: 'ready', data } }), [key]);
  // A settled answer for an older path or attempt is not shown: that request is still loading.
  const state: ApiState<T> = settled?.key === key ? settled.state : { status: 'loading' };
  return { state, retry, replace };
}
