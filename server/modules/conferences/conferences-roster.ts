import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import {
  defineColumns,
  enumOf,
  ImportReader,
  requiredText,
  text,
  writeWorkbook,
  type ImportSource,
} from '../../platform/import';
import { newToken } from './conferences-checkin';
import { bridgeAccess, updateOf, type ConferenceDeps } from './conferences.service';
import * as repo from './conferences.repository';
import type { BoardEvent } from './conferences-events';
import { inTransaction } from '../../db/connection';

export const MAX_ROSTER_ROWS = 5_000;
export const ROSTER_SHEET_NAME = 'Danh sách đại biểu';

type Category = { id: string; code: string; name_vi: string; name_en: string };

export function rosterColumns(categories: Category[]) {
  const codes = categories.map((c) => c.code);
  const labels = Object.fromEntries(categories.map((c) => [c.code, [capitalise(c.name_vi), c.name_vi, c.name_en]]));
  return defineColumns([
    {
      key: 'full_name',
      labels: ['Họ và tên', 'Họ tên', 'full_name', 'name'],
      required: true,
      parse: requiredText({ min: 2, max: 120 }),
      description: 'Họ và tên đại biểu.',
      example: 'Nguyễn Văn An',
      width: 28,
    },
    {
      key: 'position',
      labels: ['Chức vụ', 'position'],
      required: false,
      parse: text({ max: 300 }),
      description: 'Chức vụ, ví dụ "Ủy viên Ban Thường vụ Tỉnh ủy".',
      example: 'Phó Bí thư Huyện ủy',
      width: 36,
    },
    {
      key: 'organisation',
      labels: ['Cơ quan, đơn vị', 'Cơ quan', 'Đơn vị', 'organisation'],
      required: false,
      parse: text({ max: 300 }),
      description: 'Cơ quan, đơn vị công tác.',
      example: 'Huyện ủy Đầm Dơi',
      width: 32,
    },
    {
      key: 'category',
      labels: ['Thành phần', 'category'],
      required: false,
      parse: enumOf(codes, labels as Record<string, string[]>),
      description: 'Thành phần dự hội nghị (dùng để viết đoạn thành phần tham dự); chọn trong danh sách.',
      width: 44,
    },
  ]);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

export const ROSTER_IMPORT_NOTES = [
  'Mỗi dòng là một đại biểu dự tại điểm cầu; danh sách được thêm vào danh sách đã có.',
  'Không nhập trùng: cùng họ tên và chức vụ với một đại biểu đã có hoặc một dòng khác.',
  'Sau khi nhập, in giấy mời có mã QR để điểm danh bằng điện thoại.',
];

export async function rosterTemplate(db: DbOrTrx) {
  const data = await writeWorkbook({
    sheetName: ROSTER_SHEET_NAME,
    columns: rosterColumns(await repo.categories(db, true)),
    notes: ROSTER_IMPORT_NOTES,
  });
  return { fileName: 'mau-danh-sach-dai-bieu.xlsx', data };
}

/**
 * Imports a point's roster, all or nothing: every row checked (format, category, duplicates in the file and against
 * the roster) before one transaction adds them all with one audit entry. A dry run writes nothing.
 */
export async function importRoster(
  deps: ConferenceDeps,
  actor: Actor,
  conferenceId: string,
  bridgeId: string,
  input: ImportSource,
  options: { dryRun: boolean },
) {
  const { bridge } = await bridgeAccess(deps.db, actor, conferenceId, bridgeId, 'editor');
  const categories = await repo.categories(deps.db, true);
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const reader = new ImportReader(input, rosterColumns(categories), { maxRows: MAX_ROSTER_ROWS });
  const rows: {
    row: number;
    fullName: string;
    position: string | null;
    organisation: string | null;
    category?: string;
  }[] = [];
  for await (const { rowNumber, record } of reader.rows()) {
    if (record) {
      rows.push({
        row: rowNumber,
        fullName: record.full_name,
        position: record.position ?? null,
        organisation: record.organisation ?? null,
        category: record.category ?? undefined,
      });
    }
  }
  const keyOf = (name: string, position: string | null) => `${foldVietnamese(name)}|${foldVietnamese(position ?? '')}`;
  const existing = await deps.db
    .selectFrom('conference_attendee')
    .select(['full_name', 'position'])
    .where('bridge_id', '=', bridgeId)
    .execute();
  const stored = new Set(existing.map((e) => keyOf(e.full_name, e.position)));
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row.fullName, row.position);
    if (stored.has(key)) {
      reader.report(
        row.row,
        'full_name',
        `Đã có ${row.fullName}${row.position ? ` (${row.position})` : ''} trong danh sách điểm cầu.`,
      );
    } else if (seen.has(key)) {
      reader.report(row.row, 'full_name', `Trùng với dòng ${seen.get(key)} (cùng họ tên và chức vụ).`);
    } else {
      seen.set(key, row.row);
    }
  }
  reader.finish();
  const items = rows.slice(0, 100).map((r) => ({
    fullName: r.fullName,
    category: r.category ? byCode.get(r.category)!.name_vi : null,
  }));
  if (options.dryRun || rows.length === 0) {
    return { dryRun: options.dryRun, created: options.dryRun ? rows.length : 0, items };
  }
  let staged: BoardEvent[] = [];
  await inTransaction(deps.db, async (trx) => {
    const start = await repo.rosterCount(trx, bridgeId);
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('conference_attendee')
        .values(
          rows.slice(i, i + 1000).map((r, j) => ({
            bridge_id: bridgeId,
            full_name: r.fullName,
            position: r.position,
            organisation: r.organisation,
            category_id: r.category ? byCode.get(r.category)!.id : null,
            token: newToken(),
            sort_order: start + i + j,
            created_by: actor.userId,
          })),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'conference.attendee.import',
      entityType: 'conference_bridge',
      entityId: bridgeId,
      unitId: bridge.unit_id,
      summary: `Nhập ${rows.length} đại biểu vào danh sách điểm cầu ${bridge.unit_name} từ tệp ${input.fileName}`,
      after: { file: input.fileName, count: rows.length },
    });
    const state = await repo.bumpCheckedIn(trx, bridgeId, 0);
    staged = await deps.hub.stage(trx, [{ conferenceId, bridge: updateOf(state) }]);
  });
  deps.hub.committed(staged);
  return { dryRun: false, created: rows.length, items };
}
