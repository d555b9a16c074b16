import { useContext } from 'react';
import { LanguageContext, type LanguageState } from './LanguageContext';

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
