import { useMemo } from 'react';
import {
  COMMENDATION_FORM_LABELS,
  COMMENDATION_FORMS,
  COMMENDATION_LEVEL_LABELS,
  COMMENDATION_LEVELS,
  COMMENDATION_SYSTEM_LABELS,
  COMMENDATION_SYSTEMS,
  COMMENDATION_TYPE_LABELS,
  COMMENDATION_TYPES,
  RECIPIENT_TYPE_LABELS,
  RECIPIENT_TYPES,
} from '../../../common/commendations';
import { useLanguage } from '../../i18n/useLanguage';

/** Enum labels and select options in the current language. */
export function useCommendationLabels() {
  const { lang } = useLanguage();
  return useMemo(() => {
    const build = <K extends string>(keys: readonly K[], labels: Record<K, { vi: string; en: string }>) => ({
      label: (key: K) => labels[key]?.[lang] ?? key,
      options: keys.map((key) => ({ value: key, label: labels[key][lang] })),
    });
    return {
      level: build(COMMENDATION_LEVELS, COMMENDATION_LEVEL_LABELS),
      form: build(COMMENDATION_FORMS, COMMENDATION_FORM_LABELS),
      type: build(COMMENDATION_TYPES, COMMENDATION_TYPE_LABELS),
      system: build(COMMENDATION_SYSTEMS, COMMENDATION_SYSTEM_LABELS),
      recipientType: build(RECIPIENT_TYPES, RECIPIENT_TYPE_LABELS),
    };
  }, [lang]);
}
