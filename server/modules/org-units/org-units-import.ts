import crypto from 'node:crypto';
import { formatDateVi } from '../../../common/dates';
import { ALLOWED_PARENT_KINDS, type UnitKind } from '../../../common/org-units';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { forbidden } from '../../platform/errors';
import { ImportReader, yieldToEventLoop, type ImportPhase, type ImportSource } from '../../platform/import';
import { ORG_UNIT_COLUMNS } from './org-units-export';
import * as repo from './org-units.repository';
import type { StoredUnit } from './org-units.repository';
import { checkPlacement, createUnitsBulk, type UnitSpec } from './org-units.service';

/** Beyond this, a file is better split; the largest real tree (~50,000 cells nationally) still fits in one. */
export const MAX_IMPORT_ROWS = 100_000;
const INSERT_BATCH = 2000;

type ColumnKey = (typeof ORG_UNIT_COLUMNS)[number]['key'];

export interface ImportedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface ImportOrgUnitsResult {
  dryRun: boolean;
  created: number;
  /** The first 100 units, in file order. */
  items: ImportedUnit[];
}

export interface ImportOptions {
  dryRun: boolean;
  onProgress?: (done: number, total?: number, phase?: ImportPhase) => void;
}

interface FileUnit extends ImportedUnit {
  row: number;
  id: string;
  parent?: { fileIndex: number } | { stored: StoredUnit } | null;
}

const overlaps = (
  a: { validFrom: string; validTo: string | null },
  b: { valid_from: string; valid_to: string | null },
) => a.validFrom <= (b.valid_to ?? '9999-12-31') && b.valid_from <= (a.validTo ?? '9999-12-31');
const validOn = (unit: { valid_from: string; valid_to: string | null }, day: string) =>
  unit.valid_from <= day && (unit.valid_to === null || unit.valid_to >= day);
const asStored = (u: FileUnit) => ({ kind: u.kind, name: u.name, valid_from: u.validFrom, valid_to: u.validTo });

/** Import needs a manager role somewhere; the rows then say under which parents. */
export function assertCanImportUnits(actor: Actor): void {
  const role = actor.scope.highestRole();
  if (role !== 'manager' && role !== 'admin') {
    throw forbidden('Chỉ người có vai trò quản lý mới được nhập đơn vị.');
  }
}

/** Cross-row and database rules; every problem goes to the reader's error list. */
async function checkUnits(
  db: DbOrTrx,
  actor: Actor,
  reader: ImportReader<typeof ORG_UNIT_COLUMNS>,
  units: FileUnit[],
  brokenCodes: Set<string>,
): Promise<void> {
  const report = (unit: FileUnit, key: ColumnKey, message: string) => reader.report(unit.row, key, message);
  const fileByCode = new Map<string, number[]>();
  units.forEach((unit, index) => fileByCode.set(unit.code, [...(fileByCode.get(unit.code) ?? []), index]));
  const codes = [...new Set(units.flatMap((u) => (u.parentCode ? [u.code, u.parentCode] : [u.code])))];
  const stored = await repo.findStoredByCodes(db, codes);

  units.forEach((unit, index) => {
    if (unit.validTo !== null && unit.validTo < unit.validFrom) {
      report(
        unit,
        'valid_to',
        `Ngày chấm dứt ${formatDateVi(unit.validTo)} trước ngày hiệu lực ${formatDateVi(unit.validFrom)}.`,
      );
    }
    const twin = (fileByCode.get(unit.code) ?? []).find(
      (other) => other < index && overlaps(unit, asStored(units[other])),
    );
    if (twin !== undefined) {
      report(unit, 'code', `Mã "${unit.code}" trùng với dòng ${units[twin].row} trong cùng thời gian hiệu lực.`);
    }
    const clash = (stored.get(unit.code) ?? []).find((s) => overlaps(unit, s));
    if (clash) {
      const whom = actor.scope.can(clash.path, 'viewer') ? `đơn vị "${clash.name}"` : 'một đơn vị khác';
      report(unit, 'code', `Mã "${unit.code}" đã được dùng cho ${whom} trong cùng thời gian hiệu lực.`);
    }
    unit.parent = resolveParent(unit, index);
  });

  function resolveParent(unit: FileUnit, index: number): FileUnit['parent'] {
    const code = unit.parentCode;
    if (code === null) {
      return null;
    }
    if (code === unit.code) {
      report(unit, 'parent_code', 'Mã đơn vị cấp trên trùng với mã của chính đơn vị.');
      return undefined;
    }
    const inFile = (fileByCode.get(code) ?? []).filter((i) => i !== index);
    const fileParent = inFile.find((i) => validOn(asStored(units[i]), unit.validFrom));
    const candidates = (stored.get(code) ?? []).filter((s) => actor.scope.can(s.path, 'viewer'));
    const storedParent = candidates.find((s) => validOn(s, unit.validFrom));
    if (fileParent !== undefined) {
      return { fileIndex: fileParent };
    }
    if (storedParent && !actor.scope.can(storedParent.path, 'manager')) {
      report(unit, 'parent_code', `Bạn không có quyền quản lý đơn vị cấp trên "${code}" ${storedParent.name}.`);
      return undefined;
    }
    // No parent valid on the date: the closest match, so that the placement check explains the dates.
    const fallback = storedParent ?? candidates.find((s) => actor.scope.can(s.path, 'manager'));
    if (fallback) {
      return { stored: fallback };
    }
    if (inFile.length > 0) {
      return { fileIndex: inFile[0] };
    }
    if (!brokenCodes.has(code)) {
      report(
        unit,
        'parent_code',
        `Không tìm thấy đơn vị cấp trên mã "${code}" hoạt động ngày ${formatDateVi(unit.validFrom)}, trong tệp hoặc trong phạm vi bạn quản lý.`,
      );
    }
    return undefined;
  }

  for (const unit of units) {
    if (unit.parent === undefined) {
      continue;
    }
    const parent =
      unit.parent === null
        ? null
        : 'stored' in unit.parent
          ? unit.parent.stored
          : asStored(units[unit.parent.fileIndex]);
    const problem = checkPlacement(unit, parent);
    const kindFits = ALLOWED_PARENT_KINDS[unit.kind].includes((parent?.kind ?? null) as UnitKind | null);
    if (problem) {
      const dateKey = parent && !validOn(parent, unit.validFrom) ? 'valid_from' : 'valid_to';
      report(unit, kindFits ? dateKey : parent ? 'kind' : 'parent_code', problem);
    } else if (parent === null && !actor.scope.isSystem) {
      report(
        unit,
        'parent_code',
        'Chỉ quản trị hệ thống (dòng lệnh) được thêm đơn vị gốc; hãy ghi mã đơn vị cấp trên.',
      );
    }
  }
}

/** Parents before children (a parent may come later in the file); rows caught in a parent cycle are reported. */
function orderParentsFirst(reader: ImportReader<typeof ORG_UNIT_COLUMNS>, units: FileUnit[]): FileUnit[] {
  const children = new Map<number, number[]>();
  const ordered: FileUnit[] = [];
  const queue: number[] = [];
  units.forEach((unit, index) => {
    if (unit.parent && 'fileIndex' in unit.parent) {
      children.set(unit.parent.fileIndex, [...(children.get(unit.parent.fileIndex) ?? []), index]);
    } else {
      queue.push(index);
    }
  });
  const placed = new Set<number>();
  // A read pointer rather than shift(): shift is linear, and files reach 100,000 rows.
  for (let head = 0; head < queue.length; head += 1) {
    const index = queue[head];
    placed.add(index);
    ordered.push(units[index]);
    queue.push(...(children.get(index) ?? []));
  }
  for (const [index, unit] of units.entries()) {
    if (placed.has(index)) {
      continue;
    }
    const chain = [index];
    let next = (unit.parent as { fileIndex: number }).fileIndex;
    while (!chain.includes(next)) {
      chain.push(next);
      next = (units[next].parent as { fileIndex: number }).fileIndex;
    }
    if (next === index) {
      const loop = [...chain, index].map((i) => `${units[i].code} (dòng ${units[i].row})`).join(' → ');
      reader.report(unit.row, 'parent_code', `Các đơn vị làm cấp trên của nhau thành vòng lặp: ${loop}.`);
    }
  }
  return ordered;
}

/**
 * Imports units from an XLSX or CSV file, all or nothing: every row is checked (format, duplicates in the file and
 * against stored units, parents in the file or stored and managed by the caller, kind and dates under the parent)
 * before one transaction writes them with one audit entry. A dry run checks everything and writes nothing.
 */
export async function importOrgUnits(
  db: Db,
  actor: Actor,
  input: ImportSource,
  options: ImportOptions,
): Promise<ImportOrgUnitsResult> {
  assertCanImportUnits(actor);
  const reader = new ImportReader(input, ORG_UNIT_COLUMNS, {
    maxRows: MAX_IMPORT_ROWS,
    onProgress: (rows) => options.onProgress?.(rows),
  });
  const units: FileUnit[] = [];
  const brokenCodes = new Set<string>();
  for await (const { rowNumber, record, values } of reader.rows()) {
    if (record) {
      const { parent_code: parentCode, valid_from: validFrom, valid_to: validTo, ...rest } = record;
      units.push({ ...rest, parentCode, validFrom, validTo, row: rowNumber, id: crypto.randomUUID() });
    } else if (values.code) {
      brokenCodes.add(values.code);
    }
  }
  const items = units.slice(0, 100).map(({ code, name, kind, parentCode, validFrom, validTo }) => ({
    code,
    name,
    kind,
    parentCode,
    validFrom,
    validTo,
  }));
  const plan = async (trx: DbOrTrx): Promise<FileUnit[]> => {
    await checkUnits(trx, actor, reader, units, brokenCodes);
    const ordered = orderParentsFirst(reader, units);
    reader.finish();
    return ordered;
  };
  if (options.dryRun) {
    await plan(db);
    return { dryRun: true, created: units.length, items };
  }
  await db.transaction().execute(async (trx) => {
    const ordered = await plan(trx);
    const specs: UnitSpec[] = ordered.map((unit) => ({
      ...unit,
      parentId: !unit.parent ? null : 'stored' in unit.parent ? unit.parent.stored.id : units[unit.parent.fileIndex].id,
    }));
    for (let i = 0; i < specs.length; i += INSERT_BATCH) {
      await createUnitsBulk(trx, specs.slice(i, i + INSERT_BATCH));
      options.onProgress?.(Math.min(i + INSERT_BATCH, specs.length), specs.length, 'writing');
      await yieldToEventLoop();
    }
    const storedParents = units.flatMap((u) => (u.parent && 'stored' in u.parent ? [u.parent.stored] : []));
    const top = storedParents.reduce<StoredUnit | undefined>(
      (best, p) => (!best || p.path.split('.').length < best.path.split('.').length ? p : best),
      undefined,
    );
    await recordAudit(trx, actor, {
      action: 'org-unit.import',
      entityType: 'org_unit',
      unitId: top?.id ?? ordered[0]?.id ?? null,
      summary: `Nhập ${units.length} đơn vị từ tệp ${input.fileName}`,
      after: { file: input.fileName, count: units.length, codes: units.slice(0, 50).map((u) => u.code) },
    });
  });
  return { dryRun: false, created: units.length, items };
}
