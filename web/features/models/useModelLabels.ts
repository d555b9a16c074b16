import { useMemo } from 'react';
import {
  MODEL_KIND_LABELS,
  MODEL_KINDS,
  MODEL_STATUS_LABELS,
  MODEL_STATUSES,
  RECOGNITION_LEVEL_LABELS,
  RECOGNITION_LEVELS,
  type ModelKind,
  type ModelStatus,
  type RecognitionLevel,
} from '../../../common/models';
import { useLanguage } from '../../i18n/useLanguage';
import type { FieldRef } from './types';

/** Labels and select options of the models' enums, in the current language. */
export function useModelLabels() {
  const { lang } = useLanguage();
  return useMemo(
    () => ({
      kind: (kind: ModelKind) => MODEL_KIND_LABELS[kind]?.[lang] ?? kind,
      status: (status: ModelStatus) => MODEL_STATUS_LABELS[status]?.[lang] ?? status,
      level: (level: RecognitionLevel) => RECOGNITION_LEVEL_LABELS[level]?.[lang] ?? level,
      field: (field: FieldRef) => (lang === 'en' ? field.nameEn : field.nameVi),
      kindOptions: MODEL_KINDS.map((value) => ({ value, label: MODEL_KIND_LABELS[value][lang] })),
      statusOptions: MODEL_STATUSES.map((value) => ({ value, label: MODEL_STATUS_LABELS[value][lang] })),
      levelOptions: RECOGNITION_LEVELS.map((value) => ({ value, label: RECOGNITION_LEVEL_LABELS[value][lang] })),
    }),
    [lang],
  );
}
