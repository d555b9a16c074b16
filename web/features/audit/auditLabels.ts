import type { Language } from '../../i18n/LanguageContext';

type Label = { vi: string; en: string };

/** Labels of the entity types the server writes; the filter lists what the log holds, an unknown type shows as its code. */
export const ENTITY_TYPE_LABELS: Record<string, Label> = {
  org_unit: { vi: 'Đơn vị', en: 'Unit' },
  user: { vi: 'Người dùng', en: 'User' },
  demo: { vi: 'Dữ liệu mẫu', en: 'Demo data' },
};

const ACTION_LABELS: Record<string, Label> = {
  'org-unit.create': { vi: 'Thêm đơn vị', en: 'Unit created' },
  'org-unit.rename': { vi: 'Đổi tên đơn vị', en: 'Unit renamed' },
  'org-unit.close': { vi: 'Chấm dứt hoạt động', en: 'Unit closed' },
  'org-unit.import': { vi: 'Nhập đơn vị từ tệp', en: 'Units imported' },
  'user.create': { vi: 'Tạo người dùng', en: 'User created' },
  'user.update': { vi: 'Sửa người dùng', en: 'User updated' },
  'user.reset-password': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'user.change-password': { vi: 'Đổi mật khẩu', en: 'Password changed' },
  'user.grant': { vi: 'Cấp quyền', en: 'Grant added' },
  'user.revoke': { vi: 'Thu hồi quyền', en: 'Grant removed' },
  'demo.load': { vi: 'Nạp dữ liệu mẫu', en: 'Demo data loaded' },
};

export function entityTypeLabel(type: string, lang: Language): string {
  return ENTITY_TYPE_LABELS[type]?.[lang] ?? type;
}

export function actionLabel(action: string, lang: Language): string {
  return ACTION_LABELS[action]?.[lang] ?? action;
}
