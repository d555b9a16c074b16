import crypto from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { formatDateVi, todayIso } from '../../../common/dates';
import type { ErrorDetail } from '../../../common/errors';
import { lastDayOfMonth, monthsBetween } from '../../../common/meetings';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAuditMany, type AuditEntry } from '../../platform/audit';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { resolveUnit } from '../org-units/org-units.service';
import { attendanceProblem, cellProblem, isUniqueViolation, pickCurrentTheme } from './meetings-rules';
import * as gridRepo from './meetings-grid.repository';
import * as repo from './meetings.repository';

// The commune grid (issue 4: "cells × months, held / theme included / attendance, saved per cell"): regular meetings
// only; a row is one cell's year, saved in one request, all of it or none of it.

/** More cells than this is not one committee's grid; pick a commune. */
const MAX_GRID_CELLS = 300;

const gridMeetingSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  meetingDate: z.string(),
  themeIncluded: z.boolean(),
  present: z.number().int(),
  membersOnRoll: z.number().int(),
  /** A summary, conclusion or minutes are recorded: clearing the month in the grid would lose them. */
  hasDetails: z.boolean(),
});

export const gridRowSchema = z.object({
  cell: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  canEdit: z.boolean(),
  months: z.array(
    z.object({
      month: z.string(),
      /** The cell existed in that month and the month has begun. */
      isOpen: z.boolean(),
      meeting: gridMeetingSchema.nullable(),
    }),
  ),
});
export type GridRow = z.infer<typeof gridRowSchema>;

export const gridResponseSchema = z.object({
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  months: z.array(z.string()),
  rows: z.array(gridRowSchema),
});
export type Grid = z.infer<typeof gridResponseSchema>;

export const gridQuerySchema = z.object({
  unit: z.string().trim().min(1).max(64),
  year: z.coerce.number().int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100'),
});

const count = (what: string) =>
  z
    .number({ message: `${what} phải là số` })
    .int(`${what} phải là số nguyên`)
    .min(0, `${what} không được âm`)
    .max(10000, `${what} tối đa 10.000`)
    .nullish();

export const saveGridRowBodySchema = z.object({
  year: z.number().int().min(2000).max(2100),
  months: z
    .array(
      z.object({
        month: z.iso.date({ message: 'Tháng phải có dạng YYYY-MM-01' }),
        held: z.boolean(),
        themeIncluded: z.boolean().default(false),
        present: count('Số có mặt'),
        membersOnRoll: count('Số đảng viên'),
        /** The version of the month's meeting the caller read; absent when it read none. */
        version: z.number().int().min(1).nullish(),
      }),
    )
    .max(12),
});
export type SaveGridRowInput = z.infer<typeof saveGridRowBodySchema>;

const monthVi = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function yearMonths(year: number): string[] {
  return monthsBetween(`${year}-01-01`, `${year}-12-01`);
}

function isOpenMonth(cell: { valid_from: string; valid_to: string | null }, month: string, today: string): boolean {
  return (
    month <= today && cell.valid_from <= lastDayOfMonth(month) && (cell.valid_to === null || cell.valid_to >= month)
  );
}

/** The day a meeting entered in the grid is dated: the month's last day, or today, inside the cell's life. */
export function gridMeetingDate(cell: { valid_from: string; valid_to: string | null }, month: string, today: string) {
  let date = lastDayOfMonth(month);
  if (date > today) {
    date = today;
  }
  if (cell.valid_to !== null && cell.valid_to < date) {
    date = cell.valid_to;
  }
  return date < cell.valid_from ? cell.valid_from : date;
}

function toRow(actor: Actor, cell: repo.CellRow, meetings: gridRepo.GridMeetingRow[], year: number, today: string) {
  const byMonth = new Map(meetings.map((m) => [m.meeting_month, m]));
  return {
    cell: { id: cell.id, code: cell.code, name: cell.name },
    validFrom: cell.valid_from,
    validTo: cell.valid_to,
    canEdit: actor.scope.can(cell.path, 'editor'),
    months: yearMonths(year).map((month) => {
      const m = byMonth.get(month);
      return {
        month,
        isOpen: isOpenMonth(cell, month, today),
        meeting: m
          ? {
              id: m.id,
              version: m.version,
              meetingDate: m.meeting_date,
              themeIncluded: m.theme_included,
              present: m.present,
              membersOnRoll: m.members_on_roll,
              hasDetails: m.has_details,
            }
          : null,
      };
    }),
  };
}

/** The grid of a unit's cells (those that existed in the year) × the year's months, with their regular meetings. */
export async function getMeetingGrid(db: DbOrTrx, actor: Actor, query: z.infer<typeof gridQuerySchema>): Promise<Grid> {
  const at = `${query.year}-12-31` < todayIso() ? `${query.year}-12-31` : todayIso();
  const unit = await resolveUnit(db, query.unit, at);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  const cells = await gridRepo.listCellsInYear(
    db,
    unit.path,
    query.year,
    actor.scope.sqlContains(sql`u.path`, 'viewer'),
  );
  if (cells.length > MAX_GRID_CELLS) {
    const message = `${unit.name} có ${cells.length} chi bộ; bảng nhập chỉ mở cho tối đa ${MAX_GRID_CELLS} chi bộ — chọn một đảng ủy xã, phường.`;
    throw validationFailed(message, [{ path: 'query.unit', message }]);
  }
  const meetings = await gridRepo.listRegularMeetingsInYear(
    db,
    cells.map((c) => c.id),
    query.year,
  );
  const today = todayIso();
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    year: query.year,
    months: yearMonths(query.year),
    rows: cells.map((cell) =>
      toRow(
        actor,
        cell,
        meetings.filter((m) => m.unit_id === cell.id),
        query.year,
        today,
      ),
    ),
  };
}

/**
 * Saves one cell's row of the grid: each month sent is held (create or update its regular meeting) or not (delete
 * it, unless it carries a summary, conclusion or minutes). Every month is checked first; any problem answers 400
 * naming the month and field, a meeting changed since read answers 409, and nothing is written. Audited per meeting.
 */
export async function saveMeetingGridRow(
  db: Db,
  actor: Actor,
  cellId: string,
  input: SaveGridRowInput,
): Promise<GridRow> {
  const today = todayIso();
  const cell = (await repo.findUnitsByIds(db, [cellId], `${input.year}-12-31`)).get(cellId);
  if (!cell || !actor.scope.can(cell.path, 'viewer')) {
    throw notFound('Chi bộ');
  }
  if (!actor.scope.can(cell.path, 'editor')) {
    throw forbidden('Bạn cần quyền nhập liệu trên chi bộ này để ghi sinh hoạt.');
  }
  if (cell.kind !== 'cell') {
    const message = `${cell.name} (${cell.code}) không phải chi bộ; bảng nhập chỉ ghi sinh hoạt của chi bộ.`;
    throw validationFailed(message, [{ path: 'params.cellId', message }]);
  }
  const existing = new Map(
    (await gridRepo.listRegularMeetingsInYear(db, [cell.id], input.year)).map((m) => [m.meeting_month, m]),
  );
  const themes = await repo.listThemesInPeriod(db, `${input.year}-01-01`, `${input.year}-12-31`);
  const details: ErrorDetail[] = [];
  const conflicts: ErrorDetail[] = [];
  const inserts: (repo.MeetingWrite & { id: string; created_by: string | null })[] = [];
  const updates: { row: gridRepo.GridMeetingRow; values: repo.MeetingWrite }[] = [];
  const deletes: gridRepo.GridMeetingRow[] = [];
  input.months.forEach((entry, i) => {
    const at = (field: string, message: string) =>
      details.push({ path: `body.months.${i}.${field}`, message: `Tháng ${monthVi(entry.month)}: ${message}` });
    if (entry.month.slice(0, 4) !== String(input.year) || !entry.month.endsWith('-01')) {
      at('month', `không thuộc năm ${input.year} (ghi ngày đầu tháng, ví dụ ${input.year}-03-01).`);
      return;
    }
    const stored = existing.get(entry.month);
    if (stored && entry.version != null && entry.version !== stored.version) {
      conflicts.push({
        path: `body.months.${i}.version`,
        message: `Tháng ${monthVi(entry.month)} đã được người khác sửa (có mặt ${stored.present}/${stored.members_on_roll}).`,
      });
      return;
    }
    if (stored && entry.version == null) {
      conflicts.push({
        path: `body.months.${i}.version`,
        message: `Tháng ${monthVi(entry.month)} vừa được người khác ghi (có mặt ${stored.present}/${stored.members_on_roll}).`,
      });
      return;
    }
    if (!entry.held) {
      if (stored?.has_details) {
        at('held', 'buổi sinh hoạt đã có nội dung hoặc biên bản; xóa ở trang chi tiết buổi sinh hoạt.');
      } else if (stored) {
        deletes.push(stored);
      }
      return;
    }
    if (!isOpenMonth(cell, entry.month, today)) {
      const problem =
        entry.month > today
          ? 'chưa đến, không ghi trước.'
          : (cellProblem(cell, lastDayOfMonth(entry.month)) ??
            cellProblem(cell, entry.month) ??
            'chi bộ không hoạt động.');
      at('held', problem);
      return;
    }
    if (entry.membersOnRoll == null || entry.membersOnRoll < 1) {
      at('membersOnRoll', 'nhập số đảng viên của chi bộ (từ 1 trở lên).');
      return;
    }
    if (entry.present == null) {
      at('present', 'nhập số đảng viên có mặt.');
      return;
    }
    const attendance = attendanceProblem(entry.membersOnRoll, entry.present);
    if (attendance) {
      at('present', attendance);
      return;
    }
    const date = stored?.meeting_date ?? gridMeetingDate(cell, entry.month, today);
    let themeId: string | null = null;
    if (entry.themeIncluded) {
      const theme =
        stored?.theme_id && stored.theme_included ? { id: stored.theme_id } : pickCurrentTheme(themes, cell.path, date);
      if (!theme) {
        at('themeIncluded', `không có chuyên đề nào áp dụng cho chi bộ vào ngày ${formatDateVi(date)}.`);
        return;
      }
      themeId = theme.id;
    }
    const values: repo.MeetingWrite = {
      unit_id: cell.id,
      meeting_date: date,
      type: 'regular',
      theme_included: themeId !== null,
      theme_id: themeId,
      content_summary: stored?.content_summary ?? null,
      conclusion: stored?.conclusion ?? null,
      chair: stored?.chair ?? null,
      secretary: stored?.secretary ?? null,
      members_on_roll: entry.membersOnRoll,
      present: entry.present,
      absent_reasons: stored?.absent_reasons ?? null,
    };
    if (!stored) {
      inserts.push({ ...values, id: crypto.randomUUID(), created_by: actor.userId });
    } else if (
      stored.present !== values.present ||
      stored.members_on_roll !== values.members_on_roll ||
      stored.theme_included !== values.theme_included
    ) {
      updates.push({ row: stored, values });
    }
  });
  if (details.length > 0) {
    throw validationFailed(`${cell.name}: ${details[0].message}`, details);
  }
  if (conflicts.length > 0) {
    throw conflict(`${cell.name}: ${conflicts[0].message} Tải lại bảng để xem số liệu mới.`, conflicts);
  }
  const audit: AuditEntry[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertMeetings(trx, inserts);
      for (const { row, values } of updates) {
        if (!(await repo.updateMeeting(trx, row.id, row.version, { ...values, updated_by: actor.userId }))) {
          throw conflict(`${cell.name}: tháng ${monthVi(row.meeting_month)} vừa được người khác sửa. Tải lại bảng.`);
        }
      }
      for (const row of deletes) {
        if (!(await repo.deleteMeeting(trx, row.id, row.version))) {
          throw conflict(`${cell.name}: tháng ${monthVi(row.meeting_month)} vừa được người khác sửa. Tải lại bảng.`);
        }
      }
      for (const row of inserts) {
        audit.push({
          action: 'meeting.create',
          entityType: 'cell_meeting',
          entityId: row.id,
          unitId: cell.id,
          summary: `Ghi sinh hoạt thường kỳ tháng ${monthVi(row.meeting_date)} của ${cell.name} (bảng nhập)`,
          after: row,
        });
      }
      for (const { row, values } of updates) {
        audit.push({
          action: 'meeting.update',
          entityType: 'cell_meeting',
          entityId: row.id,
          unitId: cell.id,
          summary: `Sửa sinh hoạt thường kỳ tháng ${monthVi(row.meeting_month)} của ${cell.name} (bảng nhập)`,
          before: { present: row.present, membersOnRoll: row.members_on_roll, themeIncluded: row.theme_included },
          after: {
            present: values.present,
            membersOnRoll: values.members_on_roll,
            themeIncluded: values.theme_included,
          },
        });
      }
      for (const row of deletes) {
        audit.push({
          action: 'meeting.delete',
          entityType: 'cell_meeting',
          entityId: row.id,
          unitId: cell.id,
          summary: `Xóa sinh hoạt thường kỳ tháng ${monthVi(row.meeting_month)} của ${cell.name} (bảng nhập)`,
          before: { meetingDate: row.meeting_date, present: row.present, membersOnRoll: row.members_on_roll },
        });
      }
      await recordAuditMany(trx, actor, audit);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`${cell.name}: một tháng vừa được người khác ghi. Tải lại bảng.`);
    }
    throw error;
  }
  const meetings = await gridRepo.listRegularMeetingsInYear(db, [cell.id], input.year);
  return toRow(actor, cell, meetings, input.year, today);
}
