import ExcelJS from 'exceljs';
import { formatDateVi, todayIso } from '../../../common/dates';
import { ROLL_UP_LABELS, SUBMISSION_STATUS_LABELS } from '../../../common/reports';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import type { XlsxFile } from '../../platform/import/http';
import { resolveUnit } from '../org-units/org-units.service';
import { issuerContext } from './document-context';
import {
  commendationParagraph,
  countText,
  inspectionsParagraph,
  meetingsParagraph,
  modelsParagraph,
  percentText,
  placeAndDate,
} from './drafting';
import { loadSources } from './indicators';
import { buildPartyDocument, type BodyBlock } from './party-docx';
import { documentSymbol } from './party-heading';
import { loadReview } from './review.service';
import { getSubmission, loadSubmission } from './submissions.service';
import { loadTemplate } from './templates.service';
import type { Indicator, ReviewQuery } from './reports.schemas';

// The DOCX (Party format) and the XLSX data appendix (phụ lục số liệu) of a submission or of the aggregate a
// reviewing unit makes of its children's approved submissions.

export interface DocxFile {
  fileName: string;
  data: Buffer;
}

export function valueText(indicator: Pick<Indicator, 'valueType'>, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'number') {
    return indicator.valueType === 'percent' ? percentText(value) : countText(value);
  }
  return String(value);
}

const paragraphs = (text: string): BodyBlock[] =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph', text: line }));

const heading = (key: string, title: string): BodyBlock => ({
  kind: 'heading',
  level: 1,
  text: `${key}. ${title.toLocaleUpperCase('vi')}`,
});

function chartOf(
  title: string,
  indicators: Indicator[],
  series: string[],
  values: (i: Indicator) => number[],
): BodyBlock[] {
  const shown = indicators.filter((i) => i.valueType === 'integer' && values(i).some((v) => v > 0)).slice(0, 8);
  if (shown.length < 2) {
    return [];
  }
  return [
    {
      kind: 'chart',
      title,
      categories: shown.map((i) => i.label),
      series,
      values: shown.map(values),
      format: countText,
    },
  ];
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The DOCX of one submission: the unit's heading and number, its sections, the data table and a chart. */
export async function submissionDocx(db: DbOrTrx, actor: Actor, id: string): Promise<DocxFile> {
  const row = await loadSubmission(db, actor, id);
  const detail = await getSubmission(db, actor, id);
  const unit = (await resolveUnit(db, row.unit_id, row.period_to))!;
  const date = row.doc_date ?? todayIso();
  const ctx = await issuerContext(db, unit, date);
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text: `${unit.name} báo cáo kết quả kỳ ${detail.period.label} (từ ${formatDateVi(row.period_from)} đến ${formatDateVi(row.period_to)}) như sau:`,
    },
  ];
  for (const section of detail.sections) {
    body.push(heading(section.key, section.title));
    body.push(
      ...(section.text.trim()
        ? paragraphs(section.text)
        : [{ kind: 'paragraph', text: '[Chưa có nội dung]', italic: true } as BodyBlock]),
    );
  }
  body.push({ kind: 'heading', level: 1, text: 'PHỤ LỤC SỐ LIỆU' });
  body.push({
    kind: 'table',
    columns: ['Chỉ tiêu', 'Đơn vị tính', 'Số liệu'],
    numeric: [false, false, true],
    rows: detail.indicators.map((i) => [i.label, i.unitLabel ?? '', valueText(i, i.value)]),
  });
  body.push(
    ...chartOf('Biểu đồ. Số liệu chủ yếu', detail.indicators, ['số liệu'], (i) => [
      num(detail.indicators.find((x) => x.code === i.code)?.value),
    ]),
  );
  const data = await buildPartyDocument({
    header: {
      ...ctx.heading,
      symbol: documentSymbol(row.doc_number, 'BC', ctx.heading.symbolIssuer),
      placeAndDate: placeAndDate(ctx.heading.place, date),
    },
    typeName: 'BÁO CÁO',
    subject: (await loadTemplate(db, actor, row.template_id)).row.subject,
    body,
    signature: { ...ctx.signature, name: null },
    recipients: ctx.recipients,
  });
  return { fileName: `bao-cao-${row.unit_code}-${row.period_key}.docx`, data };
}

/**
 * The aggregate DOCX of a reviewing unit: its heading (number left for the office), the results drafted from its
 * own records, the state of submissions with the late units, and the table of figures — approved roll-up beside
 * the unit's own records — with a chart.
 */
export async function aggregateDocx(db: DbOrTrx, actor: Actor, query: ReviewQuery): Promise<DocxFile> {
  const { review, template, reviewerRow } = await loadReview(db, actor, query);
  // A numbered aggregate prints its number and the date it was issued; otherwise a blank number and today.
  const date = review.document?.issuedOn ?? todayIso();
  const ctx = await issuerContext(db, reviewerRow, date);
  const c = review.completeness;
  const late = review.units.filter((u) => u.isLate);
  const results = await loadSources(
    db,
    actor,
    {
      unitId: reviewerRow.id,
      unitCode: reviewerRow.code,
      from: review.period.from,
      to: review.period.to,
      campaignId: template.row.campaign_id,
    },
    ['commendations.collective', 'models.total', 'meetings.cells', 'inspections.inspections'],
  );
  const area = reviewerRow.kind === 'province' ? `toàn tỉnh ${ctx.heading.place}` : reviewerRow.name;
  const drafted = [
    results.meetings ? meetingsParagraph(results.meetings) : null,
    results.models ? modelsParagraph(results.models) : null,
    results.commendations ? commendationParagraph(results.commendations, area) : null,
    results.inspections ? inspectionsParagraph(results.inspections) : null,
  ].filter((t): t is string => t !== null);
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text:
        `Trên cơ sở báo cáo của ${countText(c.submitted)}/${countText(c.expected)} đơn vị (${countText(c.approved)} báo cáo đã duyệt, ` +
        `${countText(c.onTime)} đơn vị nộp đúng hạn) và số liệu theo dõi trên hệ thống, ${reviewerRow.name} tổng hợp kết quả kỳ ` +
        `${review.period.label} như sau:`,
    },
  ];
  template.row.sections.forEach((section, index) => {
    body.push(heading(section.key, section.title));
    if (index === 1 || /kết quả/i.test(section.title)) {
      body.push(...drafted.map((text): BodyBlock => ({ kind: 'paragraph', text })));
    }
    body.push({ kind: 'paragraph', text: `[${section.hint ?? 'Nêu nội dung'}]`, italic: true });
  });
  body.push({ kind: 'heading', level: 1, text: 'TÌNH HÌNH NỘP BÁO CÁO' });
  body.push({
    kind: 'paragraph',
    text:
      `Phải báo cáo: ${countText(c.expected)} đơn vị; đã gửi: ${countText(c.submitted)}; đúng hạn: ${countText(c.onTime)}; ` +
      `chậm: ${countText(c.late)} (hạn nộp ${formatDateVi(review.dueOn)}).` +
      (late.length ? ` Đơn vị chậm: ${late.map((u) => u.unit.name).join(', ')}.` : ''),
  });
  body.push({ kind: 'heading', level: 1, text: 'PHỤ LỤC SỐ LIỆU' });
  body.push({
    kind: 'table',
    columns: ['Chỉ tiêu', 'Đơn vị tính', 'Tổng hợp báo cáo đã duyệt', `Theo dữ liệu của ${reviewerRow.name}`],
    numeric: [false, false, true, true],
    rows: review.aggregate.map((i) => [
      i.label,
      i.unitLabel ?? '',
      valueText(i, i.approvedValue),
      valueText(i, i.ownValue),
    ]),
  });
  body.push(
    ...chartOf(
      'Biểu đồ. Tổng hợp báo cáo đã duyệt và số liệu theo dữ liệu',
      template.indicators,
      ['tổng hợp báo cáo đã duyệt', 'theo dữ liệu'],
      (i) => {
        const a = review.aggregate.find((x) => x.code === i.code)!;
        return [num(a.approvedValue), num(a.ownValue)];
      },
    ),
  );
  const data = await buildPartyDocument({
    header: {
      ...ctx.heading,
      symbol: review.document?.symbol ?? documentSymbol(null, 'BC', ctx.heading.symbolIssuer),
      placeAndDate: placeAndDate(ctx.heading.place, date),
    },
    typeName: 'BÁO CÁO',
    subject: template.row.subject,
    body,
    signature: { ...ctx.signature, name: null },
    recipients: ctx.recipients,
  });
  return { fileName: `tong-hop-${review.template.code}-${reviewerRow.code}-${review.period.key}.docx`, data };
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
  });
}

const cellValue = (i: Indicator, v: unknown) =>
  v === null || v === undefined ? null : i.valueType === 'text' ? String(v) : (v as number);

/** The data appendix of one submission: one row per indicator. */
export async function submissionXlsx(db: DbOrTrx, actor: Actor, id: string): Promise<XlsxFile> {
  const detail = await getSubmission(db, actor, id);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục số liệu');
  sheet.addRow([`PHỤ LỤC SỐ LIỆU — ${detail.template.name}`]).font = { bold: true, size: 13 };
  sheet.addRow([
    `${detail.unit.name} · Kỳ ${detail.period.label} · ${SUBMISSION_STATUS_LABELS[detail.status].vi}${detail.docSymbol ? ` · Số ${detail.docSymbol}` : ''}`,
  ]);
  sheet.addRow([]);
  styleHeader(sheet.addRow(['STT', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Nguồn', 'Số liệu']));
  detail.indicators.forEach((i, n) =>
    sheet.addRow([
      n + 1,
      i.code,
      i.label,
      i.unitLabel ?? '',
      i.source === 'computed' ? 'Từ dữ liệu' : 'Nhập tay',
      cellValue(i, i.value),
    ]),
  );
  sheet.columns = [{ width: 6 }, { width: 34 }, { width: 50 }, { width: 14 }, { width: 14 }, { width: 14 }];
  return {
    fileName: `phu-luc-${detail.unit.code}-${detail.period.key}.xlsx`,
    data: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/**
 * The aggregate appendix: a row per expected unit with the values of its approved report, then the roll-up and the
 * reviewer's own figures — rows, so that a national round of thousands of communes stays a readable sheet.
 */
export async function aggregateXlsx(db: DbOrTrx, actor: Actor, query: ReviewQuery): Promise<XlsxFile> {
  const { review, approved, reviewerRow } = await loadReview(db, actor, query);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục số liệu');
  sheet.addRow([`PHỤ LỤC SỐ LIỆU TỔNG HỢP — ${review.template.name}`]).font = { bold: true, size: 13 };
  sheet.addRow([
    `${reviewerRow.name} · Kỳ ${review.period.label} · ${review.completeness.approved}/${review.completeness.expected} báo cáo đã duyệt`,
  ]);
  sheet.addRow([]);
  const indicators = review.aggregate;
  styleHeader(
    sheet.addRow([
      'STT',
      'Mã đơn vị',
      'Đơn vị',
      'Trạng thái',
      ...indicators.map((i) => (i.unitLabel ? `${i.label} (${i.unitLabel})` : i.label)),
    ]),
  );
  const byUnit = new Map(approved.map((s) => [s.unit_id, s]));
  review.units.forEach((u, n) =>
    sheet.addRow([
      n + 1,
      u.unit.code,
      u.unit.name,
      u.status === 'missing' ? 'Chưa gửi' : SUBMISSION_STATUS_LABELS[u.status].vi,
      ...indicators.map((i) => cellValue(i, byUnit.get(u.unit.id)?.values[i.code]?.value ?? null)),
    ]),
  );
  const total = sheet.addRow(['', '', 'Tổng hợp (đã duyệt)', '', ...indicators.map((i) => i.approvedValue)]);
  total.font = { bold: true };
  sheet.addRow(['', '', `Theo dữ liệu của ${reviewerRow.name}`, '', ...indicators.map((i) => i.ownValue)]).font = {
    italic: true,
  };
  sheet.addRow(['', '', 'Cách tổng hợp', '', ...indicators.map((i) => ROLL_UP_LABELS[i.rollUp].vi)]);
  sheet.columns = [{ width: 6 }, { width: 12 }, { width: 40 }, { width: 14 }, ...indicators.map(() => ({ width: 18 }))];
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 4 }];
  const status = workbook.addWorksheet('Tình hình nộp');
  styleHeader(status.addRow(['Mã đơn vị', 'Đơn vị', 'Trạng thái', 'Ngày gửi lần đầu', 'Chậm (ngày)']));
  review.units.forEach((u) =>
    status.addRow([
      u.unit.code,
      u.unit.name,
      u.status === 'missing' ? 'Chưa gửi' : SUBMISSION_STATUS_LABELS[u.status].vi,
      u.firstSubmittedAt ? formatDateVi(todayIso(new Date(u.firstSubmittedAt))) : '',
      u.daysLate,
    ]),
  );
  status.columns = [{ width: 12 }, { width: 40 }, { width: 14 }, { width: 18 }, { width: 12 }];
  return {
    fileName: `phu-luc-tong-hop-${review.template.code}-${reviewerRow.code}-${review.period.key}.xlsx`,
    data: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
