import {
  MODEL_KIND_LABELS,
  MODEL_KINDS,
  MODEL_STATUS_LABELS,
  MODEL_STATUSES,
  type ModelPerson,
} from '../../../common/models';
import type { DbOrTrx } from '../../db/connection';
import {
  date,
  defineColumns,
  enumOf,
  fail,
  ok,
  requiredText,
  text,
  writeWorkbook,
  type Parser,
} from '../../platform/import';
import { listModelFields } from './model-fields.service';

// The model file format: its columns, the people cell, and the import template.

const labelsOf = <K extends string>(keys: readonly K[], labels: Record<K, { vi: string; en: string }>) =>
  Object.fromEntries(keys.map((key) => [key, [labels[key].vi, labels[key].en]])) as Record<K, string[]>;

const MAX_PEOPLE = 50;

/** `Nguyễn Văn An - Bí thư chi bộ; Trần Thị Bình (Trưởng ấp)`: people separated by `;` or a new line. */
export function parsePeople(cell: string): { people: ModelPerson[] } | { error: string } {
  const parts = cell
    .split(/[;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length > MAX_PEOPLE) {
    return { error: `Tối đa ${MAX_PEOPLE} người.` };
  }
  const people: ModelPerson[] = [];
  for (const part of parts) {
    const bracket = /^(.+?)\s*\((.+)\)$/.exec(part);
    const dash = /^(.+?)\s+[-–]\s+(.+)$/.exec(part);
    const [name, position] = bracket ? [bracket[1], bracket[2]] : dash ? [dash[1], dash[2]] : [part, null];
    if (name.trim().length < 2 || name.length > 120) {
      return { error: `"${part}" không đúng dạng "Họ tên - Chức vụ" (họ tên từ 2 đến 120 ký tự).` };
    }
    people.push({ name: name.trim(), position: position ? position.trim().slice(0, 200) : null });
  }
  return { people };
}

/** People back into one cell, the way the importer reads them. */
export function formatPeople(people: ModelPerson[]): string {
  return people.map((person) => (person.position ? `${person.name} - ${person.position}` : person.name)).join('; ');
}

function peopleParser(): Parser<ModelPerson[]> {
  const base = text({ max: 10_000 });
  const parse: Parser<ModelPerson[]> = (raw, row) => {
    const result = base(raw, row);
    if (!result.ok) {
      return result;
    }
    if (result.value === null) {
      return ok([]);
    }
    const parsed = parsePeople(result.value);
    return 'error' in parsed ? fail(parsed.error) : ok(parsed.people);
  };
  return Object.assign(parse, {
    cellType: 'text' as const,
    hint: 'Họ tên - Chức vụ; nhiều người cách nhau bằng dấu ;',
  });
}

/** Campaign codes separated by commas (or `;`), as printed: `05-CT/TW, 01-KL/TW`. */
function campaignCodesParser(): Parser<string[]> {
  const base = text({ max: 1000 });
  const parse: Parser<string[]> = (raw, row) => {
    const result = base(raw, row);
    if (!result.ok) {
      return result;
    }
    const codes = (result.value ?? '')
      .split(/[,;\n]+/)
      .map((code) => code.trim())
      .filter(Boolean);
    return codes.length > 20 ? fail('Tối đa 20 văn bản.') : ok([...new Set(codes)]);
  };
  return Object.assign(parse, { cellType: 'text' as const, hint: 'Số, ký hiệu văn bản cách nhau bằng dấu phẩy' });
}

export interface FieldChoice {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
}

/** The columns of a model file; the field column offers the fields in use now. */
export function modelColumns(fields: FieldChoice[]) {
  const fieldCodes = fields.map((field) => field.code);
  const fieldLabels = Object.fromEntries(fields.map((field) => [field.code, [field.nameVi, field.nameEn]]));
  return defineColumns([
    {
      key: 'title',
      labels: ['Tên mô hình', 'Tên', 'title'],
      required: true,
      parse: requiredText({ min: 3, max: 300 }),
      description: 'Tên mô hình, gương điển hình hoặc cách làm.',
      example: 'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới',
      width: 48,
    },
    {
      key: 'kind',
      labels: ['Loại', 'Loại mô hình', 'kind'],
      required: true,
      parse: enumOf(MODEL_KINDS, labelsOf(MODEL_KINDS, MODEL_KIND_LABELS), { required: true }),
      description: 'Chọn trong danh sách.',
      example: MODEL_KIND_LABELS.collective_model.vi,
      width: 26,
    },
    {
      key: 'unit_code',
      labels: ['Mã đơn vị', 'unit_code'],
      required: true,
      parse: requiredText({ max: 40 }),
      description: 'Mã đơn vị xây dựng mô hình, là đơn vị của ngày bắt đầu (trước 01/7/2025 là đơn vị cũ).',
      example: '32152',
    },
    {
      key: 'field',
      labels: ['Lĩnh vực', 'field'],
      required: true,
      parse: enumOf(fieldCodes, fieldLabels, { required: true }),
      description: 'Lĩnh vực của mô hình; chọn trong danh sách.',
      example: fields[0]?.nameVi,
      width: 24,
    },
    {
      key: 'start_date',
      labels: ['Ngày bắt đầu', 'start_date'],
      required: true,
      parse: date({ required: true }),
      description: 'Ngày bắt đầu thực hiện mô hình.',
      example: '15/03/2018',
    },
    {
      key: 'status',
      labels: ['Trạng thái', 'status'],
      required: false,
      parse: enumOf(MODEL_STATUSES, labelsOf(MODEL_STATUSES, MODEL_STATUS_LABELS)),
      description:
        'Để trống là Đề xuất. "Đã công nhận" và "Lưu trữ" cần vai trò quản lý; đơn vị nhân rộng thêm trên trang mô hình.',
      width: 18,
    },
    {
      key: 'description',
      labels: ['Mô tả', 'description'],
      required: false,
      parse: text({ max: 10_000 }),
      description: 'Nội dung, cách làm.',
      width: 48,
    },
    {
      key: 'results',
      labels: ['Kết quả', 'results'],
      required: false,
      parse: text({ max: 10_000 }),
      description: 'Kết quả đạt được, đo đếm được.',
      width: 40,
    },
    {
      key: 'campaign_codes',
      labels: ['Văn bản chỉ đạo', 'Mã văn bản', 'campaign_codes'],
      required: false,
      parse: campaignCodesParser(),
      description: 'Số, ký hiệu các văn bản mô hình thực hiện, cách nhau bằng dấu phẩy.',
      example: '05-CT/TW, 01-KL/TW',
      width: 24,
    },
    {
      key: 'people',
      labels: ['Người thực hiện', 'people'],
      required: false,
      parse: peopleParser(),
      description: 'Bắt buộc với gương cá nhân: "Họ tên - Chức vụ", nhiều người cách nhau bằng dấu ;.',
      example: 'Nguyễn Văn An - Bí thư chi bộ ấp 3',
      width: 40,
    },
  ]);
}

export type ModelColumns = ReturnType<typeof modelColumns>;

export const MODEL_SHEET_NAME = 'Mô hình';

export const MODEL_IMPORT_NOTES = [
  'Mỗi dòng là một mô hình; mô hình mới ở trạng thái Đề xuất trừ khi ghi cột Trạng thái.',
  'Mã đơn vị được hiểu theo ngày bắt đầu: mô hình từ trước 01/7/2025 ghi mã đơn vị cũ (huyện, xã trước sắp xếp).',
  'Không nhập trùng: cùng tên, cùng đơn vị, cùng ngày bắt đầu với một mô hình đã có hoặc một dòng khác.',
];

/** Active fields as choices for the file columns. */
export async function fieldChoices(db: DbOrTrx): Promise<FieldChoice[]> {
  return (await listModelFields(db, false)).map(({ id, code, nameVi, nameEn }) => ({ id, code, nameVi, nameEn }));
}

/** An empty import file with drop-downs for kind, field and status, and the guide sheet. */
export async function modelsTemplate(db: DbOrTrx): Promise<{ fileName: string; data: Buffer }> {
  const data = await writeWorkbook({
    sheetName: MODEL_SHEET_NAME,
    columns: modelColumns(await fieldChoices(db)),
    notes: MODEL_IMPORT_NOTES,
  });
  return { fileName: 'mau-nhap-mo-hinh.xlsx', data };
}
