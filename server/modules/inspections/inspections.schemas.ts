import { z } from 'zod';
import {
  INSPECTION_FORMS,
  INSPECTION_KINDS,
  INSPECTION_STEPS,
  MEMBER_ROLES,
  PLAN_STATUSES,
  RECOMMENDATION_CATEGORIES,
  RECOMMENDATION_STATUSES,
} from '../../../common/inspections';
import { UNIT_KINDS } from '../../../common/org-units';

export const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .nullish()
    .transform((value) => (value ? value : null));
const requiredText = (what: string, max: number) =>
  z
    .string({ message: `Nhập ${what}` })
    .trim()
    .min(1, `Nhập ${what}`)
    .max(max, `${what} tối đa ${max} ký tự`);
const version = z.number({ message: 'Thiếu phiên bản (version)' }).int().positive();
export const idParamsSchema = z.object({ id: z.uuid({ message: 'Mã bản ghi không hợp lệ' }) });
const page = z.coerce.number().int().min(1).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(50);

export const unitRefSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  /** The unit no longer exists (dissolved or merged) — it still shows as it was. */
  validTo: z.string().nullable(),
});
export type UnitRef = z.infer<typeof unitRefSchema>;
const userRefSchema = z.object({ id: z.uuid(), fullName: z.string() }).nullable();

// ---- plans ----------------------------------------------------------------------------------------------------

export const createPlanBodySchema = z.object({
  unitId: z.uuid({ message: 'Chọn đơn vị thực hiện' }),
  year: z.number({ message: 'Nhập năm' }).int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100'),
  title: requiredText('tên kế hoạch', 300),
  number: optionalText(60),
  note: optionalText(4000),
});
export type CreatePlanInput = z.infer<typeof createPlanBodySchema>;

export const updatePlanBodySchema = z.object({
  title: createPlanBodySchema.shape.title.optional(),
  number: createPlanBodySchema.shape.number.optional(),
  note: createPlanBodySchema.shape.note.optional(),
  version,
});
export type UpdatePlanInput = z.infer<typeof updatePlanBodySchema>;

export const approvePlanBodySchema = z.object({ approvedOn: isoDate, version });
export type ApprovePlanInput = z.infer<typeof approvePlanBodySchema>;

export const listPlansQuerySchema = z.object({
  unit: z.string().trim().min(1).optional(),
  year: z.coerce.number({ message: 'Năm phải là số' }).int().min(2000).max(2100).optional(),
  status: z.enum(PLAN_STATUSES, { message: 'Trạng thái không hợp lệ' }).optional(),
  page,
  pageSize,
});
export type ListPlansQuery = z.infer<typeof listPlansQuerySchema>;

export const planSummarySchema = z.object({
  id: z.uuid(),
  unit: unitRefSchema,
  year: z.number(),
  title: z.string(),
  number: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  approvedOn: z.string().nullable(),
  inspectionCount: z.number(),
  closedCount: z.number(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const listPlansResponseSchema = z.object({
  items: z.array(planSummarySchema),
  total: z.number(),
  abilities: z.object({ canCreate: z.boolean() }),
});

// ---- inspections ----------------------------------------------------------------------------------------------

export const memberSchema = z.object({
  fullName: z
    .string({ message: 'Nhập họ và tên' })
    .trim()
    .min(2, 'Nhập họ và tên')
    .max(120, 'Họ và tên tối đa 120 ký tự'),
  position: optionalText(200),
  role: z.enum(MEMBER_ROLES, { message: 'Chọn vai trò trong đoàn' }),
});

const inspectionFields = {
  kind: z.enum(INSPECTION_KINDS, { message: 'Chọn kiểm tra hoặc giám sát' }),
  form: z.enum(INSPECTION_FORMS, { message: 'Chọn chuyên đề hoặc thường xuyên' }),
  campaignId: z.uuid({ message: 'Văn bản chỉ đạo không hợp lệ' }).nullable(),
  title: requiredText('nội dung, tên cuộc kiểm tra', 300),
  content: optionalText(10_000),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  subjectUnitIds: z
    .array(z.uuid({ message: 'Đơn vị được kiểm tra không hợp lệ' }))
    .min(1, 'Chọn ít nhất một đơn vị được kiểm tra, giám sát')
    .max(100, 'Tối đa 100 đơn vị'),
  members: z.array(memberSchema).max(30, 'Tối đa 30 thành viên'),
};

export const createInspectionBodySchema = z.object({
  planId: z.uuid({ message: 'Chọn kế hoạch' }),
  ...inspectionFields,
  campaignId: inspectionFields.campaignId.optional().default(null),
  members: inspectionFields.members.default([]),
});
export type CreateInspectionInput = z.infer<typeof createInspectionBodySchema>;

export const updateInspectionBodySchema = z.object({
  kind: inspectionFields.kind.optional(),
  form: inspectionFields.form.optional(),
  campaignId: inspectionFields.campaignId.optional(),
  title: inspectionFields.title.optional(),
  content: inspectionFields.content.optional(),
  plannedStart: inspectionFields.plannedStart.optional(),
  plannedEnd: inspectionFields.plannedEnd.optional(),
  subjectUnitIds: inspectionFields.subjectUnitIds.optional(),
  members: inspectionFields.members.optional(),
  version,
});
export type UpdateInspectionInput = z.infer<typeof updateInspectionBodySchema>;

export const startInspectionBodySchema = z.object({
  decisionNumber: requiredText('số quyết định thành lập đoàn', 60),
  decisionDate: isoDate,
  outlineSentOn: isoDate.nullish().transform((v) => v ?? null),
  actualStart: isoDate,
  version,
});
export type StartInspectionInput = z.infer<typeof startInspectionBodySchema>;

export const selfReportBodySchema = z.object({
  receivedOn: isoDate,
  summary: optionalText(10_000),
});
export type SelfReportInput = z.infer<typeof selfReportBodySchema>;

export const sessionBodySchema = z.object({
  heldOn: isoDate,
  subjectUnitId: z
    .uuid({ message: 'Đơn vị không hợp lệ' })
    .nullish()
    .transform((v) => v ?? null),
  place: optionalText(300),
  summary: requiredText('nội dung buổi làm việc', 10_000),
});
export type SessionInput = z.infer<typeof sessionBodySchema>;

export const recommendationFields = {
  text: requiredText('nội dung kiến nghị', 4000),
  category: z.enum(RECOMMENDATION_CATEGORIES, { message: 'Chọn loại kiến nghị' }),
  ownerUnitId: z.uuid({ message: 'Chọn đơn vị thực hiện kiến nghị' }),
  deadline: isoDate,
};
export const newRecommendationSchema = z.object(recommendationFields);
export type NewRecommendationInput = z.infer<typeof newRecommendationSchema>;

export const closeInspectionBodySchema = z.object({
  conclusionNumber: requiredText('số thông báo kết luận', 60),
  conclusionDate: isoDate,
  actualEnd: isoDate,
  strengths: requiredText('ưu điểm', 20_000),
  shortcomings: optionalText(20_000),
  causes: optionalText(20_000),
  requirements: optionalText(20_000),
  recommendations: z.array(newRecommendationSchema).max(100, 'Tối đa 100 kiến nghị').default([]),
  version,
});
export type CloseInspectionInput = z.infer<typeof closeInspectionBodySchema>;

export const listInspectionsQuerySchema = z.object({
  plan: z.uuid({ message: 'Kế hoạch không hợp lệ' }).optional(),
  unit: z.string().trim().min(1).optional(),
  subject: z.string().trim().min(1).optional(),
  kind: z.enum(INSPECTION_KINDS, { message: 'Loại không hợp lệ' }).optional(),
  step: z.enum(INSPECTION_STEPS, { message: 'Bước không hợp lệ' }).optional(),
  campaign: z.string().trim().min(1).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  search: z.string().trim().max(200).optional(),
  page,
  pageSize,
});
export type ListInspectionsQuery = z.infer<typeof listInspectionsQuerySchema>;

const warningSchema = z.object({
  code: z.enum(['DURATION_OVER_LIMIT', 'DURATION_OVER_EXTENSION']),
  dates: z.enum(['planned', 'actual']),
  days: z.number(),
  limit: z.number(),
  message: z.string(),
});

export const inspectionSummarySchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  kind: z.enum(INSPECTION_KINDS),
  form: z.enum(INSPECTION_FORMS),
  title: z.string(),
  conductingUnit: unitRefSchema,
  campaign: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  step: z.enum(INSPECTION_STEPS),
  subjects: z.array(unitRefSchema),
  recommendationCount: z.number(),
  overdueCount: z.number(),
  warnings: z.array(warningSchema),
});
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

export const listInspectionsResponseSchema = z.object({
  items: z.array(inspectionSummarySchema),
  total: z.number(),
});

export const recommendationSummarySchema = z.object({
  id: z.uuid(),
  inspection: z.object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(INSPECTION_KINDS),
    conclusionNumber: z.string().nullable(),
    conclusionDate: z.string().nullable(),
    conductingUnit: unitRefSchema,
  }),
  text: z.string(),
  category: z.enum(RECOMMENDATION_CATEGORIES),
  ownerUnit: unitRefSchema,
  deadline: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  isOverdue: z.boolean(),
  isAwaitingReview: z.boolean(),
  reportOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  /** null until done. */
  isDoneOnTime: z.boolean().nullable(),
  version: z.number(),
});
export type RecommendationSummary = z.infer<typeof recommendationSummarySchema>;

export const planDetailSchema = planSummarySchema.extend({
  note: z.string().nullable(),
  approvedBy: userRefSchema,
  version: z.number(),
  inspections: z.array(inspectionSummarySchema),
  abilities: z.object({ canEdit: z.boolean(), canApprove: z.boolean(), canAddInspection: z.boolean() }),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const inspectionDetailSchema = inspectionSummarySchema.extend({
  plan: z.object({ id: z.uuid(), title: z.string(), year: z.number(), status: z.enum(PLAN_STATUSES) }),
  content: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  outlineSentOn: z.string().nullable(),
  conclusionNumber: z.string().nullable(),
  conclusionDate: z.string().nullable(),
  strengths: z.string().nullable(),
  shortcomings: z.string().nullable(),
  causes: z.string().nullable(),
  requirements: z.string().nullable(),
  subjectReports: z.array(
    z.object({
      id: z.uuid(),
      unit: unitRefSchema,
      selfReportReceivedOn: z.string().nullable(),
      selfReportSummary: z.string().nullable(),
      canWriteSelfReport: z.boolean(),
    }),
  ),
  members: z.array(memberSchema.extend({ id: z.uuid(), position: z.string().nullable() })),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      heldOn: z.string(),
      subjectUnit: unitRefSchema.nullable(),
      place: z.string().nullable(),
      summary: z.string(),
    }),
  ),
  recommendations: z.array(recommendationSummarySchema),
  version: z.number(),
  abilities: z.object({
    canEdit: z.boolean(),
    canStart: z.boolean(),
    canAddSession: z.boolean(),
    canClose: z.boolean(),
    canAddRecommendation: z.boolean(),
  }),
});
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;

export const sessionParamsSchema = z.object({
  id: z.uuid({ message: 'Mã cuộc kiểm tra không hợp lệ' }),
  sessionId: z.uuid({ message: 'Mã buổi làm việc không hợp lệ' }),
});
export const subjectParamsSchema = z.object({
  id: z.uuid({ message: 'Mã cuộc kiểm tra không hợp lệ' }),
  subjectId: z.uuid({ message: 'Mã đơn vị được kiểm tra không hợp lệ' }),
});

// ---- recommendations ------------------------------------------------------------------------------------------

export const listRecommendationsQuerySchema = z.object({
  /** `owner`: the units the caller works for must act ("việc của tôi"); `conducting`: what they must follow up. */
  view: z.enum(['all', 'owner', 'conducting'], { message: 'Chế độ xem không hợp lệ' }).default('all'),
  unit: z.string().trim().min(1).optional(),
  status: z.enum([...RECOMMENDATION_STATUSES, 'overdue'], { message: 'Trạng thái không hợp lệ' }).optional(),
  category: z.enum(RECOMMENDATION_CATEGORIES, { message: 'Loại kiến nghị không hợp lệ' }).optional(),
  inspection: z.uuid({ message: 'Cuộc kiểm tra không hợp lệ' }).optional(),
  page,
  pageSize,
});
export type ListRecommendationsQuery = z.infer<typeof listRecommendationsQuerySchema>;

export const listRecommendationsResponseSchema = z.object({
  items: z.array(recommendationSummarySchema),
  total: z.number(),
  overdue: z.number(),
  awaitingReview: z.number(),
});

export const recommendationDetailSchema = recommendationSummarySchema.extend({
  reportText: z.string().nullable(),
  reportSubmittedOn: z.string().nullable(),
  reportedBy: userRefSchema,
  acceptedBy: userRefSchema,
  reviews: z.array(
    z.object({
      id: z.uuid(),
      decision: z.enum(['accepted', 'returned']),
      reason: z.string().nullable(),
      reviewedOn: z.string(),
      user: userRefSchema,
      at: z.string(),
    }),
  ),
  abilities: z.object({
    canEdit: z.boolean(),
    canDelete: z.boolean(),
    canStart: z.boolean(),
    canReport: z.boolean(),
    canReview: z.boolean(),
  }),
});
export type RecommendationDetail = z.infer<typeof recommendationDetailSchema>;

export const updateRecommendationBodySchema = z.object({
  text: recommendationFields.text.optional(),
  category: recommendationFields.category.optional(),
  ownerUnitId: recommendationFields.ownerUnitId.optional(),
  deadline: recommendationFields.deadline.optional(),
  version,
});
export type UpdateRecommendationInput = z.infer<typeof updateRecommendationBodySchema>;
export const versionBodySchema = z.object({ version });
export const reportBodySchema = z.object({
  reportText: requiredText('báo cáo khắc phục', 20_000),
  reportOn: isoDate,
  version,
});
export type ReportInput = z.infer<typeof reportBodySchema>;
export const acceptBodySchema = z.object({ reviewedOn: isoDate, version });
export const returnBodySchema = z.object({ reason: requiredText('lý do trả lại', 4000), version });

// ---- figures --------------------------------------------------------------------------------------------------

export const statsQuerySchema = z.object({
  unit: z.string({ message: 'Chọn đơn vị' }).trim().min(1, 'Chọn đơn vị'),
  from: isoDate,
  to: isoDate,
  campaign: z.string().trim().min(1).optional(),
});
export type InspectionStatsQuery = z.infer<typeof statsQuerySchema>;

export const inspectionCountsSchema = z.object({
  inspections: z.number(),
  supervisions: z.number(),
  /** [level] → { inspection, supervision } by the conducting committee's kind. */
  byLevel: z.record(z.string(), z.object({ inspection: z.number(), supervision: z.number() })),
  thematic: z.number(),
  subjectsCovered: z.number(),
  recommendations: z.number(),
  done: z.number(),
  doneOnTime: z.number(),
  overdue: z.number(),
  difficultiesResolved: z.number(),
});
export type InspectionCounts = z.infer<typeof inspectionCountsSchema>;

export const inspectionStatsSchema = z.object({
  unit: unitRefSchema,
  from: z.string(),
  to: z.string(),
  campaign: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  counts: inspectionCountsSchema,
  children: z.array(z.object({ unit: unitRefSchema, counts: inspectionCountsSchema })),
  /** Conducted by the unit itself (not below one of its children). */
  ownCounts: inspectionCountsSchema,
});
export type InspectionStats = z.infer<typeof inspectionStatsSchema>;
