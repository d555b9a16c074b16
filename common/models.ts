import { COMMENDATION_LEVEL_LABELS, COMMENDATION_LEVELS, type CommendationLevel } from './commendations';

/** Exemplary models and good practices (issue 3, "Models and good practices"): enums shared by server and web. */
export const MODEL_KINDS = ['collective_model', 'individual_example', 'good_practice', 'creative_approach'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const MODEL_KIND_LABELS: Record<ModelKind, { vi: string; en: string }> = {
  collective_model: { vi: 'Mô hình tập thể', en: 'Collective model' },
  individual_example: { vi: 'Gương cá nhân điển hình', en: 'Individual example' },
  good_practice: { vi: 'Cách làm hay', en: 'Good practice' },
  creative_approach: { vi: 'Cách làm sáng tạo', en: 'Creative approach' },
};

/** proposed → recognised → replicated; archived from any state. */
export const MODEL_STATUSES = ['proposed', 'recognised', 'replicated', 'archived'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export const MODEL_STATUS_LABELS: Record<ModelStatus, { vi: string; en: string }> = {
  proposed: { vi: 'Đề xuất', en: 'Proposed' },
  recognised: { vi: 'Đã công nhận', en: 'Recognised' },
  replicated: { vi: 'Đã nhân rộng', en: 'Replicated' },
  archived: { vi: 'Lưu trữ', en: 'Archived' },
};

/** The level of the committee that recognised a model: the levels of a commendation decision. */
export const RECOGNITION_LEVELS = COMMENDATION_LEVELS;
export type RecognitionLevel = CommendationLevel;
export const RECOGNITION_LEVEL_LABELS = COMMENDATION_LEVEL_LABELS;

/** One person of an individual example (or of a collective model's core group). */
export interface ModelPerson {
  name: string;
  position: string | null;
}

/** A measured result: "Hộ thoát nghèo: 35 hộ". */
export interface ModelIndicator {
  indicator: string;
  value: number;
  unit: string | null;
}
