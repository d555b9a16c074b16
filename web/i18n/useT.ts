import { useCallback } from 'react';
import { en } from './en';
import { useLanguage } from './useLanguage';
import { vi, type MessageKey } from './vi';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const DICTIONARIES = { vi, en } as const;

export function translate(lang: 'vi' | 'en', key: MessageKey, params?: TranslateParams): string {
  const template: string = DICTIONARIES[lang][key] ?? vi[key];
  if (!params) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** `t('orgTree.title')`, `t('users.total', { count: 3 })` in the current language. */
export function useT(): Translate {
  const { lang } = useLanguage();
  return useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
}
