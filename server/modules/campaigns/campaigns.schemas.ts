import { z } from 'zod';
import { CAMPAIGN_CODE_PATTERN, CAMPAIGN_KINDS, CAMPAIGN_RELATIONS } from '../../../common/campaigns';

export const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });

export const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof unitRefSchema>;

export const campaignRefSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string(),
});
export type CampaignRef = z.infer<typeof campaignRefSchema>;

export const campaignLinkSchema = z.object({
  relation: z.enum(CAMPAIGN_RELATIONS),
  /** outgoing: this campaign → the other (this one continues/implements it); incoming: the other → this one. */
  direction: z.enum(['outgoing', 'incoming']),
  /** The Vietnamese label read from this campaign's side, e.g. "Tiếp tục", "Được triển khai bởi". */
  label: z.string(),
  campaign: campaignRefSchema.extend({ issuedOn: z.string() }),
});
export type CampaignLink = z.infer<typeof campaignLinkSchema>;

export const campaignSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string(),
  issuingBody: z.string(),
  issuedOn: z.string(),
  summary: z.string().nullable(),
  scopeUnit: unitRefSchema,
  /** Themes of the campaign the caller can see. */
  themesCount: z.number().int(),
  links: z.array(campaignLinkSchema),
  version: z.number().int(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignDetailSchema = campaignSummarySchema.extend({
  abilities: z.object({
    /** Edit, link and add themes: manager on the scope unit. */
    canEdit: z.boolean(),
    /** Attach documents: editor on the scope unit. */
    canAttach: z.boolean(),
  }),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

export const listCampaignsQuerySchema = z.object({
  kind: z.enum(CAMPAIGN_KINDS).optional(),
  search: z.string().trim().max(100).optional(),
  /** Campaigns whose scope lies in this unit's subtree (the unit itself included). */
  unit: z.uuid({ message: 'Mã định danh đơn vị không hợp lệ' }).optional(),
  /** Campaigns that apply to this unit: their scope is the unit or one above it. */
  appliesTo: z.uuid({ message: 'Mã định danh đơn vị không hợp lệ' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuerySchema>;

export const listCampaignsResponseSchema = z.object({
  items: z.array(campaignSummarySchema),
  total: z.number().int(),
  abilities: z.object({ canCreate: z.boolean() }),
});

export const campaignIdParamsSchema = z.object({ id: z.uuid({ message: 'Mã định danh văn bản không hợp lệ' }) });
export const campaignLinkParamsSchema = z.object({
  id: z.uuid({ message: 'Mã định danh văn bản không hợp lệ' }),
  relatedId: z.uuid({ message: 'Mã định danh văn bản liên quan không hợp lệ' }),
});

export const campaignCode = z
  .string()
  .trim()
  .min(1, 'Nhập số và ký hiệu')
  .max(40, 'Số và ký hiệu tối đa 40 ký tự')
  .regex(CAMPAIGN_CODE_PATTERN, 'Số và ký hiệu viết liền, ví dụ 05-CT/TW, 01-KL/TW, 123-KH/TU');

const title = z.string().trim().min(5, 'Trích yếu quá ngắn').max(500, 'Trích yếu tối đa 500 ký tự');
const issuingBody = z.string().trim().min(2, 'Nhập cơ quan ban hành').max(200);
const summary = z.string().trim().max(5000, 'Tóm tắt tối đa 5.000 ký tự').nullable();

export const createCampaignBodySchema = z.object({
  code: campaignCode,
  kind: z.enum(CAMPAIGN_KINDS),
  title,
  issuingBody,
  issuedOn: isoDate,
  summary: summary.optional(),
  scopeUnitId: z.uuid({ message: 'Chọn đơn vị phạm vi' }),
});
export type CreateCampaignInput = z.infer<typeof createCampaignBodySchema>;

export const updateCampaignBodySchema = z.object({
  code: campaignCode.optional(),
  kind: z.enum(CAMPAIGN_KINDS).optional(),
  title: title.optional(),
  issuingBody: issuingBody.optional(),
  issuedOn: isoDate.optional(),
  summary: summary.optional(),
  scopeUnitId: z.uuid({ message: 'Chọn đơn vị phạm vi' }).optional(),
  version: z.number().int().positive(),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignBodySchema>;

export const linkCampaignBodySchema = z.object({
  relatedCampaignId: z.uuid({ message: 'Chọn văn bản liên quan' }),
  relation: z.enum(CAMPAIGN_RELATIONS),
});
export type LinkCampaignInput = z.infer<typeof linkCampaignBodySchema>;

/** Field names as users read them, for "what changed" in a 409. */
export const CAMPAIGN_FIELD_LABELS = {
  code: 'Số và ký hiệu',
  kind: 'Loại văn bản',
  title: 'Trích yếu',
  issuingBody: 'Cơ quan ban hành',
  issuedOn: 'Ngày ban hành',
  summary: 'Tóm tắt',
  scopeUnitId: 'Đơn vị phạm vi',
};
