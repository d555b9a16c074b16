import { sql } from 'kysely';
import { formatDateVi } from '../../../common/dates';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { AppError, forbidden, notFound, validationFailed } from '../../platform/errors';
import { getCampaign } from '../campaigns/campaigns.service';
import { findCampaignIdsByCodes } from '../campaigns/campaigns-lookup';
import { resolveUnit } from '../org-units/org-units.service';
import * as repo from './inspections.repository';

// Access rules of the inspections module in one place: who reads an inspection, who writes which part of it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function invalidState(message: string): AppError {
  return new AppError('INVALID_STATE', message);
}

export function invalid(path: string, message: string): AppError {
  return validationFailed(message, [{ path, message }]);
}

/** SQL: the inspection (alias `i`, conducting unit `cu`) is one the caller reads. */
export function inspectionReach(actor: Actor) {
  return repo.inspectionVisible(
    actor.scope.sqlContains(repo.conductingPathRef, 'viewer'),
    actor.scope.sqlContains(repo.subjectPathRef, 'viewer'),
  );
}

export function canReadInspection(actor: Actor, row: Pick<repo.InspectionRow, 'conducting_path' | 'subjects'>) {
  return (
    actor.scope.can(row.conducting_path, 'viewer') ||
    row.subjects.some((subject) => actor.scope.can(subject.path, 'viewer'))
  );
}

/** An inspection the caller reads (conducting unit or a subject in reach), else 404 whether it exists or not. */
export async function loadVisibleInspection(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  today: string,
  lock = false,
): Promise<repo.InspectionRow> {
  const row = await repo.findInspection(db, id, today, lock);
  if (!row || !canReadInspection(actor, row)) {
    throw notFound('Cuộc kiểm tra, giám sát');
  }
  return row;
}

/** Writing the conducting unit's parts (plan, team, dates, steps, conclusion, recommendations): editor there. */
export function assertConductingRole(actor: Actor, conductingPath: string, role: 'editor' | 'manager'): void {
  if (!actor.scope.can(conductingPath, role)) {
    throw forbidden(
      role === 'editor'
        ? 'Chỉ người nhập liệu của đơn vị tiến hành kiểm tra, giám sát mới được thực hiện thao tác này.'
        : 'Chỉ lãnh đạo (quản lý) của đơn vị tiến hành kiểm tra, giám sát mới được phê duyệt, nghiệm thu.',
    );
  }
}

export interface UnitOnDate {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  valid_from: string;
  valid_to: string | null;
}

export function isValidOn(unit: Pick<UnitOnDate, 'valid_from' | 'valid_to'>, day: string): boolean {
  return unit.valid_from <= day && (unit.valid_to === null || unit.valid_to >= day);
}

/** A unit (id or code) the caller sees, as on `day`, or 404. */
export async function resolveVisibleUnit(db: DbOrTrx, actor: Actor, ref: string, day: string): Promise<UnitOnDate> {
  const unit = await resolveUnit(db, ref, day);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  return unit;
}

export function checkValidOn(unit: UnitOnDate, day: string, path: string, what: string): void {
  if (!isValidOn(unit, day)) {
    throw invalid(
      path,
      `${what} ${unit.name} (${unit.code}) không hoạt động vào ngày ${formatDateVi(day)}; chọn đơn vị của ngày đó.`,
    );
  }
}

/** A campaign by id or code that the caller sees, or undefined. */
export async function findVisibleCampaign(
  db: DbOrTrx,
  actor: Actor,
  ref: string,
): Promise<{ id: string; code: string } | undefined> {
  const id = UUID.test(ref) ? ref : (await findCampaignIdsByCodes(db, [ref])).get(ref);
  if (!id) {
    return undefined;
  }
  try {
    const campaign = await getCampaign(db, actor, id);
    return { id: campaign.id, code: campaign.code };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return undefined;
    }
    throw error;
  }
}

/** Period bounds in order. */
export function checkPeriod(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) {
    const message = `Ngày kết thúc (${formatDateVi(to)}) trước ngày bắt đầu (${formatDateVi(from)}).`;
    throw invalid('query.to', message);
  }
}

/** One audit entry for an inspection-module record, under the unit whose managers follow it. */
export async function audit(
  db: DbOrTrx,
  actor: Actor,
  entry: {
    action: string;
    entityType: string;
    entityId: string;
    unitId: string;
    summary: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await recordAudit(db, actor, entry);
}

/** Lock the inspection's row (steps, sessions, recommendations change under it one at a time). */
export async function lockInspection(db: DbOrTrx, id: string): Promise<void> {
  await sql`select 1 from inspection where id = ${id} for update`.execute(db);
}
