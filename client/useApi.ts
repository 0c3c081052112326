import { useCallback, useEffect, useState } from 'react';
import { getJson } from './api';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; data: T };

/** Loads one resource, aborts when the component goes away, and can be retried or reloaded. */
export function useApi<T>(path: string): { state: ApiState<T>; retry(): void; replace(data: T): void } {
  const [attempt, setAttempt] = useState(0);
  const key = `${attempt}:${path}`;
  const [settled, setSettled] = useState<{ key: string; state: ApiState<T> } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => setSettled({ key, state: { status: 'ready', data } }),
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
