import { useCallback, useEffect, useState } from 'react';

const storageKey = 'sigill.largeText';

/** Projector mode: a larger base font for the whole app (and SurveyJS, which reads it per model). */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => window.localStorage.getItem(storageKey) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', on);
  }, [on]);
  const set = useCallback((next: boolean) => {
    window.localStorage.setItem(storageKey, next ? '1' : '0');
    setOn(next);
    window.dispatchEvent(new Event('sigill-large-text'));
  }, []);
  return [on, set];
}

export function isLargeText(): boolean {
  return document.documentElement.classList.contains('large-text');
}
