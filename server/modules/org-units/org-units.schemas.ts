import { z } from 'zod';
import { LINEAGE_EVENT_KINDS, UNIT_CODE_PATTERN, UNIT_KINDS } from '../../../common/org-units';

export const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });

export const orgUnitSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  hasChildren: z.boolean(),
});
export type OrgUnitSummary = z.infer<typeof orgUnitSummarySchema>;

const linkedUnitSchema = z.object({
  unit: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  }),
  event: z.object({ kind: z.enum(LINEAGE_EVENT_KINDS), effectiveDate: z.string(), legalBasis: z.string().nullable() }),
  isPartial: z.boolean(),
});

const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const orgUnitDetailSchema = orgUnitSummarySchema.extend({
  version: z.number().int(),
  parent: unitRefSchema.nullable(),
  ancestors: z.array(unitRefSchema),
  names: z.array(z.object({ name: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
  predecessors: z.array(linkedUnitSchema),
  successors: z.array(linkedUnitSchema),
  abilities: z.object({ canManage: z.boolean(), canEdit: z.boolean() }),
});
export type OrgUnitDetail = z.infer<typeof orgUnitDetailSchema>;

export const listOrgUnitsQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  at: isoDate.optional(),
  parent: z.string().trim().min(1).max(64).optional(),
  /** With `search`: only units strictly below this one (id or code), e.g. the subjects a committee may inspect. */
  under: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListOrgUnitsQuery = z.infer<typeof listOrgUnitsQuerySchema>;

export const unitIdParamsSchema = z.object({ id: z.uuid({ message: 'Mã định danh đơn vị không hợp lệ' }) });
export const idOrCodeParamsSchema = z.object({ idOrCode: z.string().trim().min(1).max(64) });
export const atQuerySchema = z.object({ at: isoDate.optional() });

const unitCode = z
  .string()
  .trim()
  .min(1, 'Nhập mã đơn vị')
  .max(40)
  .regex(UNIT_CODE_PATTERN, 'Mã chỉ gồm chữ, số và dấu gạch ngang (ví dụ 96, 970, 96-QS, 32041-07)');
const unitName = z.string().trim().min(2, 'Tên đơn vị quá ngắn').max(200);

export const createOrgUnitBodySchema = z.object({
  code: unitCode,
  name: unitName,
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid(),
  validFrom: isoDate,
});
export type CreateOrgUnitInput = z.infer<typeof createOrgUnitBodySchema>;

export const renameOrgUnitBodySchema = z.object({
  name: unitName,
  effectiveDate: isoDate,
  version: z.number().int().positive(),
});
export type RenameOrgUnitInput = z.infer<typeof renameOrgUnitBodySchema>;

export const closeOrgUnitBodySchema = z.object({
  validTo: isoDate,
  reason: z.string().trim().max(500).optional(),
  successorId: z.uuid().optional(),
  version: z.number().int().positive(),
});
export type CloseOrgUnitInput = z.infer<typeof closeOrgUnitBodySchema>;
