import { formatDateVi, todayIso } from '../../../common/dates';
import type { ErrorDetail } from '../../../common/errors';
import { monthOf, type MeetingType } from '../../../common/meetings';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { forbidden, notFound, validationFailed } from '../../platform/errors';
import * as repo from './meetings.repository';
import type { MeetingDetail, MeetingSummary } from './meetings.schemas';

// The rules every write of this module shares (form, grid and import): the cell must be a cell valid on the date, the
// date not in the future, present within the roll, a named theme current for the cell, one regular meeting a month.

export const MEETING_FIELD_NAMES = {
  unitId: 'Chi bộ',
  meetingDate: 'Ngày sinh hoạt',
  type: 'Loại sinh hoạt',
  themeIncluded: 'Có đưa chuyên đề',
  themeId: 'Chuyên đề',
  contentSummary: 'Nội dung',
  conclusion: 'Kết luận, nghị quyết',
  chair: 'Chủ trì',
  secretary: 'Thư ký',
  membersOnRoll: 'Số đảng viên',
  present: 'Có mặt',
  absentReasons: 'Vắng mặt, lý do',
};

const monthVi = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Problems of the date alone: not in the future. */
export function dateProblem(date: string, today = todayIso()): string | undefined {
  return date > today
    ? `Ngày sinh hoạt ${formatDateVi(date)} ở tương lai; chỉ ghi buổi đã diễn ra (hôm nay ${formatDateVi(today)}).`
    : undefined;
}

/** Problems of the cell on the date: a cell (chi bộ), open on that day. */
export function cellProblem(unit: repo.CellRow, date: string): string | undefined {
  if (unit.kind !== 'cell') {
    return `${unit.name} (${unit.code}) không phải chi bộ; chỉ ghi sinh hoạt của chi bộ.`;
  }
  if (unit.valid_from > date) {
    return `${unit.name} (${unit.code}) thành lập từ ${formatDateVi(unit.valid_from)}, sau ngày ${formatDateVi(date)}.`;
  }
  if (unit.valid_to !== null && unit.valid_to < date) {
    return `${unit.name} (${unit.code}) đã kết thúc hoạt động từ ${formatDateVi(unit.valid_to)}; không ghi thêm buổi sinh hoạt sau ngày đó.`;
  }
  return undefined;
}

export function attendanceProblem(membersOnRoll: number, present: number): string | undefined {
  return present > membersOnRoll
    ? `Số có mặt (${present}) lớn hơn số đảng viên của chi bộ (${membersOnRoll}).`
    : undefined;
}

/** Whether the theme applies to the cell on the date: its period holds the date and its scope is the cell or above. */
export function themeProblem(theme: repo.ThemeRow, cellPath: string, date: string): string | undefined {
  if (theme.period_start > date || theme.period_end < date) {
    return `Chuyên đề ${theme.code} áp dụng từ ${formatDateVi(theme.period_start)} đến ${formatDateVi(theme.period_end)}, không gồm ngày ${formatDateVi(date)}.`;
  }
  if (!(cellPath === theme.scope_path || cellPath.startsWith(`${theme.scope_path}.`))) {
    return `Chuyên đề ${theme.code} không áp dụng cho chi bộ này (thuộc phạm vi đơn vị khác).`;
  }
  return undefined;
}

/** The theme a cell studies on a date when none is named: the narrowest scope, then the latest start. */
export function pickCurrentTheme(themes: repo.ThemeRow[], cellPath: string, date: string): repo.ThemeRow | undefined {
  return themes
    .filter((theme) => themeProblem(theme, cellPath, date) === undefined)
    .sort(
      (a, b) =>
        b.scope_path.split('.').length - a.scope_path.split('.').length ||
        b.period_start.localeCompare(a.period_start) ||
        a.code.localeCompare(b.code),
    )[0];
}

export function duplicateRegularMessage(unitName: string, date: string): string {
  return `${unitName} đã có buổi sinh hoạt thường kỳ tháng ${monthVi(monthOf(date))}; mỗi tháng một buổi thường kỳ (sinh hoạt chuyên đề thì không giới hạn).`;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** Loads the cell for a write: out of reach 404, without `editor` 403, then the date rules (400, naming the field). */
export async function loadCellForWrite(db: DbOrTrx, actor: Actor, unitId: string, date: string): Promise<repo.CellRow> {
  const unit = (await repo.findUnitsByIds(db, [unitId], date)).get(unitId);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Chi bộ');
  }
  if (!actor.scope.can(unit.path, 'editor')) {
    throw forbidden('Bạn cần quyền nhập liệu trên chi bộ này để ghi buổi sinh hoạt.');
  }
  const details: ErrorDetail[] = [];
  const problemOfDate = dateProblem(date);
  if (problemOfDate) {
    details.push({ path: 'body.meetingDate', message: problemOfDate });
  }
  const problemOfCell = cellProblem(unit, date);
  if (problemOfCell) {
    details.push({ path: unit.kind === 'cell' ? 'body.meetingDate' : 'body.unitId', message: problemOfCell });
  }
  if (details.length > 0) {
    throw validationFailed(details[0].message, details);
  }
  return unit;
}

/** The theme to store: the named one if it applies, else the cell's current one; none when not included. */
export async function resolveTheme(
  db: DbOrTrx,
  cell: repo.CellRow,
  input: { themeIncluded: boolean; themeId?: string | null; meetingDate: string },
): Promise<repo.ThemeRow | null> {
  if (!input.themeIncluded) {
    return null;
  }
  if (input.themeId) {
    const theme = (await repo.findThemesByIds(db, [input.themeId])).get(input.themeId);
    const message = theme
      ? themeProblem(theme, cell.path, input.meetingDate)
      : 'Chuyên đề không tồn tại; chọn lại trong danh sách.';
    if (message) {
      throw validationFailed(message, [{ path: 'body.themeId', message }]);
    }
    return theme!;
  }
  const current = pickCurrentTheme(
    await repo.listThemesInPeriod(db, input.meetingDate, input.meetingDate),
    cell.path,
    input.meetingDate,
  );
  if (!current) {
    const message = `Không có chuyên đề nào áp dụng cho ${cell.name} vào ngày ${formatDateVi(input.meetingDate)}; chọn chuyên đề hoặc bỏ đánh dấu "Có đưa chuyên đề".`;
    throw validationFailed(message, [{ path: 'body.themeId', message }]);
  }
  return current;
}

export function checkAttendance(membersOnRoll: number, present: number): void {
  const message = attendanceProblem(membersOnRoll, present);
  if (message) {
    throw validationFailed(message, [{ path: 'body.present', message }]);
  }
}

export function toSummary(row: repo.MeetingRow): MeetingSummary {
  return {
    id: row.id,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    meetingDate: row.meeting_date,
    type: row.type as MeetingType,
    themeIncluded: row.theme_included,
    theme: row.theme_id ? { id: row.theme_id, code: row.theme_code!, title: row.theme_title! } : null,
    membersOnRoll: row.members_on_roll,
    present: row.present,
    absent: row.members_on_roll - row.present,
    hasMinutes: row.has_minutes,
    version: row.version,
  };
}

export function toDetail(actor: Actor, row: repo.MeetingRow): MeetingDetail {
  const canEdit = actor.scope.can(row.unit_path, 'editor');
  return {
    ...toSummary(row),
    contentSummary: row.content_summary,
    conclusion: row.conclusion,
    chair: row.chair,
    secretary: row.secretary,
    absentReasons: row.absent_reasons,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    abilities: { canEdit, canDelete: canEdit },
  };
}

/** The fields a caller edits, named as in the API, to compare against what they sent (409 lists the differences). */
export function editableView(row: repo.MeetingRow) {
  return {
    unitId: row.unit_id,
    meetingDate: row.meeting_date,
    type: row.type as MeetingType,
    themeIncluded: row.theme_included,
    themeId: row.theme_id,
    contentSummary: row.content_summary,
    conclusion: row.conclusion,
    chair: row.chair,
    secretary: row.secretary,
    membersOnRoll: row.members_on_roll,
    present: row.present,
    absentReasons: row.absent_reasons,
    version: row.version,
  };
}

/** A meeting the caller may see (404 otherwise), and with `minRole` on its cell (403 otherwise). */
export async function loadMeeting(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  minRole: 'viewer' | 'editor',
): Promise<repo.MeetingRow> {
  const row = await repo.findMeeting(db, id);
  if (!row || !actor.scope.can(row.unit_path, 'viewer')) {
    throw notFound('Buổi sinh hoạt');
  }
  if (!actor.scope.can(row.unit_path, minRole)) {
    throw forbidden();
  }
  return row;
}
