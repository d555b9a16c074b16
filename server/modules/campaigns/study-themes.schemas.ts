import { z } from 'zod';
import { campaignCode, campaignRefSchema, isoDate, unitRefSchema } from './campaigns.schemas';

export const themeSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  campaign: campaignRefSchema,
  scopeUnit: unitRefSchema,
  version: z.number().int(),
  /** Edit: manager on the scope unit; attach documents: editor there. */
  abilities: z.object({ canEdit: z.boolean(), canAttach: z.boolean() }),
});
export type ThemeSummary = z.infer<typeof themeSummarySchema>;

/** One theme; the same fields as in lists, which already carry what the caller may do. */
export const themeDetailSchema = themeSummarySchema;
export type ThemeDetail = z.infer<typeof themeDetailSchema>;

const unitId = z.uuid({ message: 'Mã định danh đơn vị không hợp lệ' });

export const listThemesQuerySchema = z
  .object({
    /** A campaign by id or by code (`05-CT/TW`). */
    campaign: z.string().trim().min(1).max(64).optional(),
    /** Themes whose scope lies in this unit's subtree. */
    unit: unitId.optional(),
    /** Themes that apply to this unit: their scope is the unit or one above it. */
    appliesTo: unitId.optional(),
    /** Themes whose period contains this date (with `appliesTo`: the unit's current themes). */
    at: isoDate.optional(),
    /** Themes whose period overlaps [from, to]. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    search: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Từ ngày phải trước đến ngày', path: ['to'] });
export type ListThemesQuery = z.infer<typeof listThemesQuerySchema>;

export const listThemesResponseSchema = z.object({
  items: z.array(themeSummarySchema),
  total: z.number().int(),
  abilities: z.object({ canCreate: z.boolean() }),
});

export const themeIdParamsSchema = z.object({ id: z.uuid({ message: 'Mã định danh chuyên đề không hợp lệ' }) });

const title = z.string().trim().min(5, 'Tên chuyên đề quá ngắn').max(500, 'Tên chuyên đề tối đa 500 ký tự');
const description = z.string().trim().max(5000, 'Mô tả tối đa 5.000 ký tự').nullable();
const periodOrder = { message: 'Ngày kết thúc không được trước ngày bắt đầu', path: ['periodEnd'] };

export const createThemeBodySchema = z
  .object({
    campaignId: z.uuid({ message: 'Chọn văn bản của chuyên đề' }),
    code: campaignCode,
    title,
    description: description.optional(),
    periodStart: isoDate,
    periodEnd: isoDate,
    scopeUnitId: z.uuid({ message: 'Chọn đơn vị phạm vi' }),
  })
  .refine((b) => b.periodStart <= b.periodEnd, periodOrder);
export type CreateThemeInput = z.infer<typeof createThemeBodySchema>;

export const updateThemeBodySchema = z
  .object({
    code: campaignCode.optional(),
    title: title.optional(),
    description: description.optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    scopeUnitId: z.uuid({ message: 'Chọn đơn vị phạm vi' }).optional(),
    version: z.number().int().positive(),
  })
  .refine((b) => !b.periodStart || !b.periodEnd || b.periodStart <= b.periodEnd, periodOrder);
export type UpdateThemeInput = z.infer<typeof updateThemeBodySchema>;

export const THEME_FIELD_LABELS = {
  code: 'Mã chuyên đề',
  title: 'Tên chuyên đề',
  description: 'Mô tả',
  periodStart: 'Bắt đầu',
  periodEnd: 'Kết thúc',
  scopeUnitId: 'Đơn vị phạm vi',
};
