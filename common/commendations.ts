/** Commendation enums shared by server and web (DOMAIN-NOTES §2; GLOSSARY: award forms keep their Vietnamese names). */
export const COMMENDATION_LEVELS = ['central', 'province', 'district', 'commune', 'grassroots'] as const;
export type CommendationLevel = (typeof COMMENDATION_LEVELS)[number];

export const COMMENDATION_FORMS = [
  'GIAY_KHEN',
  'BANG_KHEN',
  'CO_THI_DUA',
  'BIEU_DUONG',
  'KY_NIEM_CHUONG',
  'HUAN_CHUONG',
  'OTHER',
] as const;
export type CommendationForm = (typeof COMMENDATION_FORMS)[number];

export const COMMENDATION_TYPES = ['periodic', 'thematic', 'ad_hoc'] as const;
export type CommendationType = (typeof COMMENDATION_TYPES)[number];

export const COMMENDATION_SYSTEMS = ['party', 'state'] as const;
export type CommendationSystem = (typeof COMMENDATION_SYSTEMS)[number];

export const RECIPIENT_TYPES = ['collective', 'individual'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const COMMENDATION_LEVEL_LABELS: Labels<CommendationLevel> = {
  central: { vi: 'Cấp Trung ương', en: 'Central level' },
  province: { vi: 'Cấp tỉnh', en: 'Provincial level' },
  district: { vi: 'Cấp huyện', en: 'District level' },
  commune: { vi: 'Cấp xã', en: 'Commune level' },
  grassroots: { vi: 'Cấp cơ sở', en: 'Grassroots level' },
};

export const COMMENDATION_FORM_LABELS: Labels<CommendationForm> = {
  GIAY_KHEN: { vi: 'Giấy khen', en: 'Certificate of Merit' },
  BANG_KHEN: { vi: 'Bằng khen', en: 'Diploma of Merit' },
  CO_THI_DUA: { vi: 'Cờ thi đua', en: 'Emulation flag' },
  BIEU_DUONG: { vi: 'Biểu dương', en: 'Praise' },
  KY_NIEM_CHUONG: { vi: 'Kỷ niệm chương', en: 'Commemorative medal' },
  HUAN_CHUONG: { vi: 'Huân chương', en: 'Order' },
  OTHER: { vi: 'Hình thức khác', en: 'Other' },
};

export const COMMENDATION_TYPE_LABELS: Labels<CommendationType> = {
  periodic: { vi: 'Định kỳ', en: 'Periodic' },
  thematic: { vi: 'Chuyên đề', en: 'Thematic' },
  ad_hoc: { vi: 'Đột xuất', en: 'Ad hoc' },
};

export const COMMENDATION_SYSTEM_LABELS: Labels<CommendationSystem> = {
  party: { vi: 'Đảng', en: 'Party' },
  state: { vi: 'Nhà nước', en: 'State' },
};

export const RECIPIENT_TYPE_LABELS: Labels<RecipientType> = {
  collective: { vi: 'Tập thể', en: 'Collective' },
  individual: { vi: 'Cá nhân', en: 'Individual' },
};
