/** The dashboard's figures and options, shared by server and web (issue 5). */
export const STRUCTURES = ['recorded', 'current'] as const;
export type Structure = (typeof STRUCTURES)[number];

export const STRUCTURE_LABELS: Record<Structure, { vi: string; en: string }> = {
  recorded: { vi: 'Theo cơ cấu khi ghi nhận', en: 'As recorded' },
  current: { vi: 'Theo cơ cấu hiện nay', en: "On today's structure" },
};

/**
 * Every figure whose records can be listed. A figure counts records; its two dimensions (`a`, `b`) are what the
 * breakdowns and the record-list filters use: commendations by level × recipient type, models by status × field,
 * meetings by type × theme studied, inspections by kind × form, recommendations by status × overdue (as of today).
 */
export const FIGURES = ['commendations', 'models', 'meetings', 'inspections', 'recommendations'] as const;
export type FigureId = (typeof FIGURES)[number];

export const FIGURE_LABELS: Record<FigureId, { vi: string; en: string }> = {
  commendations: { vi: 'Tập thể, cá nhân được khen thưởng', en: 'Commended collectives and individuals' },
  models: { vi: 'Mô hình, điển hình, cách làm hay', en: 'Models, examples and good practices' },
  meetings: { vi: 'Buổi sinh hoạt chi bộ', en: 'Cell meetings' },
  inspections: { vi: 'Cuộc kiểm tra, giám sát', en: 'Inspections and supervisions' },
  recommendations: { vi: 'Kiến nghị sau kiểm tra, giám sát', en: 'Recommendations of inspections and supervisions' },
};

/** Kinds of the columns of a record list, so the UI and the XLSX export format each value alike. */
export const RECORD_COLUMN_KINDS = [
  'text',
  'date',
  'commendationLevel',
  'recipientType',
  'modelStatus',
  'modelKind',
  'meetingType',
  'inspectionKind',
  'inspectionForm',
  'inspectionStep',
  'recommendationStatus',
  'recommendationCategory',
] as const;
export type RecordColumnKind = (typeof RECORD_COLUMN_KINDS)[number];

/** The directive's three-year interim review period (Chỉ thị 05-CT/TW of 15/5/2016, reviewed 20/8/2019). */
export const INTERIM_PERIOD = { from: '2016-05-15', to: '2019-08-20' } as const;
