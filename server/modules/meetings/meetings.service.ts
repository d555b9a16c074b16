import crypto from 'node:crypto';
import { sql } from 'kysely';
import { formatDateVi, todayIso } from '../../../common/dates';
import { MEETING_TYPE_LABELS, monthOf } from '../../../common/meetings';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { forbidden, notFound, validationFailed } from '../../platform/errors';
import { findCurrentThemes } from '../campaigns/campaigns.service';
import { resolveUnit } from '../org-units/org-units.service';
import {
  checkAttendance,
  duplicateRegularMessage,
  editableView,
  isUniqueViolation,
  loadCellForWrite,
  loadMeeting,
  MEETING_FIELD_NAMES,
  resolveTheme,
  toDetail,
  toSummary,
} from './meetings-rules';
import * as repo from './meetings.repository';
import type {
  CreateMeetingInput,
  ListMeetingsQuery,
  MeetingDetail,
  MeetingForm,
  MeetingSummary,
  UpdateMeetingInput,
} from './meetings.schemas';

const unitPathRef = sql`u.path`;

function describeMeeting(type: string, unitName: string, date: string): string {
  const label = (MEETING_TYPE_LABELS[type as keyof typeof MEETING_TYPE_LABELS]?.vi ?? type).toLowerCase();
  return `${label} của ${unitName} ngày ${formatDateVi(date)}`;
}

function duplicate(unitName: string, date: string): never {
  const message = duplicateRegularMessage(unitName, date);
  throw validationFailed(message, [{ path: 'body.meetingDate', message }]);
}

/** Meetings of cells in the caller's reach, filtered by a unit's subtree, period, type and theme inclusion. */
export async function listCellMeetings(
  db: DbOrTrx,
  actor: Actor,
  query: ListMeetingsQuery,
): Promise<{ items: MeetingSummary[]; total: number }> {
  const filters: repo.MeetingListFilters = {
    from: query.from,
    to: query.to,
    type: query.type,
    themeIncluded: query.themeIncluded === undefined ? undefined : query.themeIncluded === 'true',
  };
  if (query.from && query.to && query.to < query.from) {
    const message = `Ngày kết thúc (${formatDateVi(query.to)}) trước ngày bắt đầu (${formatDateVi(query.from)}).`;
    throw validationFailed(message, [{ path: 'query.to', message }]);
  }
  if (query.unit) {
    const unit = await resolveUnit(db, query.unit, query.to ?? todayIso());
    if (!unit || !actor.scope.can(unit.path, 'viewer')) {
      throw notFound('Đơn vị');
    }
    filters.unitPath = unit.path;
  }
  const { rows, total } = await repo.listMeetings(db, filters, actor.scope.sqlContains(unitPathRef, 'viewer'), {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(toSummary), total };
}

/** One meeting with what the caller may do with it. */
export async function getCellMeeting(db: DbOrTrx, actor: Actor, id: string): Promise<MeetingDetail> {
  return toDetail(actor, await loadMeeting(db, actor, id, 'viewer'));
}

/**
 * Records a meeting: editor of the cell; the cell valid on the date, no future date, present within the roll, the
 * theme current for the cell (the current one when included and none named), one regular meeting a month. Audited.
 */
export async function createCellMeeting(db: Db, actor: Actor, input: CreateMeetingInput): Promise<MeetingDetail> {
  const cell = await loadCellForWrite(db, actor, input.unitId, input.meetingDate);
  checkAttendance(input.membersOnRoll, input.present);
  const theme = await resolveTheme(db, cell, input);
  if (input.type === 'regular') {
    const existing = await repo.findRegularMeetings(db, [{ unitId: cell.id, month: monthOf(input.meetingDate) }]);
    if (existing.size > 0) {
      duplicate(cell.name, input.meetingDate);
    }
  }
  const id = crypto.randomUUID();
  const values: repo.MeetingWrite = {
    unit_id: cell.id,
    meeting_date: input.meetingDate,
    type: input.type,
    theme_included: theme !== null,
    theme_id: theme?.id ?? null,
    content_summary: input.contentSummary,
    conclusion: input.conclusion,
    chair: input.chair,
    secretary: input.secretary,
    members_on_roll: input.membersOnRoll,
    present: input.present,
    absent_reasons: input.absentReasons,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertMeetings(trx, [{ ...values, id, created_by: actor.userId }]);
      await recordAudit(trx, actor, {
        action: 'meeting.create',
        entityType: 'cell_meeting',
        entityId: id,
        unitId: cell.id,
        summary: `Ghi ${describeMeeting(input.type, cell.name, input.meetingDate)}`,
        after: { ...input, themeId: values.theme_id },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      duplicate(cell.name, input.meetingDate);
    }
    throw error;
  }
  return getCellMeeting(db, actor, id);
}

/** Edits a meeting from the `version` the caller read (409 listing what changed meanwhile); the same rules. */
export async function updateCellMeeting(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateMeetingInput,
): Promise<MeetingDetail> {
  const row = await loadMeeting(db, actor, id, 'editor');
  const current = editableView(row);
  assertVersion(current, input, MEETING_FIELD_NAMES);
  const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  if (input.themeIncluded === true && input.themeId === undefined && !current.themeIncluded) {
    next.themeId = null;
  }
  const cell = await loadCellForWrite(db, actor, next.unitId, next.meetingDate);
  checkAttendance(next.membersOnRoll, next.present);
  const theme = await resolveTheme(db, cell, next);
  if (
    next.type === 'regular' &&
    (next.type !== current.type ||
      monthOf(next.meetingDate) !== monthOf(current.meetingDate) ||
      next.unitId !== current.unitId)
  ) {
    const existing = await repo.findRegularMeetings(db, [{ unitId: cell.id, month: monthOf(next.meetingDate) }]);
    if ([...existing.values()].some((other) => other !== id)) {
      duplicate(cell.name, next.meetingDate);
    }
  }
  const values: repo.MeetingWrite = {
    unit_id: cell.id,
    meeting_date: next.meetingDate,
    type: next.type,
    theme_included: theme !== null,
    theme_id: theme?.id ?? null,
    content_summary: next.contentSummary,
    conclusion: next.conclusion,
    chair: next.chair,
    secretary: next.secretary,
    members_on_roll: next.membersOnRoll,
    present: next.present,
    absent_reasons: next.absentReasons,
  };
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateMeeting(trx, id, input.version, { ...values, updated_by: actor.userId }))) {
        const fresh = await repo.findMeeting(trx, id);
        assertVersion(fresh ? editableView(fresh) : current, input, MEETING_FIELD_NAMES);
      }
      const { version: _version, ...before } = current;
      await recordAudit(trx, actor, {
        action: 'meeting.update',
        entityType: 'cell_meeting',
        entityId: id,
        unitId: cell.id,
        summary: `Sửa ${describeMeeting(next.type, cell.name, next.meetingDate)}`,
        before,
        after: { ...next, themeId: values.theme_id, themeIncluded: values.theme_included, version: undefined },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      duplicate(cell.name, next.meetingDate);
    }
    throw error;
  }
  return getCellMeeting(db, actor, id);
}

/**
 * Deletes a meeting and its attached minutes' links (the stored files stay for other records). Editor of the cell —
 * the secretary who recorded a wrong month corrects it; with `version`, only if unchanged since read.
 */
export async function deleteCellMeeting(db: Db, actor: Actor, id: string, version?: number): Promise<void> {
  const row = await loadMeeting(db, actor, id, 'editor');
  const current = editableView(row);
  if (version !== undefined) {
    assertVersion(current, { version });
  }
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteMeeting(trx, id, version))) {
      const fresh = await repo.findMeeting(trx, id);
      if (fresh && version !== undefined) {
        assertVersion(editableView(fresh), { version });
      }
      throw notFound('Buổi sinh hoạt');
    }
    await repo.deleteDocumentsOf(trx, [id]);
    await recordAudit(trx, actor, {
      action: 'meeting.delete',
      entityType: 'cell_meeting',
      entityId: id,
      unitId: row.unit_id,
      summary: `Xóa ${describeMeeting(row.type, row.unit_name, row.meeting_date)}`,
      before: current,
    });
  });
}

/**
 * What the phone page pre-fills: the cells the caller may record for on the date (their own cell first when their
 * unit is one), the chosen cell's current themes (narrowest first), the roll at its last meeting and whether this
 * month's regular meeting is already recorded.
 */
export async function getMeetingForm(
  db: DbOrTrx,
  actor: Actor,
  query: { unit?: string; date?: string },
): Promise<MeetingForm> {
  const date = query.date ?? todayIso();
  const cells = await repo.listCellsOn(db, date, actor.scope.sqlContains(unitPathRef, 'editor'));
  let cell: repo.CellRow | undefined;
  if (query.unit) {
    const unit = await resolveUnit(db, query.unit, date);
    if (!unit || !actor.scope.can(unit.path, 'viewer')) {
      throw notFound('Chi bộ');
    }
    if (!actor.scope.can(unit.path, 'editor')) {
      throw forbidden(`Bạn chỉ được xem, không được ghi sinh hoạt của ${unit.name}.`);
    }
    cell = cells.find((c) => c.id === unit.id);
    if (!cell) {
      const message = `${unit.name} không phải chi bộ bạn được ghi sinh hoạt vào ngày ${formatDateVi(date)}.`;
      throw validationFailed(message, [{ path: 'query.unit', message }]);
    }
  } else if (cells.length === 1) {
    cell = cells[0];
  }
  const result: MeetingForm = {
    date,
    cells: cells.map((c) => ({ id: c.id, code: c.code, name: c.name, parentName: c.parent_name })),
    cell: cell ? { id: cell.id, code: cell.code, name: cell.name } : null,
    themes: [],
    lastMembersOnRoll: null,
    regularThisMonth: null,
  };
  if (cell) {
    const [themes, roll, regular] = await Promise.all([
      findCurrentThemes(db, actor, cell.id, date),
      repo.findLatestMembersOnRoll(db, cell.id, date),
      repo.findRegularMeetings(db, [{ unitId: cell.id, month: monthOf(date) }]),
    ]);
    result.themes = themes.map((theme) => ({ id: theme.id, code: theme.code, title: theme.title }));
    result.lastMembersOnRoll = roll;
    const regularId = regular.values().next().value;
    if (regularId) {
      const found = await repo.findMeeting(db, regularId);
      result.regularThisMonth = found ? { id: found.id, meetingDate: found.meeting_date } : null;
    }
  }
  return result;
}
