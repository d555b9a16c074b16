/** Report enums and the usual outline, shared by server and web (DOMAIN-NOTES §1, issue 6). */
export const PERIOD_TYPES = ['month', 'quarter', 'half_year', 'year', 'custom'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const INDICATOR_TYPES = ['integer', 'percent', 'text'] as const;
export const INDICATOR_SOURCES = ['computed', 'manual'] as const;
export const ROLL_UPS = ['sum', 'weighted_average', 'none'] as const;
export const COMMENT_TARGETS = ['whole', 'section', 'indicator'] as const;

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const PERIOD_TYPE_LABELS: Labels<PeriodType> = {
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  half_year: { vi: '6 tháng', en: 'Half-year' },
  year: { vi: 'Năm', en: 'Year' },
  custom: { vi: 'Giai đoạn', en: 'Custom span' },
};

export const SUBMISSION_STATUS_LABELS: Labels<SubmissionStatus> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  returned: { vi: 'Trả lại', en: 'Returned' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
};

export const ROLL_UP_LABELS: Labels<(typeof ROLL_UPS)[number]> = {
  sum: { vi: 'Cộng', en: 'Sum' },
  weighted_average: { vi: 'Bình quân gia quyền', en: 'Weighted average' },
  none: { vi: 'Không tổng hợp', en: 'None' },
};

/** The usual outline of an interim review report (đề cương báo cáo sơ kết). */
export const DEFAULT_SECTIONS: { key: string; title: string; hint: string }[] = [
  {
    key: 'I',
    title: 'Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai',
    hint: 'Việc ban hành kế hoạch, hướng dẫn; tổ chức quán triệt, học tập chuyên đề.',
  },
  {
    key: 'II',
    title: 'Kết quả thực hiện',
    hint: 'Học tập chuyên đề; chuẩn mực đạo đức; làm theo và nêu gương; sinh hoạt chi bộ; tuyên truyền; kiểm tra, giám sát; điển hình, khen thưởng.',
  },
  {
    key: 'III',
    title: 'Đánh giá chung',
    hint: 'Ưu điểm; hạn chế; nguyên nhân; bài học kinh nghiệm.',
  },
  { key: 'IV', title: 'Phương hướng, nhiệm vụ, giải pháp', hint: 'Nhiệm vụ, giải pháp thời gian tới.' },
  { key: 'V', title: 'Đề xuất, kiến nghị', hint: 'Đề xuất, kiến nghị với cấp trên.' },
];
