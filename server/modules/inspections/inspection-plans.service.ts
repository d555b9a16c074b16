import { formatDateVi, todayIso } from '../../../common/dates';
import type { PlanStatus } from '../../../common/inspections';
import { isRoleAtLeast } from '../../../common/roles';
import { inTransaction, type Db, type DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { assertVersion } from '../../platform/concurrency';
import { forbidden, notFound } from '../../platform/errors';
import {
  assertConductingRole,
  audit,
  invalid,
  invalidState,
  resolveVisibleUnit,
  type UnitOnDate,
} from './inspections-access';
import * as repo from './inspections.repository';
import type {
  ApprovePlanInput,
  CreatePlanInput,
  ListPlansQuery,
  PlanDetail,
  PlanSummary,
  UpdatePlanInput,
} from './inspections.schemas';
import { listInspectionsOfPlan } from './inspections.service';

const PLAN_FIELD_LABELS = { title: 'Tên kế hoạch', number: 'Số kế hoạch', note: 'Ghi chú' };

function toSummary(row: repo.PlanRow): PlanSummary {
  return {
    id: row.id,
    unit: row.unit,
    year: row.year,
    title: row.title,
    number: row.number,
    status: row.status as PlanStatus,
    approvedOn: row.approved_on,
    inspectionCount: row.inspection_count,
    closedCount: row.closed_count,
  };
}

/** A plan the caller reads: viewer on the conducting unit (404 otherwise). */
export async function loadVisiblePlan(db: DbOrTrx, actor: Actor, id: string, lock = false): Promise<repo.PlanRow> {
  const row = await repo.findPlan(db, id, lock);
  if (!row || !actor.scope.can(row.unit_path, 'viewer')) {
    throw notFound('Kế hoạch kiểm tra, giám sát');
  }
  return row;
}

/** Plans of the conducting units in the caller's reach, newest year first. */
export async function listPlans(db: DbOrTrx, actor: Actor, query: ListPlansQuery) {
  const filter: repo.PlanFilter = {
    scope: actor.scope.sqlContains(repo.conductingPathRef, 'viewer'),
    year: query.year,
    status: query.status,
  };
  if (query.unit) {
    filter.underPath = (await resolveVisibleUnit(db, actor, query.unit, todayIso())).path;
  }
  const { rows, total } = await repo.listPlans(db, filter, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const role = actor.scope.highestRole();
  return { items: rows.map(toSummary), total, abilities: { canCreate: !!role && isRoleAtLeast(role, 'editor') } };
}

/** One plan with its inspections and what the caller may do with it. */
export async function getPlan(db: DbOrTrx, actor: Actor, id: string): Promise<PlanDetail> {
  const row = await loadVisiblePlan(db, actor, id);
  const inspections = await listInspectionsOfPlan(db, actor, id);
  const canEdit = actor.scope.can(row.unit_path, 'editor');
  return {
    ...toSummary(row),
    note: row.note,
    approvedBy: row.approved_by ? { id: row.approved_by, fullName: row.approved_by_name ?? '' } : null,
    version: row.version,
    inspections,
    abilities: {
      canEdit,
      canApprove: row.status === 'draft' && actor.scope.can(row.unit_path, 'manager'),
      canAddInspection: canEdit,
    },
  };
}

/** The conducting unit must have existed during the plan's year (a district committee plans 2016–2019, not 2026). */
function checkUnitInYear(unit: UnitOnDate, year: number): void {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (unit.valid_from > last || (unit.valid_to !== null && unit.valid_to < first)) {
    throw invalid('body.unitId', `${unit.name} (${unit.code}) không hoạt động trong năm ${year}.`);
  }
}

/** Creates a draft plan for a conducting unit the caller enters records for. */
export async function createPlan(db: Db, actor: Actor, input: CreatePlanInput): Promise<PlanDetail> {
  const unit = await resolveVisibleUnit(db, actor, input.unitId, `${input.year}-12-31`);
  if (!actor.scope.can(unit.path, 'editor')) {
    throw forbidden(`Bạn không có quyền nhập liệu cho ${unit.name}.`);
  }
  checkUnitInYear(unit, input.year);
  const id = await inTransaction(db, async (trx) => {
    const planId = await repo.insertPlan(trx, {
      unit_id: unit.id,
      year: input.year,
      title: input.title,
      number: input.number,
      note: input.note,
      created_by: actor.userId,
    });
    await audit(trx, actor, {
      action: 'inspection_plan.create',
      entityType: 'inspection_plan',
      entityId: planId,
      unitId: unit.id,
      summary: `Lập kế hoạch kiểm tra, giám sát năm ${input.year} "${input.title}" (${unit.name})`,
      after: input,
    });
    return planId;
  });
  return getPlan(db, actor, id);
}

/** Edits a plan's title, number and note (editor of the conducting unit); 409 on a stale version. */
export async function updatePlan(db: Db, actor: Actor, id: string, input: UpdatePlanInput): Promise<PlanDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisiblePlan(trx, actor, id, true);
    assertConductingRole(actor, row.unit_path, 'editor');
    const stored = { title: row.title, number: row.number, note: row.note, version: row.version };
    assertVersion(stored, input, PLAN_FIELD_LABELS);
    const changed = (['title', 'number', 'note'] as const).filter(
      (key) => input[key] !== undefined && input[key] !== stored[key],
    );
    if (changed.length === 0) {
      return;
    }
    const next = Object.fromEntries(changed.map((key) => [key, input[key]]));
    await repo.updatePlan(trx, id, next);
    await audit(trx, actor, {
      action: 'inspection_plan.update',
      entityType: 'inspection_plan',
      entityId: id,
      unitId: row.unit_id,
      summary: `Sửa kế hoạch "${row.title}": ${changed.map((key) => PLAN_FIELD_LABELS[key]).join(', ')}`,
      before: Object.fromEntries(changed.map((key) => [key, stored[key]])),
      after: next,
    });
  });
  return getPlan(db, actor, id);
}

/** A manager of the conducting unit approves a draft plan; its inspections may then start. */
export async function approvePlan(db: Db, actor: Actor, id: string, input: ApprovePlanInput): Promise<PlanDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisiblePlan(trx, actor, id, true);
    assertConductingRole(actor, row.unit_path, 'manager');
    assertVersion({ version: row.version }, input);
    if (row.status === 'approved') {
      throw invalidState(`Kế hoạch đã được phê duyệt ngày ${formatDateVi(row.approved_on)}.`);
    }
    if (input.approvedOn > todayIso()) {
      throw invalid('body.approvedOn', 'Ngày phê duyệt không được sau hôm nay.');
    }
    if (Number(input.approvedOn.slice(0, 4)) > row.year) {
      throw invalid('body.approvedOn', `Kế hoạch năm ${row.year} phải được phê duyệt trong hoặc trước năm đó.`);
    }
    await repo.updatePlan(trx, id, { status: 'approved', approved_on: input.approvedOn, approved_by: actor.userId });
    await audit(trx, actor, {
      action: 'inspection_plan.approve',
      entityType: 'inspection_plan',
      entityId: id,
      unitId: row.unit_id,
      summary: `Phê duyệt kế hoạch "${row.title}" ngày ${formatDateVi(input.approvedOn)}`,
      before: { status: row.status },
      after: { status: 'approved', approvedOn: input.approvedOn },
    });
  });
  return getPlan(db, actor, id);
}
