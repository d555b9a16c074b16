/** Inspection and supervision enums and rules shared by server and web (DOMAIN-NOTES §3, GLOSSARY). */
import type { UnitKind } from './org-units';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const PLAN_STATUSES = ['draft', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Labels<PlanStatus> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
};

export const INSPECTION_KINDS = ['inspection', 'supervision'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Labels<InspectionKind> = {
  inspection: { vi: 'Kiểm tra', en: 'Inspection' },
  supervision: { vi: 'Giám sát', en: 'Supervision' },
};

export const INSPECTION_FORMS = ['thematic', 'regular'] as const;
export type InspectionForm = (typeof INSPECTION_FORMS)[number];
export const INSPECTION_FORM_LABELS: Labels<InspectionForm> = {
  thematic: { vi: 'Chuyên đề', en: 'Thematic' },
  regular: { vi: 'Thường xuyên', en: 'Regular' },
};

/** prepare (decision, outline) → conduct (self-inspection reports, working sessions) → closed (conclusion notice). */
export const INSPECTION_STEPS = ['prepare', 'conduct', 'closed'] as const;
export type InspectionStep = (typeof INSPECTION_STEPS)[number];
export const INSPECTION_STEP_LABELS: Labels<InspectionStep> = {
  prepare: { vi: 'Chuẩn bị', en: 'Preparation' },
  conduct: { vi: 'Tiến hành', en: 'Conduct' },
  closed: { vi: 'Kết thúc', en: 'Closed' },
};

export const MEMBER_ROLES = ['head', 'deputy', 'member', 'secretary'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Labels<MemberRole> = {
  head: { vi: 'Trưởng đoàn', en: 'Head' },
  deputy: { vi: 'Phó trưởng đoàn', en: 'Deputy head' },
  member: { vi: 'Thành viên', en: 'Member' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
};

export const RECOMMENDATION_CATEGORIES = ['remedy_shortcoming', 'resolve_difficulty', 'proposal_to_higher'] as const;
export type RecommendationCategory = (typeof RECOMMENDATION_CATEGORIES)[number];
export const RECOMMENDATION_CATEGORY_LABELS: Labels<RecommendationCategory> = {
  remedy_shortcoming: { vi: 'Khắc phục hạn chế, khuyết điểm', en: 'Remedy a shortcoming' },
  resolve_difficulty: { vi: 'Tháo gỡ khó khăn, vướng mắc', en: 'Resolve a difficulty' },
  proposal_to_higher: { vi: 'Kiến nghị cấp trên', en: 'Proposal to the level above' },
};

export const RECOMMENDATION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Labels<RecommendationStatus | 'overdue'> = {
  open: { vi: 'Chưa thực hiện', en: 'Open' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};

/** Overdue is derived, never stored: the deadline has passed (before `today`) and the recommendation is not done. */
export function isOverdue(status: string, deadline: string, today: string): boolean {
  return status !== 'done' && deadline < today;
}

/**
 * The longest an inspection may last, by the conducting committee's level (QĐ 331-QĐ/TW, 18/6/2025): central 60 days,
 * provincial 45, the level directly above grassroots organisations 20 — district committees before 1/7/2025 and
 * commune committees conducting on their cells. Grassroots organisations and agencies have no limit in that rule.
 */
export const DURATION_LIMIT_DAYS: Partial<Record<UnitKind, number>> = {
  central: 60,
  province: 45,
  district: 20,
  commune: 20,
};

const LEVEL_NAMES: Partial<Record<UnitKind, string>> = {
  central: 'cấp Trung ương',
  province: 'cấp tỉnh',
  district: 'cấp trên trực tiếp của tổ chức cơ sở đảng (cấp huyện)',
  commune: 'cấp trên trực tiếp của tổ chức cơ sở đảng (cấp xã)',
};

export const DURATION_RULE = 'QĐ 331-QĐ/TW ngày 18/6/2025';

/** Days from start to end, both counted (1/3 to 20/3 is 20 days). */
export function durationDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

export interface DurationWarning {
  code: 'DURATION_OVER_LIMIT' | 'DURATION_OVER_EXTENSION';
  /** `planned` or `actual` dates. */
  dates: 'planned' | 'actual';
  days: number;
  limit: number;
  message: string;
}

/**
 * A warning, not a refusal, when the duration passes the limit of the conducting level; a stronger one past the
 * extension of at most one third (45 → 60 days).
 */
export function durationWarning(
  conductingKind: string,
  start: string,
  end: string,
  dates: 'planned' | 'actual',
): DurationWarning | undefined {
  const limit = DURATION_LIMIT_DAYS[conductingKind as UnitKind];
  if (!limit) {
    return undefined;
  }
  const days = durationDays(start, end);
  if (days <= limit) {
    return undefined;
  }
  const extended = Math.floor((limit * 4) / 3);
  const which = dates === 'planned' ? 'Thời gian dự kiến' : 'Thời gian thực tế';
  const level = LEVEL_NAMES[conductingKind as UnitKind];
  if (days > extended) {
    return {
      code: 'DURATION_OVER_EXTENSION',
      dates,
      days,
      limit,
      message:
        `${which} ${days} ngày vượt cả thời hạn tối đa khi đã gia hạn (${extended} ngày) đối với ${level} ` +
        `(${DURATION_RULE}: không quá ${limit} ngày, gia hạn không quá 1/3).`,
    };
  }
  return {
    code: 'DURATION_OVER_LIMIT',
    dates,
    days,
    limit,
    message:
      `${which} ${days} ngày vượt thời hạn ${limit} ngày đối với ${level} (${DURATION_RULE}); ` +
      `cần quyết định gia hạn (không quá 1/3, tức tối đa ${extended} ngày).`,
  };
}
