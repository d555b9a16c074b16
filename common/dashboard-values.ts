import { COMMENDATION_LEVEL_LABELS, RECIPIENT_TYPE_LABELS } from './commendations';
import type { RecordColumnKind } from './dashboard';
import { formatDateVi } from './dates';
import {
  INSPECTION_FORM_LABELS,
  INSPECTION_KIND_LABELS,
  INSPECTION_STEP_LABELS,
  RECOMMENDATION_CATEGORY_LABELS,
  RECOMMENDATION_STATUS_LABELS,
} from './inspections';
import { MEETING_TYPE_LABELS } from './meetings';
import { MODEL_KIND_LABELS, MODEL_STATUS_LABELS } from './models';

const ENUM_LABELS: Partial<Record<RecordColumnKind, Record<string, { vi: string; en: string }>>> = {
  commendationLevel: COMMENDATION_LEVEL_LABELS,
  recipientType: RECIPIENT_TYPE_LABELS,
  modelStatus: MODEL_STATUS_LABELS,
  modelKind: MODEL_KIND_LABELS,
  meetingType: MEETING_TYPE_LABELS,
  inspectionKind: INSPECTION_KIND_LABELS,
  inspectionForm: INSPECTION_FORM_LABELS,
  inspectionStep: INSPECTION_STEP_LABELS,
  recommendationStatus: RECOMMENDATION_STATUS_LABELS,
  recommendationCategory: RECOMMENDATION_CATEGORY_LABELS,
};

/** A record-list value as a reader sees it (the label of a coded value), in the UI and in the XLSX export alike. */
export function recordValueLabel(kind: RecordColumnKind, value: string | null, language: 'vi' | 'en' = 'vi'): string {
  if (value === null) {
    return '';
  }
  if (kind === 'date') {
    return formatDateVi(value);
  }
  return ENUM_LABELS[kind]?.[value]?.[language] ?? value;
}
