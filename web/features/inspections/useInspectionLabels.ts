import {
  INSPECTION_FORM_LABELS,
  INSPECTION_KIND_LABELS,
  INSPECTION_STEP_LABELS,
  MEMBER_ROLE_LABELS,
  PLAN_STATUS_LABELS,
  RECOMMENDATION_CATEGORY_LABELS,
  RECOMMENDATION_STATUS_LABELS,
} from '../../../common/inspections';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../common/org-units';
import { useLanguage } from '../../i18n/useLanguage';

/** Enum labels of the feature in the current language (the lists live in common/inspections.ts). */
export function useInspectionLabels() {
  const { lang } = useLanguage();
  const pick =
    <K extends string>(labels: Record<K, { vi: string; en: string }>) =>
    (key: K) =>
      labels[key][lang];
  return {
    kind: pick(INSPECTION_KIND_LABELS),
    form: pick(INSPECTION_FORM_LABELS),
    step: pick(INSPECTION_STEP_LABELS),
    role: pick(MEMBER_ROLE_LABELS),
    planStatus: pick(PLAN_STATUS_LABELS),
    category: pick(RECOMMENDATION_CATEGORY_LABELS),
    status: pick(RECOMMENDATION_STATUS_LABELS),
    level: (kind: string) => UNIT_KIND_LABELS[kind as UnitKind]?.[lang] ?? kind,
  };
}
