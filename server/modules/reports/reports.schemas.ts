import { z } from 'zod';
import {
  COMMENT_TARGETS,
  INDICATOR_SOURCES,
  INDICATOR_TYPES,
  PERIOD_TYPES,
  ROLL_UPS,
  SUBMISSION_STATUSES,
} from '../../../common/reports';

const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });
const uuid = (what: string) => z.uuid({ message: `${what} không hợp lệ` });
const version = z.number({ message: 'Thiếu phiên bản bản ghi' }).int().positive();

export const sectionSpecSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.]{1,8}$/, 'Mã phần gồm chữ, số, tối đa 8 ký tự (I, II, …)'),
  title: z.string().trim().min(3, 'Nhập tên phần').max(300),
  hint: z.string().trim().max(1000).nullish(),
});

export const indicatorSpecSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.]{1,63}$/, 'Mã chỉ tiêu viết thường, không dấu, có thể có dấu chấm (commendations.total)'),
  label: z.string().trim().min(3, 'Nhập tên chỉ tiêu').max(300),
  unitLabel: z.string().trim().max(40).nullish(),
  valueType: z.enum(INDICATOR_TYPES, { message: 'Kiểu giá trị là integer, percent hoặc text' }),
  source: z.enum(INDICATOR_SOURCES, { message: 'Nguồn là computed (từ dữ liệu) hoặc manual (nhập tay)' }),
  catalogueCode: z.string().trim().max(64).nullish(),
  rollUp: z.enum(ROLL_UPS, { message: 'Cách tổng hợp là sum, weighted_average hoặc none' }),
  weightCode: z.string().trim().max(64).nullish(),
  sectionKey: z.string().trim().max(8).nullish(),
});
export type IndicatorSpec = z.infer<typeof indicatorSpecSchema>;

const templateFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, 'Mã mẫu gồm chữ, số, dấu chấm, gạch; 2–40 ký tự'),
  name: z.string().trim().min(3, 'Nhập tên mẫu báo cáo').max(300),
  campaignId: uuid('Văn bản chỉ đạo').nullish(),
  ownerUnitId: uuid('Đơn vị'),
  periodType: z.enum(PERIOD_TYPES, { message: 'Kỳ báo cáo là month, quarter, half_year, year hoặc custom' }),
  customFrom: isoDate.nullish(),
  customTo: isoDate.nullish(),
  deadlineDays: z.number().int().min(0, 'Hạn nộp không âm').max(365, 'Hạn nộp tối đa 365 ngày'),
  subject: z.string().trim().min(3, 'Nhập trích yếu').max(500),
  sections: z.array(sectionSpecSchema).min(1, 'Mẫu cần ít nhất một phần').max(20),
  indicators: z.array(indicatorSpecSchema).max(100, 'Tối đa 100 chỉ tiêu'),
};

export const createTemplateBodySchema = z.object(templateFields);
export type CreateTemplateInput = z.infer<typeof createTemplateBodySchema>;

export const updateTemplateBodySchema = z.object({
  name: templateFields.name.optional(),
  deadlineDays: templateFields.deadlineDays.optional(),
  subject: templateFields.subject.optional(),
  sections: templateFields.sections.optional(),
  indicators: templateFields.indicators.optional(),
  isActive: z.boolean().optional(),
  version,
});
export type UpdateTemplateInput = z.infer<typeof updateTemplateBodySchema>;

export const createObligationBodySchema = z
  .object({
    reviewerUnitId: uuid('Đơn vị nhận báo cáo'),
    unitKind: z.enum(['province', 'district', 'commune', 'grassroots', 'cell', 'agency']).nullish(),
    reporterUnitId: uuid('Đơn vị báo cáo').nullish(),
  })
  .refine((b) => !!b.unitKind !== !!b.reporterUnitId, {
    message: 'Chọn một loại đơn vị hoặc một đơn vị cụ thể',
    path: ['unitKind'],
  });
export type CreateObligationInput = z.infer<typeof createObligationBodySchema>;

export const idParamsSchema = z.object({ id: uuid('Mã định danh') });
export const obligationParamsSchema = idParamsSchema.extend({ oid: uuid('Mã định danh nghĩa vụ báo cáo') });

const unitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const sectionSchema = z.object({ key: z.string(), title: z.string(), hint: z.string().nullable() });
export const indicatorSchema = z.object({
  code: z.string(),
  label: z.string(),
  unitLabel: z.string().nullable(),
  valueType: z.enum(INDICATOR_TYPES),
  source: z.enum(INDICATOR_SOURCES),
  catalogueCode: z.string().nullable(),
  rollUp: z.enum(ROLL_UPS),
  weightCode: z.string().nullable(),
  sectionKey: z.string().nullable(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const obligationSchema = z.object({
  id: z.uuid(),
  reviewer: unitRef,
  unitKind: z.string().nullable(),
  reporter: unitRef.nullable(),
});

export const templateSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  campaign: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  owner: unitRef,
  periodType: z.enum(PERIOD_TYPES),
  customFrom: z.string().nullable(),
  customTo: z.string().nullable(),
  deadlineDays: z.number().int(),
  subject: z.string(),
  sections: z.array(sectionSchema),
  indicators: z.array(indicatorSchema),
  obligations: z.array(obligationSchema),
  isActive: z.boolean(),
  /** Reports opened on the template: once there are any, indicators and parts can be added and renamed only. */
  submissionCount: z.number().int(),
  version: z.number().int(),
  abilities: z.object({ canManage: z.boolean() }),
});
export type Template = z.infer<typeof templateSchema>;

export const templateListSchema = z.object({ items: z.array(templateSchema) });

export const catalogueSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unitLabel: z.string(),
      valueType: z.enum(INDICATOR_TYPES),
      rollUp: z.enum(ROLL_UPS),
    }),
  ),
});

// Submissions.

const valueSchema = z.union([z.number(), z.string(), z.null()]);

export const createSubmissionBodySchema = z.object({
  templateId: uuid('Mẫu báo cáo'),
  unitId: uuid('Đơn vị'),
  periodKey: z.string().trim().min(4, 'Chọn kỳ báo cáo').max(20),
});

export const updateSubmissionBodySchema = z.object({
  values: z.record(z.string(), valueSchema).optional(),
  sections: z.record(z.string(), z.string().max(50_000, 'Mỗi phần tối đa 50.000 ký tự')).optional(),
  version,
});
export type UpdateSubmissionInput = z.infer<typeof updateSubmissionBodySchema>;

export const versionBodySchema = z.object({ version });

export const commentInputSchema = z.object({
  target: z.enum(COMMENT_TARGETS, { message: 'Ý kiến cho cả báo cáo, một phần hoặc một chỉ tiêu' }),
  targetKey: z.string().trim().max(64).nullish(),
  body: z.string().trim().min(3, 'Nhập nội dung ý kiến').max(5000),
});

export const returnBodySchema = z.object({
  version,
  comments: z.array(commentInputSchema).min(1, 'Trả lại cần ít nhất một ý kiến').max(50),
});
export type ReturnInput = z.infer<typeof returnBodySchema>;

export const approveBodySchema = z.object({ version, comment: z.string().trim().max(5000).nullish() });
export const unlockBodySchema = z.object({
  version,
  reason: z.string().trim().min(5, 'Nêu lý do mở khóa (ít nhất 5 ký tự)').max(2000),
});

export const listSubmissionsQuerySchema = z.object({
  template: uuid('Mẫu báo cáo').optional(),
  period: z.string().trim().max(20).optional(),
  status: z.enum(SUBMISSION_STATUSES).optional(),
  /** "mine": submissions of units where the caller enters data; otherwise everything in reach. */
  mine: z.enum(['true', 'false']).optional(),
});

const commentSchema = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  target: z.enum(COMMENT_TARGETS),
  targetKey: z.string().nullable(),
  body: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
});

const eventSchema = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  revision: z.number().int(),
  note: z.string().nullable(),
  user: z.string().nullable(),
  at: z.string(),
});

export const submissionSummarySchema = z.object({
  id: z.uuid(),
  template: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  unit: unitRef,
  reviewer: unitRef,
  period: z.object({ key: z.string(), from: z.string(), to: z.string(), label: z.string() }),
  dueOn: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  revision: z.number().int(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  docSymbol: z.string().nullable(),
  version: z.number().int(),
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

export const submissionDetailSchema = submissionSummarySchema.extend({
  sections: z.array(sectionSchema.extend({ text: z.string() })),
  indicators: z.array(indicatorSchema.extend({ value: valueSchema })),
  computedAt: z.string().nullable(),
  comments: z.array(commentSchema),
  events: z.array(eventSchema),
  revisions: z.array(z.object({ revision: z.number().int(), submittedAt: z.string(), by: z.string().nullable() })),
  abilities: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canReview: z.boolean(),
    canUnlock: z.boolean(),
  }),
});
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;

export const submissionListSchema = z.object({ items: z.array(submissionSummarySchema) });

export const diffParamsSchema = idParamsSchema.extend({
  a: z.coerce.number().int().min(1, 'Phiên bản từ 1'),
  b: z.union([z.literal('current'), z.coerce.number().int().min(1, 'Phiên bản từ 1')]),
});

export const diffSchema = z.object({
  from: z.string(),
  to: z.string(),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), before: valueSchema, after: valueSchema })),
  sections: z.array(z.object({ key: z.string(), title: z.string(), before: z.string(), after: z.string() })),
});

export const compareSchema = z.object({
  computedAt: z.string().nullable(),
  items: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      stored: valueSchema,
      today: valueSchema,
      delta: z.number().nullable(),
    }),
  ),
});

export const draftTextSchema = z.object({ sections: z.record(z.string(), z.string()) });

// The level above.

export const reviewQuerySchema = z.object({
  template: uuid('Mẫu báo cáo'),
  period: z.string().trim().min(4, 'Chọn kỳ báo cáo').max(20),
  /** The reviewing unit (id or code); the caller's own when there is one obligation. */
  unit: z.string().trim().min(1).max(64),
});
export type ReviewQuery = z.infer<typeof reviewQuerySchema>;

export const reviewSchema = z.object({
  template: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  reviewer: unitRef,
  period: z.object({ key: z.string(), from: z.string(), to: z.string(), label: z.string() }),
  dueOn: z.string(),
  completeness: z.object({
    expected: z.number().int(),
    submitted: z.number().int(),
    approved: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    pending: z.number().int(),
  }),
  units: z.array(
    z.object({
      unit: unitRef,
      submissionId: z.uuid().nullable(),
      status: z.enum([...SUBMISSION_STATUSES, 'missing']),
      firstSubmittedAt: z.string().nullable(),
      isLate: z.boolean(),
      daysLate: z.number().int().nullable(),
    }),
  ),
  aggregate: z.array(
    indicatorSchema.extend({
      approvedValue: z.number().nullable(),
      approvedCount: z.number().int(),
      ownValue: z.number().nullable(),
    }),
  ),
  /** The number and date the aggregate was issued with; null while it has none (printed with a blank number). */
  document: z.object({ symbol: z.string(), issuedOn: z.string() }).nullable(),
  abilities: z.object({ canReview: z.boolean(), canIssueNumber: z.boolean() }),
});
export type Review = z.infer<typeof reviewSchema>;

export const issueAggregateBodySchema = reviewQuerySchema.extend({
  /** A number the office already gave the aggregate; otherwise the next of the unit's series. */
  number: z.number().int().positive('Số văn bản là số nguyên dương').optional(),
});

export const aggregateDocumentSchema = z.object({ number: z.number().int(), symbol: z.string(), issuedOn: z.string() });

export const remindResultSchema = z.object({ units: z.number().int(), notified: z.number().int() });
