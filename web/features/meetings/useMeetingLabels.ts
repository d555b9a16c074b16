import { useCallback } from 'react';
import { MEETING_TYPE_LABELS, type MeetingType } from '../../../common/meetings';
import { useLanguage } from '../../i18n/useLanguage';

/** Labels of meeting enums in the current language. */
export function useMeetingLabels() {
  const { lang } = useLanguage();
  const type = useCallback((value: MeetingType) => MEETING_TYPE_LABELS[value][lang], [lang]);
  return { type };
}
