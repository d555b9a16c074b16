import { z } from 'zod';
import { MODEL_KINDS, MODEL_STATUSES, RECOGNITION_LEVELS } from '../../../common/models';
import { UNIT_KINDS } from '../../../common/org-units';

export const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .nullish()
    .transform((value) => (value ? value : null));

export const personSchema = z.object({
  name: z.string().trim().min(2, 'Nhập họ và tên').max(120, 'Họ và tên tối đa 120 ký tự'),
  position: optionalText(200),
});

export const indicatorSchema = z.object({
  indicator: z.string().trim().min(1, 'Nhập tên chỉ tiêu').max(200),
  value: z.number({ message: 'Giá trị phải là một số' }),
  unit: optionalText(40),
});

const modelFields = {
  title: z.string().trim().min(3, 'Tên mô hình quá ngắn').max(300, 'Tên mô hình tối đa 300 ký tự'),
  kind: z.enum(MODEL_KINDS, { message: 'Chọn loại mô hình' }),
  unitId: z.uuid({ message: 'Chọn đơn vị' }),
  people: z.array(personSchema).max(50, 'Tối đa 50 người'),
  fieldId: z.uuid({ message: 'Chọn lĩnh vực' }),
  themeId: z.uuid({ message: 'Chuyên đề không hợp lệ' }).nullable(),
  startedOn: isoDate,
  description: optionalText(10_000),
  results: optionalText(10_000),
  indicators: z.array(indicatorSchema).max(30, 'Tối đa 30 chỉ tiêu'),
  campaignIds: z.array(z.uuid({ message: 'Văn bản chỉ đạo không hợp lệ' })).max(20, 'Tối đa 20 văn bản'),
};

export const createModelBodySchema = z.object({
  ...modelFields,
  people: modelFields.people.default([]),
  themeId: modelFields.themeId.optional().default(null),
  indicators: modelFields.indicators.default([]),
  campaignIds: modelFields.campaignIds.default([]),
});
export type CreateModelInput = z.infer<typeof createModelBodySchema>;

export const updateModelBodySchema = z.object({
  title: modelFields.title.optional(),
  kind: modelFields.kind.optional(),
  unitId: modelFields.unitId.optional(),
  people: modelFields.people.optional(),
  fieldId: modelFields.fieldId.optional(),
  themeId: modelFields.themeId.optional(),
  startedOn: modelFields.startedOn.optional(),
  description: modelFields.description.optional(),
  results: modelFields.results.optional(),
  indicators: modelFields.indicators.optional(),
  campaignIds: modelFields.campaignIds.optional(),
  version: z.number().int().positive(),
});
export type UpdateModelInput = z.infer<typeof updateModelBodySchema>;

export const recogniseBodySchema = z.object({
  level: z.enum(RECOGNITION_LEVELS, { message: 'Chọn cấp công nhận' }),
  recognisedOn: isoDate,
  decisionId: z.uuid({ message: 'Quyết định không hợp lệ' }).nullish(),
  note: optionalText(1000),
  version: z.number().int().positive(),
});
export type RecogniseInput = z.infer<typeof recogniseBodySchema>;

export const addReplicationBodySchema = z.object({
  unitId: z.uuid({ message: 'Chọn đơn vị nhân rộng' }),
  startedOn: isoDate,
  note: optionalText(1000),
});
export type AddReplicationInput = z.infer<typeof addReplicationBodySchema>;

export const archiveBodySchema = z.object({
  reason: z.string().trim().min(3, 'Nêu lý do lưu trữ').max(1000),
  archivedOn: isoDate.optional(),
  version: z.number().int().positive(),
});
export type ArchiveInput = z.infer<typeof archiveBodySchema>;

export const listModelsQuerySchema = z.object({
  status: z.enum(MODEL_STATUSES).optional(),
  kind: z.enum(MODEL_KINDS).optional(),
  /** A field's id or code. */
  field: z.string().trim().min(1).max(64).optional(),
  /** A campaign's id or code (05-CT/TW). */
  campaign: z.string().trim().min(1).max(64).optional(),
  theme: z.uuid({ message: 'Chuyên đề không hợp lệ' }).optional(),
  /** A unit's id or code: models of its subtree. */
  unit: z.string().trim().min(1).max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  search: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(24),
});
export type ListModelsQuery = z.infer<typeof listModelsQuerySchema>;

export const modelIdParamsSchema = z.object({ id: z.uuid({ message: 'Mã định danh mô hình không hợp lệ' }) });
export const replicationParamsSchema = modelIdParamsSchema.extend({
  rid: z.uuid({ message: 'Mã định danh đơn vị nhân rộng không hợp lệ' }),
});

const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export const fieldRefSchema = z.object({ id: z.uuid(), code: z.string(), nameVi: z.string(), nameEn: z.string() });
const statusCountsSchema = z.object(
  Object.fromEntries(MODEL_STATUSES.map((status) => [status, z.number().int()])) as Record<
    (typeof MODEL_STATUSES)[number],
    z.ZodNumber
  >,
);
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const modelSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(MODEL_KINDS),
  status: z.enum(MODEL_STATUSES),
  unit: unitRefSchema,
  field: fieldRefSchema,
  startedOn: z.string(),
  recognisedLevel: z.enum(RECOGNITION_LEVELS).nullable(),
  recognisedOn: z.string().nullable(),
  /** The committee at the recognising level above the model's unit (its subtree may read the model). */
  recognisedBy: unitRefSchema.nullable(),
  people: z.array(z.object({ name: z.string(), position: z.string().nullable() })),
  replicationCount: z.number().int(),
  /** Download URL of the first photo attached, for the registry's cards. */
  coverUrl: z.string().nullable(),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const listModelsResponseSchema = z.object({
  items: z.array(modelSummarySchema),
  total: z.number().int(),
  /** The same filters without the status one, counted by status: the registry's summary. */
  counts: statusCountsSchema,
  /** What the registry offers the caller: registering (and importing) models, keeping the field list. */
  abilities: z.object({ canCreate: z.boolean(), canManageFields: z.boolean() }),
});

export type ListModelsResponse = z.infer<typeof listModelsResponseSchema>;

export const modelDetailSchema = modelSummarySchema.extend({
  description: z.string().nullable(),
  results: z.string().nullable(),
  indicators: z.array(z.object({ indicator: z.string(), value: z.number(), unit: z.string().nullable() })),
  theme: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
  campaigns: z.array(z.object({ id: z.uuid(), code: z.string(), title: z.string() })),
  recognisedDecisionId: z.uuid().nullable(),
  /** The decision's number and date, when the caller can see it. */
  recognisedDecision: z.object({ id: z.uuid(), number: z.string(), decisionDate: z.string() }).nullable(),
  replications: z.array(
    z.object({
      id: z.uuid(),
      unit: unitRefSchema,
      startedOn: z.string(),
      note: z.string().nullable(),
      canRemove: z.boolean(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.uuid(),
      fromStatus: z.enum(MODEL_STATUSES).nullable(),
      toStatus: z.enum(MODEL_STATUSES),
      effectiveOn: z.string(),
      at: z.string(),
      user: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
      note: z.string().nullable(),
      decisionId: z.uuid().nullable(),
    }),
  ),
  documentsCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    canEdit: z.boolean(),
    canRecognise: z.boolean(),
    canReplicate: z.boolean(),
    canArchive: z.boolean(),
  }),
});
export type ModelDetail = z.infer<typeof modelDetailSchema>;

export const modelFieldSchema = fieldRefSchema.extend({
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type ModelField = z.infer<typeof modelFieldSchema>;

export const listModelFieldsQuerySchema = z.object({
  includeInactive: z.enum(['true', 'false'], { message: 'includeInactive phải là true hoặc false' }).optional(),
});
export const modelFieldIdParamsSchema = z.object({ id: z.uuid({ message: 'Mã định danh lĩnh vực không hợp lệ' }) });

export const createModelFieldBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Mã gồm chữ thường không dấu, số và dấu gạch dưới (ví dụ digital_transformation)'),
  nameVi: z.string().trim().min(2, 'Nhập tên tiếng Việt').max(120),
  nameEn: z.string().trim().min(2, 'Nhập tên tiếng Anh').max(120),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
  isActive: z.boolean().default(true),
});
export type CreateModelFieldInput = z.infer<typeof createModelFieldBodySchema>;

export const updateModelFieldBodySchema = z.object({
  nameVi: createModelFieldBodySchema.shape.nameVi.optional(),
  nameEn: createModelFieldBodySchema.shape.nameEn.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UpdateModelFieldInput = z.infer<typeof updateModelFieldBodySchema>;

export const modelStatsQuerySchema = z.object({
  unit: z.string({ message: 'Chọn đơn vị' }).trim().min(1, 'Chọn đơn vị').max(64),
  from: isoDate.optional(),
  to: isoDate.optional(),
  campaign: z.string().trim().min(1).max(64).optional(),
});
export type ModelStatsQuery = z.infer<typeof modelStatsQuerySchema>;

const kindCountsSchema = z.object(
  Object.fromEntries(MODEL_KINDS.map((kind) => [kind, z.number().int()])) as Record<
    (typeof MODEL_KINDS)[number],
    z.ZodNumber
  >,
);
export type KindCounts = z.infer<typeof kindCountsSchema>;

export const modelStatsSchema = z.object({
  unit: unitRefSchema.extend({ kind: z.enum(UNIT_KINDS) }),
  from: z.string().nullable(),
  to: z.string(),
  campaign: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  total: z.number().int(),
  byStatus: statusCountsSchema,
  byKind: kindCountsSchema,
  byField: z.array(z.object({ field: fieldRefSchema, count: z.number().int() })),
  children: z.array(
    z.object({
      unit: unitRefSchema.extend({ kind: z.enum(UNIT_KINDS) }),
      total: z.number().int(),
      byStatus: statusCountsSchema,
    }),
  ),
  /**
   * Models under the unit but under none of its children valid on `to`: recorded on the unit itself, or under a child
   * that no longer existed on `to` (a district before 1/7/2025 when counting on today's tree).
   */
  notInChildren: z.number().int(),
});
export type ModelStats = z.infer<typeof modelStatsSchema>;
