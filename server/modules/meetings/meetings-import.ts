import crypto from 'node:crypto';
import { z } from 'zod';
import { formatDateVi, todayIso } from '../../../common/dates';
import { MEETING_TYPE_LABELS, MEETING_TYPES, monthOf } from '../../../common/meetings';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { AppError, forbidden } from '../../platform/errors';
import {
  date,
  defineColumns,
  enumOf,
  ImportReader,
  integer,
  requiredText,
  text,
  writeWorkbook,
  yesNo,
  type ImportSource,
  type ParsedRow,
  type RecordOf,
  type XlsxFile,
} from '../../platform/import';
import { attendanceProblem, cellProblem, dateProblem, pickCurrentTheme, themeProblem } from './meetings-rules';
import * as repo from './meetings.repository';

// The meetings file: one row per meeting; all or nothing; the same error report as every import.

/** Three national years are 1.8 million rows — a province's years are far fewer; beyond this, split the file. */
export const MAX_IMPORT_ROWS = 200_000;
/** Rows checked together: one unit query, one theme query and one duplicate query per batch. */
const BATCH_ROWS = 5000;

export const MEETING_COLUMNS = defineColumns([
  {
    key: 'unit_code',
    labels: ['Mã chi bộ', 'Mã đơn vị'],
    required: true,
    parse: requiredText({ max: 64 }),
    description: 'Mã của chi bộ như vào ngày sinh hoạt (chi bộ phải đang hoạt động vào ngày đó).',
    example: '32152-01',
    width: 14,
  },
  {
    key: 'date',
    labels: ['Ngày sinh hoạt', 'Ngày'],
    required: true,
    parse: date({ required: true }),
    description: 'Ngày họp; không ghi ngày tương lai.',
    example: '15/03/2019',
  },
  {
    key: 'type',
    labels: ['Loại sinh hoạt', 'Loại'],
    required: true,
    parse: enumOf(
      MEETING_TYPES,
      {
        regular: [MEETING_TYPE_LABELS.regular.vi, 'Thường kỳ', 'TK', MEETING_TYPE_LABELS.regular.en],
        thematic: [MEETING_TYPE_LABELS.thematic.vi, 'Chuyên đề', 'CĐ', MEETING_TYPE_LABELS.thematic.en],
      },
      { required: true },
    ),
    description: 'Thường kỳ (mỗi chi bộ mỗi tháng một buổi) hoặc chuyên đề.',
    example: MEETING_TYPE_LABELS.regular.vi,
    width: 20,
  },
  {
    key: 'theme_included',
    labels: ['Có đưa chuyên đề', 'Đưa chuyên đề vào sinh hoạt'],
    required: true,
    parse: yesNo({ required: true }),
    description: 'Có đưa chuyên đề học tập và làm theo vào buổi sinh hoạt không.',
    example: 'có',
  },
  {
    key: 'theme_code',
    labels: ['Mã chuyên đề'],
    required: false,
    parse: text({ max: 64 }),
    description: 'Chuyên đề đã học; để trống thì lấy chuyên đề hiện hành của chi bộ vào ngày đó.',
    example: '05-CT/TW-2019',
    width: 16,
  },
  {
    key: 'members_on_roll',
    labels: ['Số đảng viên', 'Tổng số đảng viên'],
    required: true,
    parse: integer({ required: true, min: 1, max: 10000 }),
    description: 'Số đảng viên của chi bộ vào ngày họp.',
    example: '18',
  },
  {
    key: 'present',
    labels: ['Có mặt', 'Số có mặt'],
    required: true,
    parse: integer({ required: true, min: 0, max: 10000 }),
    description: 'Số đảng viên có mặt; không lớn hơn số đảng viên.',
    example: '16',
  },
  {
    key: 'absent_reasons',
    labels: ['Vắng mặt, lý do', 'Lý do vắng'],
    required: false,
    parse: text({ max: 2000 }),
    description: 'Ai vắng và lý do, như ghi trong sổ biên bản.',
    example: 'Nguyễn Văn A: ốm; Trần Thị B: đi công tác',
    width: 30,
  },
  {
    key: 'summary',
    labels: ['Nội dung', 'Tóm tắt nội dung'],
    required: false,
    parse: text({ max: 4000 }),
    description: 'Tóm tắt nội dung buổi sinh hoạt.',
    example: 'Kiểm điểm nhiệm vụ tháng; học chuyên đề năm 2019',
    width: 40,
  },
  {
    key: 'conclusion',
    labels: ['Kết luận, nghị quyết', 'Kết luận'],
    required: false,
    parse: text({ max: 4000 }),
    description: 'Kết luận hoặc nghị quyết của buổi sinh hoạt.',
    width: 30,
  },
  {
    key: 'chair',
    labels: ['Chủ trì'],
    required: false,
    parse: text({ max: 200 }),
    description: 'Người chủ trì.',
  },
  {
    key: 'secretary',
    labels: ['Thư ký'],
    required: false,
    parse: text({ max: 200 }),
    description: 'Thư ký buổi họp.',
  },
] as const);

type MeetingColumnKey = (typeof MEETING_COLUMNS)[number]['key'];
type MeetingFileRow = ParsedRow<RecordOf<typeof MEETING_COLUMNS>>;

export async function meetingsTemplate(): Promise<XlsxFile> {
  const data = await writeWorkbook({
    sheetName: 'Sinh hoạt chi bộ',
    columns: MEETING_COLUMNS,
    notes: [
      'Mỗi dòng là một buổi sinh hoạt của một chi bộ.',
      'Mỗi chi bộ mỗi tháng chỉ có một buổi sinh hoạt thường kỳ; sinh hoạt chuyên đề không giới hạn.',
      'Tệp được nhập tất cả hoặc không dòng nào: nếu có lỗi, bảng lỗi nêu dòng và cột để sửa.',
    ],
  });
  return { fileName: 'mau-nhap-sinh-hoat-chi-bo.xlsx', data };
}

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false'], { message: 'dryRun phải là true hoặc false' }).optional(),
});

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  meetings: z.number().int(),
  regular: z.number().int(),
  thematic: z.number().int(),
  themeIncluded: z.number().int(),
  cells: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type ImportMeetingsResult = z.infer<typeof importResultSchema>;

/** Entering meetings needs the editor role somewhere; the rows then say for which cells. */
export function assertCanImportMeetings(actor: Actor): void {
  if (!actor.scope.isSystem && actor.scope.roots('editor').length === 0) {
    throw forbidden('Chỉ người có vai trò nhập liệu trở lên mới được nhập sinh hoạt chi bộ.');
  }
}

function sortErrors(reader: ImportReader<typeof MEETING_COLUMNS>): void {
  try {
    reader.finish();
  } catch (error) {
    if (error instanceof AppError && error.details) {
      const rowOf = (detail: { row?: number }) => detail.row ?? 0;
      throw new AppError(
        error.code,
        error.message,
        [...error.details].sort((a, b) => rowOf(a) - rowOf(b)),
      );
    }
    throw error;
  }
}

class Batch {
  readonly seenRegular = new Map<string, number>();
  readonly cells = new Set<string>();
  counts = { meetings: 0, regular: 0, thematic: 0, themeIncluded: 0 };
  first: string | null = null;
  last: string | null = null;
  readonly today = todayIso();

  constructor(
    private readonly db: DbOrTrx,
    private readonly actor: Actor,
    private readonly reader: ImportReader<typeof MEETING_COLUMNS>,
  ) {}

  private report(row: number, key: MeetingColumnKey, message: string) {
    this.reader.report(row, key, message);
  }

  /** Checks a batch against the database (three queries) and returns what to insert. */
  async check(rows: MeetingFileRow[]): Promise<(repo.MeetingWrite & { id: string; created_by: string | null })[]> {
    const complete = rows.filter((row) => row.values.unit_code !== undefined && row.values.date !== undefined);
    const pairs = complete.map((row) => ({ code: row.values.unit_code!, date: row.values.date! }));
    const dates = complete.map((row) => row.values.date!).sort();
    const [units, themesByCode, themesInPeriod] = await Promise.all([
      repo.findUnitsByCodeOn(this.db, pairs),
      repo.findThemesByCodes(this.db, [
        ...new Set(rows.map((r) => r.values.theme_code).filter((c): c is string => !!c)),
      ]),
      dates.length > 0 ? repo.listThemesInPeriod(this.db, dates[0], dates[dates.length - 1]) : Promise.resolve([]),
    ]);
    const missing = [...new Set(pairs.filter((p) => !units.has(`${p.code}|${p.date}`)).map((p) => p.code))];
    const known = await repo.findKnownCodes(this.db, missing);
    const resolved: { row: MeetingFileRow; cell: repo.CellRow }[] = [];
    for (const row of rows) {
      const v = row.values;
      if (v.date !== undefined) {
        const problem = dateProblem(v.date, this.today);
        if (problem) {
          this.report(row.rowNumber, 'date', problem);
        }
      }
      if (v.members_on_roll !== undefined && v.present !== undefined) {
        const problem = attendanceProblem(v.members_on_roll, v.present);
        if (problem) {
          this.report(row.rowNumber, 'present', problem);
        }
      }
      if (v.unit_code === undefined || v.date === undefined) {
        continue;
      }
      const cell = units.get(`${v.unit_code}|${v.date}`);
      if (!cell) {
        const others = known.get(v.unit_code);
        this.report(
          row.rowNumber,
          'unit_code',
          others
            ? `Chi bộ mã "${v.unit_code}" không hoạt động vào ngày ${formatDateVi(v.date)} (${others.map((o) => `${formatDateVi(o.valid_from)}–${o.valid_to ? formatDateVi(o.valid_to) : 'nay'}`).join('; ')}).`
            : `Không có đơn vị mã "${v.unit_code}".`,
        );
        continue;
      }
      if (!this.actor.scope.can(cell.path, 'editor')) {
        this.report(row.rowNumber, 'unit_code', `Bạn không có quyền nhập liệu cho ${cell.name} (${cell.code}).`);
        continue;
      }
      const problem = cellProblem(cell, v.date);
      if (problem) {
        this.report(row.rowNumber, 'unit_code', problem);
        continue;
      }
      resolved.push({ row, cell });
    }
    const regularPairs = resolved
      .filter(({ row }) => row.values.type === 'regular')
      .map(({ row, cell }) => ({ unitId: cell.id, month: monthOf(row.values.date!) }));
    const stored = await repo.findRegularMeetings(this.db, regularPairs);
    const writes: (repo.MeetingWrite & { id: string; created_by: string | null })[] = [];
    for (const { row, cell } of resolved) {
      const v = row.values;
      const month = monthOf(v.date!);
      if (v.type === 'regular') {
        const key = `${cell.id}|${month}`;
        const earlier = this.seenRegular.get(key);
        if (stored.has(key)) {
          this.report(
            row.rowNumber,
            'date',
            `${cell.name} đã có buổi sinh hoạt thường kỳ tháng ${month.slice(5, 7)}/${month.slice(0, 4)} trong hệ thống.`,
          );
        } else if (earlier !== undefined) {
          this.report(
            row.rowNumber,
            'date',
            `Trùng với dòng ${earlier}: mỗi chi bộ mỗi tháng một buổi sinh hoạt thường kỳ.`,
          );
        } else {
          this.seenRegular.set(key, row.rowNumber);
        }
      }
      let themeId: string | null = null;
      if (v.theme_included === true) {
        const theme = v.theme_code
          ? themesByCode.get(v.theme_code)
          : pickCurrentTheme(themesInPeriod, cell.path, v.date!);
        const problem = !theme
          ? v.theme_code
            ? `Không có chuyên đề mã "${v.theme_code}".`
            : `Không có chuyên đề nào áp dụng cho ${cell.name} vào ngày ${formatDateVi(v.date!)}; ghi mã chuyên đề.`
          : themeProblem(theme, cell.path, v.date!);
        if (problem) {
          this.report(row.rowNumber, 'theme_code', problem);
        }
        themeId = theme?.id ?? null;
      } else if (v.theme_included === false && v.theme_code) {
        this.report(row.rowNumber, 'theme_code', 'Chỉ ghi mã chuyên đề khi cột "Có đưa chuyên đề" là "có".');
      }
      if (!row.record || this.reader.errors.hasErrors) {
        continue;
      }
      writes.push({
        id: crypto.randomUUID(),
        created_by: this.actor.userId,
        unit_id: cell.id,
        meeting_date: v.date!,
        type: v.type!,
        theme_included: themeId !== null,
        theme_id: themeId,
        content_summary: v.summary ?? null,
        conclusion: v.conclusion ?? null,
        chair: v.chair ?? null,
        secretary: v.secretary ?? null,
        members_on_roll: v.members_on_roll!,
        present: v.present!,
        absent_reasons: v.absent_reasons ?? null,
      });
      this.cells.add(cell.id);
      this.counts.meetings += 1;
      this.counts[v.type === 'regular' ? 'regular' : 'thematic'] += 1;
      this.counts.themeIncluded += themeId ? 1 : 0;
      this.first = this.first === null || v.date! < this.first ? v.date! : this.first;
      this.last = this.last === null || v.date! > this.last ? v.date! : this.last;
    }
    return writes;
  }
}

/**
 * Imports meetings from XLSX or CSV, one row per meeting, all or nothing. Rows stream in batches of 5,000; each batch
 * resolves its cells (as on each row's date), themes and stored regular meetings in one query each, and — unless a
 * dry run or an error was already found — is written inside the one transaction, which any error rolls back. Every
 * bad cell is reported by row and column in Vietnamese.
 */
export async function importMeetings(
  db: Db,
  actor: Actor,
  source: ImportSource,
  options: { dryRun: boolean; onProgress?: (done: number, total?: number) => void },
): Promise<ImportMeetingsResult> {
  assertCanImportMeetings(actor);
  const reader = new ImportReader(source, MEETING_COLUMNS, {
    maxRows: MAX_IMPORT_ROWS,
    progressEvery: 5000,
    onProgress: (rows) => options.onProgress?.(rows),
  });
  const run = async (trx: DbOrTrx): Promise<ImportMeetingsResult> => {
    const batch = new Batch(trx, actor, reader);
    let rows: MeetingFileRow[] = [];
    const process = async () => {
      const writes = await batch.check(rows);
      rows = [];
      if (!options.dryRun && !reader.errors.hasErrors) {
        await repo.insertMeetings(trx, writes);
      }
    };
    for await (const row of reader.rows()) {
      rows.push(row);
      if (rows.length >= BATCH_ROWS) {
        await process();
      }
    }
    await process();
    sortErrors(reader);
    options.onProgress?.(reader.rowsRead, reader.rowsRead);
    const result: ImportMeetingsResult = {
      dryRun: options.dryRun,
      ...batch.counts,
      cells: batch.cells.size,
      from: batch.first,
      to: batch.last,
    };
    if (!options.dryRun) {
      await recordAudit(trx, actor, {
        action: 'meeting.import',
        entityType: 'cell_meeting',
        summary: `Nhập ${result.meetings} buổi sinh hoạt của ${result.cells} chi bộ từ tệp ${source.fileName}`,
        after: { file: source.fileName, ...result },
      });
    }
    return result;
  };
  return options.dryRun ? run(db) : db.transaction().execute(run);
}
