import { z } from 'zod';
import {
  COMMENDATION_FORMS,
  COMMENDATION_LEVELS,
  COMMENDATION_SYSTEMS,
  COMMENDATION_TYPES,
  RECIPIENT_TYPES,
} from '../../../common/commendations';

const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });
const uuid = (what: string) => z.uuid({ message: `Mã định danh ${what} không hợp lệ` });
/** A unit or campaign given by id or by code (`96`, `05-CT/TW`). */
const idOrCode = z.string().trim().min(1).max(64);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .nullish()
    .transform((value) => (value ? value : null));

const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const campaignRefSchema = z.object({ id: z.uuid(), code: z.string() });

export const recipientSchema = z.object({
  id: z.uuid(),
  recipientType: z.enum(RECIPIENT_TYPES),
  name: z.string(),
  /** The unit as it was on the decision date, with the name it bore then. */
  unit: unitRefSchema,
  position: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RecipientView = z.infer<typeof recipientSchema>;

export const decisionSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  decisionDate: z.string(),
  system: z.enum(COMMENDATION_SYSTEMS),
  issuerName: z.string(),
  issuerUnit: unitRefSchema.nullable(),
  unit: unitRefSchema,
  level: z.enum(COMMENDATION_LEVELS),
  form: z.enum(COMMENDATION_FORMS),
  type: z.enum(COMMENDATION_TYPES),
  campaign: campaignRefSchema.nullable(),
  achievementFrom: z.string().nullable(),
  achievementTo: z.string().nullable(),
  signer: z.string().nullable(),
  version: z.number().int(),
  collectiveCount: z.number().int(),
  individualCount: z.number().int(),
});
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;

export const decisionDetailSchema = decisionSummarySchema.extend({
  recipients: z.array(recipientSchema),
  abilities: z.object({ canEdit: z.boolean(), canDelete: z.boolean() }),
});
export type DecisionDetail = z.infer<typeof decisionDetailSchema>;

export const listDecisionsQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  level: z.enum(COMMENDATION_LEVELS).optional(),
  form: z.enum(COMMENDATION_FORMS).optional(),
  type: z.enum(COMMENDATION_TYPES).optional(),
  campaign: idOrCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Decisions with a recipient in this unit's subtree (id, or code resolved at `to` or today). */
  unit: idOrCode.optional(),
  recipientType: z.enum(RECIPIENT_TYPES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListDecisionsQuery = z.infer<typeof listDecisionsQuerySchema>;
export type DecisionFilters = Omit<ListDecisionsQuery, 'page' | 'pageSize'>;

export const listDecisionsResponseSchema = z.object({ items: z.array(decisionSummarySchema), total: z.number().int() });

export const decisionIdParamsSchema = z.object({ id: uuid('quyết định') });
export const recipientParamsSchema = decisionIdParamsSchema.extend({ recipientId: uuid('người, tập thể được khen') });
export const versionQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });
export const requiredVersionQuerySchema = z.object({ version: z.coerce.number().int().positive() });

const recipientFields = {
  recipientType: z.enum(RECIPIENT_TYPES),
  name: z.string().trim().min(2, 'Nhập tên tập thể hoặc cá nhân').max(300),
  unitId: uuid('đơn vị'),
  position: optionalText(200),
  reason: optionalText(2000),
};

export const recipientInputSchema = z.object(recipientFields);
export type RecipientInput = z.infer<typeof recipientInputSchema>;

const decisionFields = {
  number: z.string().trim().min(1, 'Nhập số, ký hiệu quyết định').max(60),
  decisionDate: isoDate,
  system: z.enum(COMMENDATION_SYSTEMS),
  issuerName: z.string().trim().min(2, 'Nhập cơ quan ban hành').max(300),
  issuerUnitId: uuid('đơn vị ban hành').nullish(),
  unitId: uuid('đơn vị').optional(),
  level: z.enum(COMMENDATION_LEVELS),
  form: z.enum(COMMENDATION_FORMS),
  type: z.enum(COMMENDATION_TYPES),
  campaignId: uuid('chương trình').nullish(),
  achievementFrom: isoDate.nullish(),
  achievementTo: isoDate.nullish(),
  signer: optionalText(200),
};

export const createDecisionBodySchema = z.object({
  ...decisionFields,
  recipients: z.array(recipientInputSchema).max(5000, 'Tối đa 5.000 người, tập thể trong một quyết định').default([]),
});
export type CreateDecisionInput = z.infer<typeof createDecisionBodySchema>;

export const updateDecisionBodySchema = z
  .object(decisionFields)
  .partial()
  .extend({ version: z.number().int().positive() });
export type UpdateDecisionInput = z.infer<typeof updateDecisionBodySchema>;

export const addRecipientBodySchema = recipientInputSchema.extend({ version: z.number().int().positive() });
export type AddRecipientInput = z.infer<typeof addRecipientBodySchema>;

export const updateRecipientBodySchema = z
  .object(recipientFields)
  .partial()
  .extend({ version: z.number().int().positive() });
export type UpdateRecipientInput = z.infer<typeof updateRecipientBodySchema>;

const levelCountsSchema = z.object({ collective: z.number().int(), individual: z.number().int() });
export const countsSchema = z.object({
  byLevel: z.record(z.enum(COMMENDATION_LEVELS), levelCountsSchema),
  collective: z.number().int(),
  individual: z.number().int(),
  total: z.number().int(),
});
export type CommendationCounts = z.infer<typeof countsSchema>;

export const statsQuerySchema = z.object({
  unit: idOrCode,
  from: isoDate,
  to: isoDate,
  campaign: idOrCode.optional(),
});

export const statsResponseSchema = z.object({
  unit: unitRefSchema,
  from: z.string(),
  to: z.string(),
  campaign: campaignRefSchema.nullable(),
  counts: countsSchema,
  children: z.array(z.object({ unit: unitRefSchema, counts: countsSchema })),
  /** Recipients of the unit itself or of children that no longer existed on `to`: in the total, in no child row. */
  outsideChildren: countsSchema,
});
export type CommendationStats = z.infer<typeof statsResponseSchema>;

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false'], { message: 'dryRun phải là true hoặc false' }).optional(),
  skipExisting: z.enum(['true', 'false'], { message: 'skipExisting phải là true hoặc false' }).optional(),
});

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  decisions: z.number().int(),
  recipients: z.number().int(),
  /** Recipients by level × type, as they would be (dry run) or were created. */
  byLevel: z.record(z.enum(COMMENDATION_LEVELS), levelCountsSchema),
  skipped: z.array(z.object({ number: z.string(), decisionDate: z.string(), issuerName: z.string() })),
  /** The decisions it creates (or would), in file order: the first IMPORT_LIST_LIMIT of `decisions`. */
  created: z.array(
    z.object({
      number: z.string(),
      decisionDate: z.string(),
      level: z.enum(COMMENDATION_LEVELS),
      form: z.enum(COMMENDATION_FORMS),
      issuerName: z.string(),
      campaignCode: z.string().nullable(),
      recipients: z.number().int(),
    }),
  ),
});
/** How many created decisions an import result lists; the count says how many there are in all. */
export const IMPORT_LIST_LIMIT = 200;
export type ImportedDecision = z.infer<typeof importResultSchema>['created'][number];
export type ImportCommendationsResult = z.infer<typeof importResultSchema>;
