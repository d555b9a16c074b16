import type { FeatureMessages } from '../../i18n/useMessages';

const vi = {
  drop: 'Bấm hoặc kéo tệp vào đây',
  formats: 'Nhận tệp .xlsx hoặc .csv (UTF-8), tối đa 50 MB',
  dryRun: 'Chạy thử (chỉ kiểm tra, không ghi dữ liệu)',
  check: 'Kiểm tra tệp',
  submit: 'Nhập dữ liệu',
  template: 'Tải tệp mẫu',
  close: 'Đóng',
  row: 'Dòng',
  column: 'Cột',
  error: 'Lỗi',
  uploading: 'Đang gửi tệp… {percent}%',
  waiting: 'Máy chủ đang đọc tệp…',
  checked: 'Đã đọc và kiểm tra {rows} dòng…',
  checkedOf: 'Đã kiểm tra {rows}/{total} dòng…',
  finishing: 'Đã kiểm tra {rows} dòng, đang hoàn tất…',
  writing: 'Đang ghi {rows}/{total} dòng…',
};

const en: Record<keyof typeof vi, string> = {
  drop: 'Click or drop a file here',
  formats: '.xlsx or .csv (UTF-8), up to 50 MB',
  dryRun: 'Dry run (check only, write nothing)',
  check: 'Check the file',
  submit: 'Import',
  template: 'Download the template',
  close: 'Close',
  row: 'Row',
  column: 'Column',
  error: 'Error',
  uploading: 'Sending the file… {percent}%',
  waiting: 'The server is reading the file…',
  checked: '{rows} rows read and checked…',
  checkedOf: '{rows}/{total} rows checked…',
  finishing: '{rows} rows checked, finishing…',
  writing: 'Writing {rows}/{total} rows…',
};

export const messages: FeatureMessages<keyof typeof vi> = { vi, en };
