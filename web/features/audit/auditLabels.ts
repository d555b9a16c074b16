import type { Language } from '../../i18n/LanguageContext';

type Label = { vi: string; en: string };

/** Labels of the entity types the server writes; the filter lists what the log holds, an unknown type shows as its code. */
export const ENTITY_TYPE_LABELS: Record<string, Label> = {
  org_unit: { vi: 'Đơn vị', en: 'Unit' },
  user: { vi: 'Người dùng', en: 'User' },
  demo: { vi: 'Dữ liệu mẫu', en: 'Demo data' },
  campaign: { vi: 'Chỉ thị, nghị quyết', en: 'Campaign' },
  study_theme: { vi: 'Chuyên đề', en: 'Study theme' },
  document: { vi: 'Tài liệu', en: 'Document' },
  commendation_decision: { vi: 'Quyết định khen thưởng', en: 'Commendation decision' },
  model: { vi: 'Mô hình, cách làm hay', en: 'Model' },
  model_field: { vi: 'Lĩnh vực', en: 'Field' },
  cell_meeting: { vi: 'Sinh hoạt chi bộ', en: 'Cell meeting' },
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
  'user.disable': { vi: 'Khóa tài khoản', en: 'User disabled' },
  'user.enable': { vi: 'Mở khóa tài khoản', en: 'User enabled' },
  'demo.load': { vi: 'Nạp dữ liệu mẫu', en: 'Demo data loaded' },
  'campaign.create': { vi: 'Thêm chỉ thị, nghị quyết', en: 'Campaign created' },
  'campaign.update': { vi: 'Sửa chỉ thị, nghị quyết', en: 'Campaign updated' },
  'campaign.link': { vi: 'Liên kết văn bản', en: 'Campaigns linked' },
  'campaign.unlink': { vi: 'Bỏ liên kết văn bản', en: 'Campaigns unlinked' },
  'study-theme.create': { vi: 'Thêm chuyên đề', en: 'Theme created' },
  'study-theme.update': { vi: 'Sửa chuyên đề', en: 'Theme updated' },
  'document.upload': { vi: 'Đính kèm tài liệu', en: 'Document attached' },
  'document.delete': { vi: 'Xóa tài liệu', en: 'Document removed' },
  'commendation.create': { vi: 'Thêm quyết định khen thưởng', en: 'Decision created' },
  'commendation.update': { vi: 'Sửa quyết định khen thưởng', en: 'Decision updated' },
  'commendation.delete': { vi: 'Xóa quyết định khen thưởng', en: 'Decision deleted' },
  'commendation.import': { vi: 'Nhập khen thưởng từ tệp', en: 'Commendations imported' },
  'commendation.recipient.add': { vi: 'Thêm người, tập thể được khen', en: 'Recipient added' },
  'commendation.recipient.update': { vi: 'Sửa người, tập thể được khen', en: 'Recipient updated' },
  'commendation.recipient.delete': { vi: 'Xóa người, tập thể được khen', en: 'Recipient removed' },
  'commendation.demo': { vi: 'Nạp khen thưởng mẫu', en: 'Demo commendations' },
  'model.create': { vi: 'Đăng ký mô hình', en: 'Model registered' },
  'model.update': { vi: 'Sửa mô hình', en: 'Model updated' },
  'model.recognise': { vi: 'Công nhận mô hình', en: 'Model recognised' },
  'model.replicate': { vi: 'Nhân rộng mô hình', en: 'Model replicated' },
  'model.replication.remove': { vi: 'Bỏ đơn vị nhân rộng', en: 'Replication removed' },
  'model.archive': { vi: 'Lưu trữ mô hình', en: 'Model archived' },
  'model.import': { vi: 'Nhập mô hình từ tệp', en: 'Models imported' },
  'model.demo': { vi: 'Nạp mô hình mẫu', en: 'Demo models' },
  'model-field.create': { vi: 'Thêm lĩnh vực', en: 'Field added' },
  'model-field.update': { vi: 'Sửa lĩnh vực', en: 'Field updated' },
  'meeting.create': { vi: 'Ghi buổi sinh hoạt chi bộ', en: 'Meeting recorded' },
  'meeting.update': { vi: 'Sửa buổi sinh hoạt chi bộ', en: 'Meeting updated' },
  'meeting.delete': { vi: 'Xóa buổi sinh hoạt chi bộ', en: 'Meeting deleted' },
  'meeting.import': { vi: 'Nhập sinh hoạt chi bộ từ tệp', en: 'Meetings imported' },
};

export function entityTypeLabel(type: string, lang: Language): string {
  return ENTITY_TYPE_LABELS[type]?.[lang] ?? type;
}

export function actionLabel(action: string, lang: Language): string {
  return ACTION_LABELS[action]?.[lang] ?? action;
}
