import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { format, type Language, type MessageKey } from './messages';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface LanguageContextValue {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** A date or time shown in Europe/Stockholm, whatever the browser's zone. */
  formatDate(iso: string, withTime?: boolean): string;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);
const storageKey = 'sigill.language';

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(storageKey);
  return stored === 'en' ? 'en' : 'sv';
}

/** Swedish by default; the choice is remembered in the browser and set on <html lang>. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(storageKey, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<LanguageContextValue>(() => {
    const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
    const dateFormat = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short' });
    return {
      language,
      setLanguage,
      t: (key, values) => format(language, key, values),
      formatDate: (iso, withTime = false) => {
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        return (withTime ? dateTimeFormat : dateFormat).format(date);
      },
    };
  }, [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage needs a LanguageProvider above it');
  return value;
}
