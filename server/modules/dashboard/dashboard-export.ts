import ExcelJS from 'exceljs';
import { FIGURE_LABELS, STRUCTURE_LABELS } from '../../../common/dashboard';
import { recordValueLabel } from '../../../common/dashboard-values';
import { formatDateVi } from '../../../common/dates';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { validationFailed } from '../../platform/errors';
import { readRecords } from './dashboard.service';
import type { RecordsQuery } from './dashboard.schemas';

/** Past this the export stops and asks for a narrower unit or period (a province's five years fit well within it). */
export const MAX_EXPORT_ROWS = 100_000;

function toUtcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The records behind a figure as an XLSX: a heading that says which unit, period, structure and part they are, then
 * one row per record — the same query as the list and the count, so the file has exactly as many rows as the
 * dashboard shows.
 */
export async function exportRecords(
  db: DbOrTrx,
  actor: Actor,
  query: Omit<RecordsQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; data: Buffer }> {
  const page = await readRecords(db, actor, query, { limit: MAX_EXPORT_ROWS + 1, offset: 0 });
  if (page.total > MAX_EXPORT_ROWS) {
    const message = `Có ${page.total.toLocaleString('vi-VN')} bản ghi, vượt quá ${MAX_EXPORT_ROWS.toLocaleString('vi-VN')} dòng một tệp; chọn đơn vị cấp dưới hoặc thu hẹp khoảng thời gian.`;
    throw validationFailed(message, [{ path: 'query', message }]);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 4 }] });
  const parts = [
    query.level && recordValueLabel('commendationLevel', query.level),
    query.recipientType && recordValueLabel('recipientType', query.recipientType),
    query.status && recordValueLabel('modelStatus', query.status),
    query.field && `lĩnh vực ${query.field}`,
    query.meetingType && recordValueLabel('meetingType', query.meetingType),
    query.theme && (query.theme === 'theme' ? 'có học chuyên đề' : 'không học chuyên đề'),
    query.inspectionKind && recordValueLabel('inspectionKind', query.inspectionKind),
    query.form && recordValueLabel('inspectionForm', query.form),
    query.recommendationStatus && recordValueLabel('recommendationStatus', query.recommendationStatus),
    query.overdue && (query.overdue === 'overdue' ? 'quá hạn' : 'chưa quá hạn'),
  ].filter(Boolean);
  sheet.addRow([`${FIGURE_LABELS[query.figure].vi}${parts.length ? ` — ${parts.join(', ')}` : ''}`]).font = {
    bold: true,
    size: 13,
  };
  sheet.addRow([
    `${page.unit.name} (${page.unit.code}), từ ${formatDateVi(query.from)} đến ${formatDateVi(query.to)}, ${STRUCTURE_LABELS[page.structure].vi.toLowerCase()}; ${page.total.toLocaleString('vi-VN')} bản ghi.`,
  ]);
  sheet.addRow([]);
  const headers = [
    'STT',
    page.dateLabel.vi,
    'Đơn vị (khi ghi nhận)',
    'Đơn vị (cơ cấu hiện nay)',
    ...page.columns.map((c) => c.vi),
  ];
  const head = sheet.addRow(headers);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  sheet.columns = headers.map((h, i) => ({
    width: i === 0 ? 7 : i === 1 ? 12 : Math.max(18, Math.min(48, h.length + 8)),
  }));
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  page.rows.forEach((row, i) => {
    sheet.addRow([
      i + 1,
      toUtcDate(row.date),
      row.unitName,
      row.currentUnitName,
      ...page.columns.map((c) => recordValueLabel(c.kind, row.values[c.key])),
    ]);
  });
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `so-lieu-${query.figure}-${page.unit.code}-${query.from}-${query.to}.xlsx`, data };
}
