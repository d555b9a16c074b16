import type { XlsxFile } from '../../platform/import';
import { formatDateVi, todayIso } from '../../../common/dates';
import {
  ALLOWED_PARENT_KINDS,
  UNIT_CODE_PATTERN,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type UnitKind,
} from '../../../common/org-units';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { notFound, validationFailed } from '../../platform/errors';
import {
  date,
  defineColumns,
  enumOf,
  fail,
  requiredText,
  text,
  writeWorkbook,
  type Parser,
} from '../../platform/import';
import * as repo from './org-units.repository';
import { resolveUnit } from './org-units.service';

// The org-unit file format — its columns, the export and the import template — so that what is exported re-imports.

const KIND_LABELS = Object.fromEntries(
  UNIT_KINDS.map((kind) => [kind, [UNIT_KIND_LABELS[kind].vi, UNIT_KIND_LABELS[kind].en]]),
) as Record<UnitKind, string[]>;

function unitCode(required: boolean): Parser<string | null> {
  const base = text({ max: 40, required });
  const parse: Parser<string | null> = (raw, row) => {
    const result = base(raw, row);
    if (!result.ok || result.value === null || UNIT_CODE_PATTERN.test(result.value)) {
      return result;
    }
    return fail(
      `Mã "${result.value}" không hợp lệ; chỉ gồm chữ, số và dấu gạch ngang (ví dụ 96, 970, 96-QS, 32041-07).`,
    );
  };
  return Object.assign(parse, { cellType: 'text' as const, hint: 'Chữ, số, dấu gạch ngang; tối đa 40 ký tự' });
}

/** The columns of an org-unit file; exports write the same, so an export re-imports. */
export const ORG_UNIT_COLUMNS = defineColumns([
  {
    key: 'code',
    labels: ['Mã', 'Mã đơn vị', 'unit_code'],
    required: true,
    parse: unitCode(true) as Parser<string>,
    description: 'Mã đơn vị, theo mã hành chính khi đơn vị ứng với một địa bàn; không trùng trong cùng thời gian.',
    example: '32041-07',
  },
  {
    key: 'name',
    labels: ['Tên', 'Tên đơn vị', 'unit_name'],
    required: true,
    parse: requiredText({ min: 2, max: 200 }),
    description: 'Tên đầy đủ của tổ chức đảng.',
    example: 'Chi bộ ấp 7',
    width: 42,
  },
  {
    key: 'kind',
    labels: ['Loại', 'Loại đơn vị', 'unit_kind'],
    required: true,
    parse: enumOf(UNIT_KINDS, KIND_LABELS, { required: true }),
    description: 'Loại tổ chức; chọn trong danh sách (hoặc ghi mã tiếng Anh: commune, cell…).',
    example: UNIT_KIND_LABELS.cell.vi,
    width: 30,
  },
  {
    key: 'parent_code',
    labels: ['Mã đơn vị cấp trên', 'Mã cấp trên', 'parent_code'],
    required: true,
    parse: unitCode(false),
    description: 'Mã của đơn vị cấp trên: đã có trong hệ thống (bạn có quyền quản lý) hoặc ở một dòng khác của tệp.',
    example: '32041',
    width: 20,
  },
  {
    key: 'valid_from',
    labels: ['Hiệu lực từ', 'Ngày thành lập', 'valid_from'],
    required: true,
    parse: date({ required: true }),
    description: 'Ngày đơn vị bắt đầu hoạt động (ngày thành lập hoặc ngày có hiệu lực của quyết định).',
    example: '01/07/2025',
  },
  {
    key: 'valid_to',
    labels: ['Hiệu lực đến', 'Ngày chấm dứt', 'valid_to'],
    required: false,
    parse: date(),
    description: 'Ngày cuối cùng đơn vị hoạt động; để trống nếu còn hoạt động.',
  },
]);

const SHEET_NAME = 'Đơn vị';

const PLACEMENT_NOTES = UNIT_KINDS.map((kind) => {
  const parents = ALLOWED_PARENT_KINDS[kind].map((p) =>
    p ? UNIT_KIND_LABELS[p].vi : 'không có cấp trên (đơn vị gốc)',
  );
  return `${UNIT_KIND_LABELS[kind].vi} trực thuộc: ${parents.join('; ')}.`;
});

const NOTES = [
  'Đơn vị cấp trên phải đã có trong hệ thống (và bạn có quyền quản lý) hoặc ở một dòng khác của tệp; thứ tự dòng tùy ý.',
  'Loại đơn vị phải phù hợp với loại của đơn vị cấp trên:',
  ...PLACEMENT_NOTES.map((note) => `    ${note}`),
];

/** An empty import file with the drop-down for `Loại` and the guide sheet. */
export async function orgUnitsTemplate(): Promise<XlsxFile> {
  const data = await writeWorkbook({ sheetName: SHEET_NAME, columns: ORG_UNIT_COLUMNS, notes: NOTES });
  return { fileName: 'mau-nhap-don-vi.xlsx', data };
}

/**
 * The subtree of a unit as it was on `at` (default today), one row per unit, parents first, in the import format.
 * Viewer is enough; a unit out of reach answers 404.
 */
export async function exportOrgUnits(db: DbOrTrx, actor: Actor, idOrCode: string, at?: string): Promise<XlsxFile> {
  const day = at ?? todayIso();
  const unit = await resolveUnit(db, idOrCode, day);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  if (unit.valid_from > day || (unit.valid_to !== null && unit.valid_to < day)) {
    const message = `Đơn vị ${unit.code} không hoạt động vào ngày ${formatDateVi(day)}; hãy chọn ngày khác.`;
    throw validationFailed(message, [{ path: 'query.at', message }]);
  }
  // Every unit under one the caller may view is in reach, so the subtree needs no further scope filter.
  const rows = await repo.listSubtree(db, unit.path, day);
  const codeById = new Map(rows.map((row) => [row.id, row.code]));
  const parent = unit.parent_id ? await repo.findById(db, unit.parent_id, day) : undefined;
  if (parent) {
    codeById.set(parent.id, parent.code);
  }
  const data = await writeWorkbook({
    sheetName: SHEET_NAME,
    columns: ORG_UNIT_COLUMNS,
    notes: NOTES,
    rows: rows.map((row) => ({
      code: row.code,
      name: row.name,
      kind: UNIT_KIND_LABELS[row.kind as UnitKind].vi,
      parent_code: row.parent_id ? (codeById.get(row.parent_id) ?? null) : null,
      valid_from: row.valid_from,
      valid_to: row.valid_to,
    })),
  });
  return { fileName: `don-vi-${unit.code}-${day}.xlsx`, data };
}
