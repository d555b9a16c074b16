import { z } from 'zod';
import { COMMENDATION_LEVELS, RECIPIENT_TYPES } from '../../../common/commendations';
import { FIGURES, RECORD_COLUMN_KINDS, STRUCTURES } from '../../../common/dashboard';
import { INSPECTION_FORMS, INSPECTION_KINDS, RECOMMENDATION_STATUSES } from '../../../common/inspections';
import { MEETING_TYPES } from '../../../common/meetings';
import { MODEL_STATUSES } from '../../../common/models';
import { UNIT_KINDS } from '../../../common/org-units';

const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });
const ref = z.string().trim().min(1, 'Không được để trống').max(100, 'Tối đa 100 ký tự');

export const overviewQuerySchema = z.object({
  unit: ref,
  from: isoDate,
  to: isoDate,
  campaign: ref.optional(),
  structure: z
    .enum(STRUCTURES, { message: 'Cơ cấu phải là recorded (khi ghi nhận) hoặc current (hiện nay)' })
    .default('current'),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

const unitRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
const unitSchema = unitRefSchema.extend({
  kind: z.enum(UNIT_KINDS),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

const byTypeSchema = z.object({ collective: z.number().int(), individual: z.number().int() });
const figureCountsSchema = z.object(
  Object.fromEntries(FIGURES.map((f) => [f, z.number().int()])) as Record<(typeof FIGURES)[number], z.ZodNumber>,
);

/** Cell-months: expected (a cell existed in the month), with a regular meeting, with the theme studied. */
const meetingSharesSchema = z.object({
  cellMonthsExpected: z.number().int(),
  regular: z.number().int(),
  themeIncluded: z.number().int(),
});

export const overviewResponseSchema = z.object({
  unit: unitSchema,
  /** Ancestors the caller reaches, root first (the breadcrumb back up). */
  ancestors: z.array(unitRefSchema),
  /** For a unit that no longer exists: where its records go on today's structure. */
  currentOf: unitRefSchema.nullable(),
  from: z.string(),
  to: z.string(),
  structure: z.enum(STRUCTURES),
  campaign: z.object({ id: z.string(), code: z.string() }).nullable(),
  commendations: z.object({
    total: z.number().int(),
    collective: z.number().int(),
    individual: z.number().int(),
    byLevel: z.object(
      Object.fromEntries(COMMENDATION_LEVELS.map((l) => [l, byTypeSchema])) as Record<
        (typeof COMMENDATION_LEVELS)[number],
        typeof byTypeSchema
      >,
    ),
  }),
  models: z.object({
    total: z.number().int(),
    byStatus: z.object(
      Object.fromEntries(MODEL_STATUSES.map((s) => [s, z.number().int()])) as Record<
        (typeof MODEL_STATUSES)[number],
        z.ZodNumber
      >,
    ),
    byField: z.array(
      z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string(), count: z.number().int() }),
    ),
  }),
  meetings: meetingSharesSchema.extend({
    thematic: z.number().int(),
    /** regular / cellMonthsExpected and themeIncluded / cellMonthsExpected; null when no cell existed. */
    regularShare: z.number().nullable(),
    themeShare: z.number().nullable(),
  }),
  /** Inspections and supervisions conducted in the subtree, started in the period, by kind × form. */
  inspections: z.object({
    total: z.number().int(),
    byKind: z.object(
      Object.fromEntries(
        INSPECTION_KINDS.map((k) => [
          k,
          z.object(
            Object.fromEntries(INSPECTION_FORMS.map((f) => [f, z.number().int()])) as Record<
              (typeof INSPECTION_FORMS)[number],
              z.ZodNumber
            >,
          ),
        ]),
      ) as Record<
        (typeof INSPECTION_KINDS)[number],
        z.ZodObject<Record<(typeof INSPECTION_FORMS)[number], z.ZodNumber>>
      >,
    ),
  }),
  /**
   * Recommendations owned by units of the subtree with their deadline in the period, by status; `overdue`: open or in
   * progress with the deadline before `asOf` (today).
   */
  recommendations: z.object({
    total: z.number().int(),
    byStatus: z.object(
      Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [s, z.number().int()])) as Record<
        (typeof RECOMMENDATION_STATUSES)[number],
        z.ZodNumber
      >,
    ),
    overdue: z.number().int(),
    asOf: z.string(),
  }),
  /** Each child of the unit in the chosen structure, with its figures; their sum plus `own` is the unit's figure. */
  children: z.array(z.object({ unit: unitSchema, counts: figureCountsSchema, meetings: meetingSharesSchema })),
  /** Records of the unit itself (below no child). */
  own: figureCountsSchema,
  /** Month by month over the period. */
  series: z.array(z.object({ month: z.string(), counts: figureCountsSchema, meetings: meetingSharesSchema })),
});
export type Overview = z.infer<typeof overviewResponseSchema>;
export type FigureCounts = z.infer<typeof figureCountsSchema>;
export type MeetingShares = z.infer<typeof meetingSharesSchema>;

export const recordsQuerySchema = overviewQuerySchema.extend({
  figure: z.enum(FIGURES, { message: `Chỉ tiêu phải là một trong: ${FIGURES.join(', ')}` }),
  level: z
    .enum(COMMENDATION_LEVELS, { message: `Cấp khen phải là một trong: ${COMMENDATION_LEVELS.join(', ')}` })
    .optional(),
  recipientType: z
    .enum(RECIPIENT_TYPES, { message: 'Loại phải là collective (tập thể) hoặc individual (cá nhân)' })
    .optional(),
  status: z.enum(MODEL_STATUSES, { message: `Trạng thái phải là một trong: ${MODEL_STATUSES.join(', ')}` }).optional(),
  field: ref.optional(),
  meetingType: z
    .enum(MEETING_TYPES, { message: 'Loại sinh hoạt phải là regular (thường kỳ) hoặc thematic (chuyên đề)' })
    .optional(),
  theme: z.enum(['theme', 'none'], { message: 'theme phải là theme (có học chuyên đề) hoặc none' }).optional(),
  inspectionKind: z
    .enum(INSPECTION_KINDS, { message: 'Loại phải là inspection (kiểm tra) hoặc supervision (giám sát)' })
    .optional(),
  form: z
    .enum(INSPECTION_FORMS, { message: 'Hình thức phải là thematic (chuyên đề) hoặc regular (thường xuyên)' })
    .optional(),
  recommendationStatus: z
    .enum(RECOMMENDATION_STATUSES, {
      message:
        'Tình trạng kiến nghị phải là open (chưa thực hiện), in_progress (đang thực hiện) hoặc done (hoàn thành)',
    })
    .optional(),
  overdue: z
    .enum(['overdue', 'none'], { message: 'overdue phải là overdue (quá hạn) hoặc none (chưa quá hạn)' })
    .optional(),
  page: z.coerce
    .number({ message: 'Trang phải là số' })
    .int('Trang phải là số nguyên')
    .min(1, 'Trang bắt đầu từ 1')
    .default(1),
  pageSize: z.coerce
    .number({ message: 'Số dòng mỗi trang phải là số' })
    .int('Số dòng mỗi trang phải là số nguyên')
    .min(1, 'Ít nhất 1 dòng mỗi trang')
    .max(200, 'Tối đa 200 dòng mỗi trang')
    .default(50),
});
export type RecordsQuery = z.infer<typeof recordsQuerySchema>;

export const recordsResponseSchema = z.object({
  figure: z.enum(FIGURES),
  unit: unitRefSchema,
  from: z.string(),
  to: z.string(),
  structure: z.enum(STRUCTURES),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** What the `date` of a row is (the deadline of a recommendation, the start of an inspection). */
  dateLabel: z.object({ vi: z.string(), en: z.string() }),
  columns: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string(), kind: z.enum(RECORD_COLUMN_KINDS) })),
  rows: z.array(
    z.object({
      id: z.string(),
      link: z.string(),
      date: z.string(),
      /** The unit as it was on the record's date, and where the record goes on today's structure. */
      unitName: z.string(),
      currentUnitName: z.string(),
      values: z.record(z.string(), z.string().nullable()),
    }),
  ),
});
export type RecordsPage = z.infer<typeof recordsResponseSchema>;
