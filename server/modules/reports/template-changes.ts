import type { ErrorDetail } from '../../../common/errors';
import type { ReportSectionSpec } from '../../db/tables/reports';
import { AppError } from '../../platform/errors';
import type { Indicator, IndicatorSpec } from './reports.schemas';

/**
 * What may change in a template once units have opened reports on it. Submissions keep their figures by indicator
 * code and their texts by section key, and an approved report is a snapshot the aggregate adds up; so a change that
 * would leave a stored figure without its indicator, give it another meaning (type, source, catalogue entry) or add
 * up already-approved reports by another rule is refused. Everything a reader sees only — names, units, hints,
 * order, which part an indicator sits in — and anything added stays open. A breaking change needs a new template
 * (and this one deactivated), so the reports already made stay as they were.
 */
export function assertChangesKeepSubmissions(
  before: { indicators: Indicator[]; sections: ReportSectionSpec[] },
  after: { indicators?: IndicatorSpec[]; sections?: ReportSectionSpec[] },
  submissionCount: number,
): void {
  if (submissionCount === 0) {
    return;
  }
  const why = `mẫu đã có ${submissionCount} báo cáo của các đơn vị`;
  const details: ErrorDetail[] = [];
  if (after.indicators) {
    const sent = new Map(after.indicators.map((indicator, i) => [indicator.code, { indicator, i }]));
    for (const old of before.indicators) {
      const next = sent.get(old.code);
      if (!next) {
        details.push({
          path: 'body.indicators',
          message: `Không thể bỏ chỉ tiêu "${old.label}" (mã ${old.code}): ${why}, số liệu đã nhập theo mã này.`,
        });
        continue;
      }
      const changed = [
        next.indicator.valueType !== old.valueType && 'kiểu giá trị',
        next.indicator.source !== old.source && 'nguồn số liệu',
        (next.indicator.source === 'computed' ? (next.indicator.catalogueCode ?? null) : null) !== old.catalogueCode &&
          'chỉ tiêu trong danh mục',
        next.indicator.rollUp !== old.rollUp && 'cách tổng hợp',
        (next.indicator.rollUp === 'weighted_average' ? (next.indicator.weightCode ?? null) : null) !==
          old.weightCode && 'trọng số',
      ].filter((field): field is string => typeof field === 'string');
      if (changed.length) {
        details.push({
          path: `body.indicators.${next.i}`,
          message: `Không thể đổi ${changed.join(', ')} của chỉ tiêu "${old.label}": ${why}.`,
        });
      }
    }
  }
  if (after.sections) {
    const keys = new Set(after.sections.map((s) => s.key));
    for (const old of before.sections) {
      if (!keys.has(old.key)) {
        details.push({
          path: 'body.sections',
          message: `Không thể bỏ phần ${old.key} "${old.title}": ${why}, nội dung đã viết theo phần này.`,
        });
      }
    }
  }
  if (details.length) {
    throw new AppError(
      'INVALID_STATE',
      'Thay đổi này làm sai các báo cáo đã có. Được sửa tên, đơn vị tính, gợi ý, thứ tự và thêm phần, chỉ tiêu mới; muốn đổi cấu trúc, hãy tạo mẫu mới và ngừng dùng mẫu này.',
      details,
    );
  }
}
