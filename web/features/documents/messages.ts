import type { FeatureMessages } from '../../i18n/useMessages';

const vi = {
  upload: 'Tải tệp lên',
  uploading: 'Đang tải lên…',
  uploaded: 'Đã đính kèm {name}',
  hint: 'PDF, Word (.docx), Excel (.xlsx), ảnh JPEG, PNG, WebP; tối đa 20 MB mỗi tệp.',
  tooLarge: 'Tệp {name} lớn hơn 20 MB.',
  empty: 'Chưa có tài liệu đính kèm',
  view: 'Xem',
  download: 'Tải về',
  delete: 'Gỡ',
  deleteConfirm: 'Gỡ tệp {name} khỏi bản ghi này?',
  deleted: 'Đã gỡ {name}',
  by: '{name}, {date}',
  cancel: 'Hủy',
};

export type DocumentMessageKey = keyof typeof vi;

export const messages = {
  vi,
  en: {
    upload: 'Upload a file',
    uploading: 'Uploading…',
    uploaded: '{name} attached',
    hint: 'PDF, Word (.docx), Excel (.xlsx), JPEG, PNG or WebP images; up to 20 MB each.',
    tooLarge: '{name} is larger than 20 MB.',
    empty: 'No attachments yet',
    view: 'View',
    download: 'Download',
    delete: 'Remove',
    deleteConfirm: 'Remove {name} from this record?',
    deleted: '{name} removed',
    by: '{name}, {date}',
    cancel: 'Cancel',
  },
} satisfies FeatureMessages<DocumentMessageKey>;
