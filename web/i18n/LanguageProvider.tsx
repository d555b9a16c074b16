import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGUAGE_STORAGE_KEY, LanguageContext, readStoredLanguage, type Language } from './LanguageContext';

/** Holds the chosen language (Vietnamese by default), remembers it and keeps dayjs and `<html lang>` in step. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(readStoredLanguage);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Private mode or a full storage: the choice lasts for this page only.
    }
  }, []);

  // Before children render, so that date pickers pick up the locale on first paint.
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}
