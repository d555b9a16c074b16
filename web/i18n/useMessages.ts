import { useCallback } from 'react';
import { useLanguage } from './useLanguage';
import type { TranslateParams } from './useT';

/** A feature's own texts: Vietnamese (every key) and English (the same keys). */
export interface FeatureMessages<K extends string> {
  vi: Record<K, string>;
  en: Record<K, string>;
}

/**
 * `t(key, params?)` over one feature's dictionary, in the current language. Features keep their texts beside their
 * pages (`web/features/<domain>/messages.ts`) so that two features never edit one shared file.
 */
export function useMessages<K extends string>(messages: FeatureMessages<K>) {
  const { lang } = useLanguage();
  return useCallback(
    (key: K, params?: TranslateParams) => {
      const template = messages[lang][key] ?? messages.vi[key];
      if (!params) {
        return template;
      }
      return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
    },
    [lang, messages],
  );
}
