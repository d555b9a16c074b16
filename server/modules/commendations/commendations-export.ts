import type { XlsxFile } from '../../platform/import';
import { sql } from 'kysely';
import {
  COMMENDATION_FORM_LABELS,
  COMMENDATION_FORMS,
  COMMENDATION_LEVEL_LABELS,
  COMMENDATION_LEVELS,
  COMMENDATION_SYSTEM_LABELS,
  COMMENDATION_SYSTEMS,
  COMMENDATION_TYPE_LABELS,
  COMMENDATION_TYPES,
  RECIPIENT_TYPE_LABELS,
  RECIPIENT_TYPES,
  type CommendationForm,
  type CommendationLevel,
  type CommendationSystem,
  type CommendationType,
  type RecipientType,
} from '../../../common/commendations';
import { todayIso } from '../../../common/dates';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { validationFailed } from '../../platform/errors';
import { date, defineColumns, enumOf, requiredText, text, writeWorkbook } from '../../platform/import';
import { listVisibleCampaignCodes } from '../campaigns/campaigns.service';
import { listExportRows } from './commendations-filters.repository';
import { resolveFilters } from './commendations.service';
import type { DecisionFilters } from './commendations.schemas';

// The commendation file format — columns, template and export — one row per recipient, so an export re-imports.

/** `Cấp huyện`, `huyện`, `District level`: the label first (drop-downs offer it), then what people also write. */
const labelsOf = <K extends string>(
  labels: Record<K, { vi: string; en: string }>,
  extra: Partial<Record<K, string[]>> = {},
): Record<K, string[]> =>
  Object.fromEntries(
    Object.entries<{ vi: string; en: string }>(labels).map(([key, label]) => [
      key,
      [label.vi, label.en, ...(extra[key as K] ?? [])],
    ]),
  ) as Record<K, string[]>;

const LEVEL_LABELS = labelsOf(COMMENDATION_LEVEL_LABELS, {
  central: ['Trung ương', 'TW'],
  province: ['Tỉnh'],
  district: ['Huyện', 'Cấp huyện, thành phố'],
  commune: ['Xã', 'Cấp xã, phường'],
  grassroots: ['Cơ sở'],
});
const RECIPIENT_LABELS = labelsOf(RECIPIENT_TYPE_LABELS, { collective: ['TT'], individual: ['CN'] });

export const COMMENDATION_COLUMNS = defineColumns([
  {
    key: 'decision_number',
    labels: ['Số quyết định', 'Số, ký hiệu', 'Số ký hiệu'],
    required: true,
    parse: requiredText({ max: 60 }),
    description: 'Số và ký hiệu như in trên quyết định. Các dòng cùng số và ngày là một quyết định.',
    example: '123-QĐ/TU',
    width: 16,
  },
  {
    key: 'decision_date',
    labels: ['Ngày quyết định', 'Ngày ký'],
    required: true,
    parse: date({ required: true }),
    description: 'Ngày ký quyết định; đơn vị của người được khen được hiểu như vào ngày này.',
    example: '20/08/2019',
  },
  {
    key: 'level',
    labels: ['Cấp khen', 'Cấp'],
    required: true,
    parse: enumOf(COMMENDATION_LEVELS, LEVEL_LABELS, { required: true }),
    description: 'Cấp khen thưởng.',
    example: COMMENDATION_LEVEL_LABELS.province.vi,
  },
  {
    key: 'form',
    labels: ['Hình thức', 'Hình thức khen'],
    required: true,
    parse: enumOf(COMMENDATION_FORMS, labelsOf(COMMENDATION_FORM_LABELS), { required: true }),
    description: 'Hình thức khen thưởng.',
    example: COMMENDATION_FORM_LABELS.BANG_KHEN.vi,
  },
  {
    key: 'issuer',
    labels: ['Cơ quan ban hành', 'Cơ quan khen'],
    required: true,
    parse: requiredText({ min: 2, max: 300 }),
    description:
      'Cơ quan ban hành như in trên quyết định; nếu trùng tên một cấp ủy trong hệ thống, hồ sơ thuộc cấp ủy đó.',
    example: 'Tỉnh ủy Cà Mau',
    width: 28,
  },
  {
    key: 'campaign_code',
    labels: ['Mã chương trình', 'Chương trình', 'Chỉ thị'],
    required: false,
    parse: text({ max: 60 }),
    description: 'Số hiệu chỉ thị, nghị quyết mà đợt khen thưởng phục vụ (đã có trong hệ thống).',
    example: '05-CT/TW',
  },
  {
    key: 'recipient_type',
    labels: ['Tập thể/cá nhân', 'Tập thể hay cá nhân', 'Đối tượng'],
    required: true,
    parse: enumOf(RECIPIENT_TYPES, RECIPIENT_LABELS, { required: true }),
    description: 'Tập thể hoặc cá nhân.',
    example: RECIPIENT_TYPE_LABELS.individual.vi,
  },
  {
    key: 'recipient_name',
    labels: ['Tên tập thể, cá nhân', 'Họ và tên', 'Tên'],
    required: true,
    parse: requiredText({ min: 2, max: 300 }),
    description: 'Họ tên cá nhân, hoặc tên tập thể.',
    example: 'Nguyễn Văn An',
    width: 30,
  },
  {
    key: 'unit_code',
    labels: ['Mã đơn vị', 'Mã đơn vị công tác'],
    required: true,
    parse: requiredText({ max: 40 }),
    description:
      'Mã của tập thể, hoặc của đơn vị cá nhân công tác, như vào ngày quyết định; trong phạm vi bạn nhập liệu.',
    example: '32152-03',
  },
  {
    key: 'unit_name',
    labels: ['Tên đơn vị'],
    required: false,
    parse: text({ max: 300 }),
    description: 'Chỉ để đọc (tệp xuất ghi tên đơn vị); khi nhập, hệ thống dùng Mã đơn vị.',
    width: 30,
  },
  {
    key: 'position',
    labels: ['Chức vụ'],
    required: false,
    parse: text({ max: 200 }),
    description: 'Chức vụ của cá nhân vào ngày quyết định.',
    example: 'Bí thư chi bộ',
    width: 22,
  },
  {
    key: 'reason',
    labels: ['Thành tích', 'Lý do khen'],
    required: false,
    parse: text({ max: 2000 }),
    description: 'Tóm tắt thành tích.',
    width: 40,
  },
  {
    key: 'system',
    labels: ['Hệ thống', 'Khen của'],
    required: false,
    parse: enumOf(COMMENDATION_SYSTEMS, labelsOf(COMMENDATION_SYSTEM_LABELS)),
    description: 'Khen thưởng của Đảng hay Nhà nước; để trống là Đảng.',
    example: COMMENDATION_SYSTEM_LABELS.party.vi,
  },
  {
    key: 'type',
    labels: ['Loại khen thưởng', 'Loại'],
    required: false,
    parse: enumOf(COMMENDATION_TYPES, labelsOf(COMMENDATION_TYPE_LABELS)),
    description: 'Định kỳ, chuyên đề hay đột xuất; để trống là chuyên đề khi có mã chương trình, định kỳ khi không.',
    example: COMMENDATION_TYPE_LABELS.thematic.vi,
  },
  {
    key: 'signer',
    labels: ['Người ký'],
    required: false,
    parse: text({ max: 200 }),
    example: 'Nguyễn Tiến Hải',
  },
  {
    key: 'issuer_code',
    labels: ['Mã đơn vị ban hành'],
    required: false,
    parse: text({ max: 40 }),
    description: 'Mã cấp ủy ban hành nếu có trong hệ thống (không bắt buộc nếu tên cơ quan ban hành trùng tên cấp ủy).',
    example: '96',
  },
  {
    key: 'owner_code',
    labels: ['Mã đơn vị quản lý hồ sơ', 'Đơn vị quản lý'],
    required: false,
    parse: text({ max: 40 }),
    description:
      'Khi cơ quan ban hành không thuộc hệ thống (UBND, Ban Tuyên giáo Trung ương…): đơn vị giữ hồ sơ. Để trống: đơn vị chung gần nhất của những người được khen.',
  },
]);

export type CommendationColumnKey = (typeof COMMENDATION_COLUMNS)[number]['key'];

const SHEET_NAME = 'Khen thưởng';
const NOTES = [
  'Mỗi dòng là một tập thể hoặc một cá nhân được khen. Các dòng cùng "Số quyết định" và "Ngày quyết định" thuộc một quyết định và phải ghi giống nhau ở các cột của quyết định (cấp, hình thức, cơ quan ban hành, chương trình, hệ thống, loại, người ký).',
  'Quyết định đã có trong hệ thống (cùng số, ngày, cơ quan ban hành) bị từ chối, trừ khi chọn bỏ qua quyết định đã có.',
];

/**
 * The empty import file: drop-downs for level, form, recipient type, system and type, and for the codes of the
 * campaigns the caller can see; and the guide sheet.
 */
export async function commendationsTemplate(db: DbOrTrx, actor: Actor): Promise<XlsxFile> {
  const data = await writeWorkbook({
    sheetName: SHEET_NAME,
    columns: COMMENDATION_COLUMNS,
    notes: NOTES,
    lists: { campaign_code: await listVisibleCampaignCodes(db, actor) },
  });
  return { fileName: 'mau-nhap-khen-thuong.xlsx', data };
}

/** The owner unit's path in the export query (alias `ou`), for the scope condition. */
const ownerPath = sql`ou.path`;

/** Beyond this an export is a backup, not a list someone reads; filters narrow it. */
export const MAX_EXPORT_ROWS = 100_000;

/** What the list's filters show, one row per recipient, in the import format (viewer is enough). */
export async function exportCommendations(db: DbOrTrx, actor: Actor, query: DecisionFilters): Promise<XlsxFile> {
  const filters = await resolveFilters(db, actor, query);
  const rows = await listExportRows(db, filters, actor.scope.sqlContains(ownerPath, 'viewer'), MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) {
    const message = `Danh sách có hơn ${MAX_EXPORT_ROWS.toLocaleString('vi-VN')} dòng; hãy lọc bớt rồi xuất lại.`;
    throw validationFailed(message, [{ path: 'query', message }]);
  }
  const data = await writeWorkbook({
    sheetName: SHEET_NAME,
    columns: COMMENDATION_COLUMNS,
    notes: NOTES,
    rows: rows.map((row) => ({
      decision_number: row.number,
      decision_date: row.decision_date,
      level: COMMENDATION_LEVEL_LABELS[row.level as CommendationLevel].vi,
      form: COMMENDATION_FORM_LABELS[row.form as CommendationForm].vi,
      issuer: row.issuer_name,
      campaign_code: row.campaign_code,
      recipient_type: RECIPIENT_TYPE_LABELS[row.recipient_type as RecipientType].vi,
      recipient_name: row.recipient_name,
      unit_code: row.unit_code,
      unit_name: row.unit_name,
      position: row.position,
      reason: row.reason,
      system: COMMENDATION_SYSTEM_LABELS[row.system as CommendationSystem].vi,
      type: COMMENDATION_TYPE_LABELS[row.type as CommendationType].vi,
      signer: row.signer,
      issuer_code: row.issuer_code,
      owner_code: row.issuer_code ? null : row.owner_code,
    })),
  });
  return { fileName: `khen-thuong-${todayIso()}.xlsx`, data };
}
