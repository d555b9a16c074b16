/** Kinds of the documents a campaign is run under (Party document types, HD 36-HD/VPTW). */
export const CAMPAIGN_KINDS = [
  'directive',
  'resolution',
  'conclusion',
  'plan',
  'guidance',
  'regulation',
  'other',
] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, { vi: string; en: string }> = {
  directive: { vi: 'Chỉ thị', en: 'Directive' },
  resolution: { vi: 'Nghị quyết', en: 'Resolution' },
  conclusion: { vi: 'Kết luận', en: 'Conclusion' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  guidance: { vi: 'Hướng dẫn', en: 'Guidance' },
  regulation: { vi: 'Quy định', en: 'Regulation' },
  other: { vi: 'Văn bản khác', en: 'Other' },
};

/**
 * How one campaign stands to another, read from the first: KL 01 `continues` CT 05; CT 05 is `implemented_with`
 * NQ TW4 khóa XII; a provincial plan `implements` CT 05.
 */
export const CAMPAIGN_RELATIONS = ['continues', 'implemented_with', 'implements', 'related'] as const;
export type CampaignRelation = (typeof CAMPAIGN_RELATIONS)[number];

/** Which end of a stored link the campaign being shown is. */
export type LinkDirection = 'outgoing' | 'incoming';

/** Labels of a link seen from either end; the symmetric relations read the same both ways. */
export const CAMPAIGN_RELATION_LABELS: Record<CampaignRelation, Record<LinkDirection, { vi: string; en: string }>> = {
  continues: {
    outgoing: { vi: 'Tiếp tục', en: 'Continues' },
    incoming: { vi: 'Được tiếp tục bởi', en: 'Continued by' },
  },
  implemented_with: {
    outgoing: { vi: 'Thực hiện cùng', en: 'Implemented with' },
    incoming: { vi: 'Thực hiện cùng', en: 'Implemented with' },
  },
  implements: {
    outgoing: { vi: 'Triển khai', en: 'Implements' },
    incoming: { vi: 'Được triển khai bởi', en: 'Implemented by' },
  },
  related: {
    outgoing: { vi: 'Liên quan', en: 'Related' },
    incoming: { vi: 'Liên quan', en: 'Related' },
  },
};

/**
 * A document code as printed: number, type and issuer, e.g. `05-CT/TW`, `01-KL/TW`, `123-KH/TU`, `152-HD/BTGTW`,
 * `1436/QĐ-UBND`. Letters (with Đ), digits and `- / .`, no spaces.
 */
export const CAMPAIGN_CODE_PATTERN = /^[0-9A-Za-zĐđ]+([-/.][0-9A-Za-zĐđ]+)*$/;
