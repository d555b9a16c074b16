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
  conference: { vi: 'Hội nghị', en: 'Conference' },
  conference_agenda_item: { vi: 'Chương trình hội nghị', en: 'Agenda item' },
  conference_bridge: { vi: 'Điểm cầu', en: 'Bridge point' },
  conference_attendee: { vi: 'Đại biểu', en: 'Attendee' },
  conference_roster_category: { vi: 'Thành phần tham dự', en: 'Roster category' },
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
  'conference.create': { vi: 'Tạo hội nghị', en: 'Conference created' },
  'conference.update': { vi: 'Sửa hội nghị', en: 'Conference updated' },
  'conference.delete': { vi: 'Xóa hội nghị', en: 'Conference deleted' },
  'conference.news': { vi: 'Sửa tin bài hội nghị', en: 'News article edited' },
  'conference.agenda.create': { vi: 'Thêm mục chương trình', en: 'Agenda item added' },
  'conference.agenda.update': { vi: 'Sửa mục chương trình', en: 'Agenda item updated' },
  'conference.agenda.delete': { vi: 'Bỏ mục chương trình', en: 'Agenda item removed' },
  'conference.bridge.invite': { vi: 'Mời điểm cầu', en: 'Bridge points invited' },
  'conference.bridge.update': { vi: 'Sửa điểm cầu', en: 'Bridge point updated' },
  'conference.bridge.remove': { vi: 'Bỏ điểm cầu', en: 'Bridge point removed' },
  'conference.bridge.status': { vi: 'Đổi trạng thái điểm cầu', en: 'Bridge status changed' },
  'conference.bridge.head_count': { vi: 'Đếm số người tại hội trường', en: 'Head count' },
  'conference.bridge.attendance_text': { vi: 'Sửa đoạn thành phần tham dự', en: 'Attendance paragraph edited' },
  'conference.attendee.create': { vi: 'Thêm đại biểu', en: 'Attendee added' },
  'conference.attendee.update': { vi: 'Sửa đại biểu', en: 'Attendee updated' },
  'conference.attendee.delete': { vi: 'Bỏ đại biểu', en: 'Attendee removed' },
  'conference.attendee.import': { vi: 'Nhập danh sách đại biểu', en: 'Roster imported' },
  'conference.attendee.walk_in': { vi: 'Đại biểu đến trực tiếp', en: 'Walk-in' },
  'conference.attendee.check_in': { vi: 'Điểm danh', en: 'Check-in' },
  'conference.attendee.undo_check_in': { vi: 'Hủy điểm danh', en: 'Check-in undone' },
  'conference.category.create': { vi: 'Thêm thành phần tham dự', en: 'Roster category added' },
  'conference.category.update': { vi: 'Sửa thành phần tham dự', en: 'Roster category updated' },
  'conference.demo': { vi: 'Nạp hội nghị mẫu', en: 'Demo conferences' },
  'model-field.create': { vi: 'Thêm lĩnh vực', en: 'Field added' },
  'model-field.update': { vi: 'Sửa lĩnh vực', en: 'Field updated' },
};

export function entityTypeLabel(type: string, lang: Language): string {
  return ENTITY_TYPE_LABELS[type]?.[lang] ?? type;
}

export function actionLabel(action: string, lang: Language): string {
  return ACTION_LABELS[action]?.[lang] ?? action;
}
