import crypto from 'node:crypto';
import { ALLOWED_PARENT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../common/org-units';
import { addDays, formatDateVi, todayIso } from '../../../common/dates';
import { foldVietnamese, compareVietnamese } from '../../../common/text';
import type { Db, DbOrTrx } from '../../db/connection';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { invalidateSessions } from '../../platform/auth/session-cache';
import * as repo from './org-units.repository';
import type {
  CloseOrgUnitInput,
  CreateOrgUnitInput,
  ListOrgUnitsQuery,
  OrgUnitDetail,
  OrgUnitSummary,
  RenameOrgUnitInput,
} from './org-units.schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toSummary(row: repo.UnitRow): OrgUnitSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as UnitKind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    hasChildren: row.has_children,
  };
}

function byName(a: repo.UnitRow, b: repo.UnitRow): number {
  return compareVietnamese(a.name, b.name) || compareVietnamese(a.code, b.code);
}

/** The search key holds the code and every name the unit has had, folded. */
export function searchKeyFor(code: string, names: string[]): string {
  return foldVietnamese([code, ...new Set(names)].join(' '));
}

function isExclusionViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23P01';
}

/** A unit reference by id (a uuid) or by code, the code resolving to the unit that bore it on `at`. */
export async function resolveUnit(db: DbOrTrx, idOrCode: string, at: string): Promise<repo.UnitRow | undefined> {
  return UUID.test(idOrCode) ? repo.findById(db, idOrCode, at) : repo.findByCode(db, idOrCode, at);
}

/**
 * Lists units for the tree and for search: children of `parent` on `at`; matches of `search` (on `at` when given,
 * else across all dates; below `under` when given); or, with neither, the topmost units of the caller's reach on `at`.
 */
export async function listOrgUnits(db: Db, actor: Actor, query: ListOrgUnitsQuery): Promise<OrgUnitSummary[]> {
  const at = query.at ?? todayIso();
  const scope = actor.scope.sqlContains(repo.pathRef, 'viewer');
  if (query.parent) {
    const parent = await resolveUnit(db, query.parent, at);
    if (!parent || !actor.scope.can(parent.path, 'viewer')) {
      throw notFound('Đơn vị cấp trên');
    }
    return (await repo.listChildren(db, parent.id, at, scope)).sort(byName).map(toSummary);
  }
  if (query.search) {
    const folded = foldVietnamese(query.search);
    if (folded.length === 0) {
      return [];
    }
    let underPath: string | undefined;
    if (query.under) {
      const under = await resolveUnit(db, query.under, at);
      if (!under || !actor.scope.can(under.path, 'viewer')) {
        throw notFound('Đơn vị cấp trên');
      }
      underPath = under.path;
    }
    const rows = await repo.searchUnits(db, folded, {
      at: query.at,
      onlyValid: !!query.at,
      limit: query.limit,
      scope,
      underPath,
    });
    return rows.map(toSummary);
  }
  const rows = actor.scope.isSystem
    ? await repo.listRoots(db, at)
    : await repo.listByPaths(db, actor.scope.roots(), at);
  // A root that lies inside another listed root is reached by expanding that one.
  const top = rows.filter((row) => !rows.some((other) => other !== row && row.path.startsWith(`${other.path}.`)));
  return top.sort(byName).map(toSummary);
}

/** One unit as it was on `at`, with its names, parent, lineage and what the caller may do to it. */
export async function getOrgUnit(db: Db, actor: Actor, idOrCode: string, at?: string): Promise<OrgUnitDetail> {
  const day = at ?? todayIso();
  const unit = await resolveUnit(db, idOrCode, day);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  return describeUnit(db, actor, unit, day);
}

async function describeUnit(db: DbOrTrx, actor: Actor, unit: repo.UnitRow, at: string): Promise<OrgUnitDetail> {
  const [ancestors, names, predecessors, successors] = await Promise.all([
    repo.listAncestors(db, unit.path, at, actor.scope.sqlContains(repo.pathRef, 'viewer')),
    repo.listNames(db, unit.id),
    repo.listLineage(db, unit.id, 'predecessors'),
    repo.listLineage(db, unit.id, 'successors'),
  ]);
  const parentPath = unit.path.includes('.') ? unit.path.slice(0, unit.path.lastIndexOf('.')) : undefined;
  const parent = unit.parent_id ? await repo.findById(db, unit.parent_id, at) : undefined;
  const link = (row: Awaited<ReturnType<typeof repo.listLineage>>[number]) => ({
    unit: {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind as UnitKind,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    },
    event: {
      kind: row.event_kind as OrgUnitDetail['predecessors'][number]['event']['kind'],
      effectiveDate: row.effective_date,
      legalBasis: row.legal_basis,
    },
    isPartial: row.is_partial,
  });
  return {
    ...toSummary(unit),
    version: unit.version,
    parent: parent ? { id: parent.id, code: parent.code, name: parent.name } : null,
    ancestors: ancestors.map((a) => ({ id: a.id, code: a.code, name: a.name })),
    names: names.map((n) => ({ name: n.name, validFrom: n.valid_from, validTo: n.valid_to })),
    predecessors: predecessors.map(link),
    successors: successors.map(link),
    abilities: {
      canManage: canManage(actor, unit.path, parentPath),
      canEdit: actor.scope.can(unit.path, 'editor'),
    },
  };
}

/** A unit is managed by an admin of its subtree or by a manager of the unit above it. */
function canManage(actor: Actor, path: string, parentPath: string | undefined): boolean {
  return actor.scope.can(path, 'admin') || (parentPath !== undefined && actor.scope.can(parentPath, 'manager'));
}

async function loadForManagement(db: DbOrTrx, actor: Actor, id: string, version: number): Promise<repo.UnitRow> {
  const unit = await repo.findById(db, id);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  const parentPath = unit.path.includes('.') ? unit.path.slice(0, unit.path.lastIndexOf('.')) : undefined;
  if (!canManage(actor, unit.path, parentPath)) {
    throw forbidden('Chỉ quản lý của đơn vị cấp trên hoặc quản trị viên mới được sửa đơn vị này.');
  }
  if (unit.version !== version) {
    throw conflict('Đơn vị đã được người khác thay đổi. Hãy tải lại để xem bản mới nhất.', [
      { path: 'body.version', message: `Phiên bản hiện tại là ${unit.version}, bạn gửi ${version}.` },
    ]);
  }
  return unit;
}

export interface UnitSpec {
  id?: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string;
  validTo?: string | null;
}

/** Why a unit of `spec` cannot hang under `parent` (kind, or dates outside the parent's), or undefined. */
export function checkPlacement(
  spec: Pick<UnitSpec, 'kind' | 'validFrom' | 'validTo'>,
  parent: { kind: string; name: string; valid_from: string; valid_to: string | null } | null,
): string | undefined {
  const allowed = ALLOWED_PARENT_KINDS[spec.kind];
  if (!parent) {
    return allowed.includes(null) ? undefined : `${UNIT_KIND_LABELS[spec.kind].vi} phải có đơn vị cấp trên.`;
  }
  if (!allowed.includes(parent.kind as UnitKind)) {
    return `${UNIT_KIND_LABELS[spec.kind].vi} không thể trực thuộc ${UNIT_KIND_LABELS[parent.kind as UnitKind].vi.toLowerCase()} (${parent.name}).`;
  }
  if (spec.validFrom < parent.valid_from || (parent.valid_to !== null && spec.validFrom > parent.valid_to)) {
    return `Đơn vị cấp trên ${parent.name} không hoạt động vào ngày ${formatDateVi(spec.validFrom)}.`;
  }
  if (parent.valid_to !== null && (spec.validTo == null || spec.validTo > parent.valid_to)) {
    return `Đơn vị cấp trên ${parent.name} chấm dứt ngày ${formatDateVi(parent.valid_to)}; đơn vị trực thuộc phải chấm dứt không muộn hơn ngày đó.`;
  }
  return undefined;
}

/**
 * Inserts units in one go, parents before children (a parent is either already stored or earlier in `specs`).
 * Used by create, import and the demo; the caller checks access and holds the transaction.
 */
export async function createUnitsBulk(trx: DbOrTrx, specs: UnitSpec[]): Promise<string[]> {
  const nodes = await repo.allocateNodes(trx, specs.length);
  const batchPaths = new Map<string, string>();
  const storedParents = specs.map((s) => s.parentId).filter((id): id is string => id !== null);
  const storedPaths = await repo.findPaths(trx, [...new Set(storedParents)]);
  const rows: repo.UnitInsert[] = specs.map((spec, i) => {
    const id = spec.id ?? crypto.randomUUID();
    let path = String(nodes[i]);
    if (spec.parentId) {
      const parentPath = batchPaths.get(spec.parentId) ?? storedPaths.get(spec.parentId);
      if (!parentPath) {
        throw new AppError('INTERNAL', `Đơn vị cấp trên của ${spec.code} chưa có trong cơ sở dữ liệu.`);
      }
      path = `${parentPath}.${nodes[i]}`;
    }
    batchPaths.set(id, path);
    return {
      id,
      node: nodes[i],
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      parent_id: spec.parentId,
      path,
      valid_from: spec.validFrom,
      valid_to: spec.validTo ?? null,
      search_key: searchKeyFor(spec.code, [spec.name]),
    };
  });
  try {
    await repo.insertUnits(trx, rows);
  } catch (error) {
    if (isExclusionViolation(error)) {
      throw conflict('Mã đơn vị đã được dùng cho một đơn vị khác trong cùng thời gian.');
    }
    throw error;
  }
  return rows.map((r) => r.id);
}

export interface LineageEdge {
  fromUnitId: string;
  toUnitId: string;
  isPartial?: boolean;
  isPrimary?: boolean;
}

/** Records a reorganisation event and its old → new edges. */
export async function recordReorganisation(
  trx: DbOrTrx,
  event: { kind: string; effectiveDate: string; legalBasis?: string | null; note?: string | null },
  edges: LineageEdge[],
): Promise<string> {
  const eventId = await repo.insertEvent(trx, {
    kind: event.kind,
    effective_date: event.effectiveDate,
    legal_basis: event.legalBasis,
    note: event.note,
  });
  await repo.insertLineage(
    trx,
    edges.map((e) => ({
      event_id: eventId,
      from_unit_id: e.fromUnitId,
      to_unit_id: e.toUnitId,
      is_partial: e.isPartial ?? false,
      is_primary: e.isPrimary ?? true,
    })),
  );
  return eventId;
}

/** Creates a unit under a parent the caller manages. */
export async function createOrgUnit(db: Db, actor: Actor, input: CreateOrgUnitInput): Promise<OrgUnitDetail> {
  await assertUnitAccess(db, actor, input.parentId, 'manager');
  const parent = await repo.findById(db, input.parentId);
  const problem = checkPlacement(input, parent ?? null);
  if (problem) {
    throw validationFailed(problem, [{ path: 'body.parentId', message: problem }]);
  }
  const id = await db.transaction().execute(async (trx) => {
    const [created] = await createUnitsBulk(trx, [{ ...input, parentId: input.parentId }]);
    await recordAudit(trx, actor, {
      action: 'org-unit.create',
      entityType: 'org_unit',
      entityId: created,
      unitId: created,
      summary: `Thêm đơn vị ${input.code} ${input.name}`,
      after: input,
    });
    return created;
  });
  return getOrgUnit(db, actor, id, input.validFrom > todayIso() ? input.validFrom : undefined);
}

/** Renames a unit from a date on; the old name stays in its history with its dates. */
export async function renameOrgUnit(
  db: Db,
  actor: Actor,
  id: string,
  input: RenameOrgUnitInput,
): Promise<OrgUnitDetail> {
  const unit = await loadForManagement(db, actor, id, input.version);
  const names = await repo.listNames(db, id);
  const current = names.find((n) => n.valid_to === null) ?? names[names.length - 1];
  if (input.effectiveDate > todayIso()) {
    throw validationFailed('Ngày đổi tên không được sau hôm nay.', [
      { path: 'body.effectiveDate', message: 'Không được sau hôm nay' },
    ]);
  }
  if (current && input.effectiveDate <= current.valid_from) {
    const message = `Ngày đổi tên phải sau ngày tên hiện tại có hiệu lực (${formatDateVi(current.valid_from)}).`;
    throw validationFailed(message, [{ path: 'body.effectiveDate', message }]);
  }
  if (unit.valid_to !== null && input.effectiveDate > unit.valid_to) {
    const message = `Đơn vị đã chấm dứt ngày ${formatDateVi(unit.valid_to)}.`;
    throw validationFailed(message, [{ path: 'body.effectiveDate', message }]);
  }
  await db.transaction().execute(async (trx) => {
    await repo.closeCurrentName(trx, id, addDays(input.effectiveDate, -1));
    await repo.insertName(trx, id, input.name, input.effectiveDate, unit.valid_to);
    const allNames = await repo.listAllNames(trx, id);
    if (
      !(await repo.updateUnitName(trx, id, input.version, {
        name: input.name,
        search_key: searchKeyFor(unit.code, allNames),
      }))
    ) {
      throw conflict('Đơn vị đã được người khác thay đổi. Hãy tải lại để xem bản mới nhất.');
    }
    await repo.insertEvent(trx, {
      kind: 'rename',
      effective_date: input.effectiveDate,
      note: `${unit.name} → ${input.name}`,
    });
    await recordAudit(trx, actor, {
      action: 'org-unit.rename',
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      summary: `Đổi tên ${unit.code}: ${unit.name} → ${input.name}`,
      before: { name: unit.name },
      after: { name: input.name, effectiveDate: input.effectiveDate },
    });
  });
  return getOrgUnit(db, actor, id);
}

/**
 * Ends a unit on `validTo` (its last day). Units still active under it must be ended or reorganised first.
 * With a successor, the lineage edge carries the unit's history to it.
 */
export async function closeOrgUnit(db: Db, actor: Actor, id: string, input: CloseOrgUnitInput): Promise<OrgUnitDetail> {
  const unit = await loadForManagement(db, actor, id, input.version);
  if (unit.valid_to !== null) {
    throw new AppError('INVALID_STATE', `Đơn vị đã chấm dứt từ ngày ${formatDateVi(unit.valid_to)}.`);
  }
  if (input.validTo < unit.valid_from) {
    const message = `Ngày chấm dứt không được trước ngày thành lập (${formatDateVi(unit.valid_from)}).`;
    throw validationFailed(message, [{ path: 'body.validTo', message }]);
  }
  const openChildren = await repo.countChildrenValidAfter(db, id, input.validTo);
  if (openChildren > 0) {
    throw new AppError(
      'INVALID_STATE',
      `Còn ${openChildren} đơn vị trực thuộc hoạt động sau ngày ${formatDateVi(input.validTo)}; hãy chấm dứt hoặc sắp xếp lại các đơn vị đó trước.`,
    );
  }
  if (input.successorId) {
    const successor = await repo.findById(db, input.successorId);
    if (!successor || !actor.scope.can(successor.path, 'viewer')) {
      throw notFound('Đơn vị kế thừa');
    }
  }
  await db.transaction().execute(async (trx) => {
    if (!(await repo.setValidTo(trx, id, input.version, input.validTo))) {
      throw conflict('Đơn vị đã được người khác thay đổi. Hãy tải lại để xem bản mới nhất.');
    }
    await repo.closeCurrentName(trx, id, input.validTo);
    const event = {
      kind: input.successorId ? 'merge' : 'close',
      effectiveDate: addDays(input.validTo, 1),
      note: input.reason,
    };
    await recordReorganisation(
      trx,
      event,
      input.successorId ? [{ fromUnitId: id, toUnitId: input.successorId, isPrimary: true }] : [],
    );
    await recordAudit(trx, actor, {
      action: 'org-unit.close',
      entityType: 'org_unit',
      entityId: id,
      unitId: id,
      summary: `Chấm dứt ${unit.code} ${unit.name} từ sau ngày ${formatDateVi(input.validTo)}`,
      before: { validTo: null },
      after: { validTo: input.validTo, reason: input.reason ?? null, successorId: input.successorId ?? null },
    });
  });
  // A successor's users now reach this unit's past through the new lineage edge.
  await invalidateSessions();
  return getOrgUnit(db, actor, id, input.validTo);
}
