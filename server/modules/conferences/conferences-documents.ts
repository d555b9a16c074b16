import ExcelJS from 'exceljs';
import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun, type Table } from 'docx';
import QRCode from 'qrcode';
import { sql } from 'kysely';
import { BRIDGE_STATUS_LABELS, CHECK_IN_QR_PREFIX, presentOf, type BridgeStatus } from '../../../common/conferences';
import { compareVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { inTransaction } from '../../db/connection';
import * as repo from './conferences.repository';
import { bridgeAccess, conferenceAccess, conferenceDay, type ConferenceDeps } from './conferences.service';
import { forbidden } from '../../platform/errors';
import { isRoleAtLeast } from '../../../common/roles';

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt, the size of Party documents

/** "Tỉnh ủy Cà Mau" → "Cà Mau": the point is named by its place, as the article does. */
export function placeName(unitName: string): string {
  return unitName
    .replace(
      /^(Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ)\s+/i,
      '',
    )
    .replace(/^(xã|phường|thị trấn|thành phố|thị xã)\s+/i, (m) => m);
}

function formatDateTimeVi(value: Date | string): { date: string; time: string; partOfDay: string } {
  const d = new Date(value);
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const hour = Number(get('hour'));
  return {
    date: `${get('day')}/${get('month')}/${get('year')}`,
    time: `${get('hour')} giờ ${get('minute')}`,
    partOfDay: hour < 12 ? 'Sáng' : hour < 18 ? 'Chiều' : 'Tối',
  };
}

const number = new Intl.NumberFormat('vi-VN');

/**
 * The attendance paragraph of one point in the article's words: "Tham dự Hội nghị tại điểm cầu Cà Mau, có các đồng
 * chí thành viên …, thủ trưởng …; các đồng chí báo cáo viên …". Categories of the people checked in (of the whole
 * roster before anyone is), in the category list's order: the leadership groups first, then the others after a
 * semicolon, as the article separates them.
 */
export function draftAttendance(
  unitName: string,
  groups: { name: string; order: number; count: number }[],
  present: number,
): string {
  const place = placeName(unitName);
  const named = groups.filter((g) => g.count > 0).sort((a, b) => a.order - b.order);
  if (named.length === 0) {
    return `Tham dự Hội nghị tại điểm cầu ${place}${present > 0 ? ` có ${number.format(present)} đại biểu` : ''}.`;
  }
  const first = named.filter((g) => g.order <= 30).map((g) => g.name);
  const rest = named.filter((g) => g.order > 30).map((g) => g.name);
  // Commas between groups, "và" before the last unless the last group already has its own "và" (as the article's
  // "…, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cấp tỉnh").
  const join = (names: string[]) =>
    names.length <= 1 || names[names.length - 1].includes(' và ')
      ? names.join(', ')
      : `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`;
  const clauses = [first.length ? `các đồng chí ${join(first)}` : '', rest.length ? `các đồng chí ${join(rest)}` : '']
    .filter(Boolean)
    .join('; ');
  const total = present > 0 ? ` Tổng số ${number.format(present)} đại biểu dự tại điểm cầu.` : '';
  return `Tham dự Hội nghị tại điểm cầu ${place}, có ${clauses}.${total}`;
}

async function attendanceGroups(db: DbOrTrx, conferenceId: string) {
  const counts = await repo.categoryCounts(db, conferenceId);
  const byBridge = new Map<string, { name: string; order: number; roster: number; present: number }[]>();
  for (const c of counts) {
    if (!c.category_id) {
      continue;
    }
    const list = byBridge.get(c.bridge_id) ?? [];
    list.push({ name: c.name_vi!, order: c.sort_order!, roster: c.roster, present: c.present });
    byBridge.set(c.bridge_id, list);
  }
  return byBridge;
}

function groupsFor(list: { name: string; order: number; roster: number; present: number }[] | undefined) {
  const anyPresent = (list ?? []).some((g) => g.present > 0);
  return (list ?? []).map((g) => ({ name: g.name, order: g.order, count: anyPresent ? g.present : g.roster }));
}

export async function getAttendanceDraft(deps: ConferenceDeps, actor: Actor, id: string, bridgeId: string) {
  const { bridge } = await bridgeAccess(deps.db, actor, id, bridgeId, 'viewer');
  const groups = (await attendanceGroups(deps.db, id)).get(bridgeId);
  const drafted = draftAttendance(
    bridge.unit_name,
    groupsFor(groups),
    presentOf({ checkedIn: bridge.checked_in_count, headCount: bridge.head_count }),
  );
  return {
    text: bridge.attendance_text ?? drafted,
    isEdited: bridge.attendance_text !== null,
    drafted,
    version: bridge.version,
  };
}

export async function saveAttendanceText(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  input: { text: string | null; version: number },
) {
  await inTransaction(deps.db, async (trx) => {
    const { bridge } = await bridgeAccess(trx, actor, id, bridgeId, 'editor');
    assertVersion({ text: bridge.attendance_text, version: bridge.version }, input, {
      text: 'Đoạn thành phần tham dự',
    });
    await trx
      .updateTable('conference_bridge')
      .set({ attendance_text: input.text, version: bridge.version + 1, updated_at: new Date() })
      .where('id', '=', bridgeId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'conference.bridge.attendance_text',
      entityType: 'conference_bridge',
      entityId: bridgeId,
      unitId: bridge.unit_id,
      summary: `Sửa đoạn thành phần tham dự tại điểm cầu ${bridge.unit_name}`,
      before: { text: bridge.attendance_text },
      after: { text: input.text },
    });
  });
  return getAttendanceDraft(deps, actor, id, bridgeId);
}

/** A short news article: when, who organised, how many points and people, the host point's paragraph, conclusions. */
export async function getNewsDraft(deps: ConferenceDeps, actor: Actor, id: string) {
  const access = await conferenceAccess(deps.db, actor, id);
  if (!access.isOrganiser) {
    throw forbidden('Chỉ đơn vị tổ chức mới xem và sửa tin bài về hội nghị.');
  }
  const { row } = access;
  const bridges = await repo.listBridges(deps.db, id);
  const present = bridges.reduce(
    (s, b) => s + presentOf({ checkedIn: b.checked_in_count, headCount: b.head_count }),
    0,
  );
  const when = formatDateTimeVi(row.starts_at);
  const mode =
    row.mode === 'online'
      ? 'theo hình thức trực tuyến'
      : row.mode === 'hybrid'
        ? 'theo hình thức trực tiếp kết hợp trực tuyến'
        : 'theo hình thức trực tiếp';
  // The organiser's own point, when it is one, opens the attendance part as in the article.
  const host = bridges.find((b) => b.unit_id === row.unit_id);
  const groups = await attendanceGroups(deps.db, id);
  const hostParagraph = host
    ? (host.attendance_text ??
      draftAttendance(
        host.unit_name,
        groupsFor(groups.get(host.id)),
        presentOf({ checkedIn: host.checked_in_count, headCount: host.head_count }),
      ))
    : '';
  const lines = [
    `${when.partOfDay} ngày ${when.date}, ${row.unit_name} tổ chức ${row.title} ${mode}${
      bridges.length > 0 ? `, kết nối tới ${number.format(bridges.length)} điểm cầu` : ''
    }${row.host_place ? `; điểm cầu chính đặt tại ${row.host_place}` : ''}.`,
    hostParagraph,
    present > 0 ? `Tổng cộng có ${number.format(present)} đại biểu dự Hội nghị tại các điểm cầu.` : '',
    row.conclusions ? `Kết luận Hội nghị: ${row.conclusions}` : '',
  ].filter(Boolean);
  const drafted = lines.join('\n\n');
  return { text: row.news_text ?? drafted, isEdited: row.news_text !== null, drafted, version: row.version };
}

export async function saveNewsText(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  input: { text: string | null; version: number },
) {
  await inTransaction(deps.db, async (trx) => {
    const access = await conferenceAccess(trx, actor, id);
    if (!access.orgRole || !isRoleAtLeast(access.orgRole, 'editor')) {
      throw forbidden('Chỉ người nhập liệu trở lên của đơn vị tổ chức mới được sửa tin bài.');
    }
    assertVersion({ text: access.row.news_text, version: access.row.version }, input, { text: 'Tin bài' });
    await trx
      .updateTable('conference')
      .set({ news_text: input.text, version: access.row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'conference.news',
      entityType: 'conference',
      entityId: id,
      unitId: access.row.unit_id,
      summary: `Sửa tin bài về hội nghị "${access.row.title}"`,
      before: { text: access.row.news_text },
      after: { text: input.text },
    });
  });
  return getNewsDraft(deps, actor, id);
}

function run(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  return new TextRun({ text, font: FONT, size: options.size ?? SIZE, bold: options.bold, italics: options.italics });
}

/** A DOCX of a title and paragraphs in Times New Roman 14, justified, first line indented. */
export async function textDocx(title: string, subtitle: string, text: string): Promise<Buffer> {
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title.toUpperCase(), { bold: true })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(subtitle, { italics: true })],
          }),
          ...text
            .split(/\n+/)
            .filter((line) => line.trim())
            .map(
              (line) =>
                new Paragraph({
                  alignment: AlignmentType.JUSTIFIED,
                  indent: { firstLine: 567 },
                  spacing: { after: 120, line: 312 },
                  children: [run(line.trim())],
                }),
            ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function attendanceDocx(deps: ConferenceDeps, actor: Actor, id: string, bridgeId: string) {
  const draft = await getAttendanceDraft(deps, actor, id, bridgeId);
  const { bridge } = await bridgeAccess(deps.db, actor, id, bridgeId, 'viewer');
  const data = await textDocx(
    'Thành phần tham dự',
    `${bridge.conference_title} — điểm cầu ${placeName(bridge.unit_name)}`,
    draft.text,
  );
  return { fileName: `thanh-phan-tham-du-${bridge.unit_code}.docx`, data };
}

export async function newsDocx(deps: ConferenceDeps, actor: Actor, id: string) {
  const draft = await getNewsDraft(deps, actor, id);
  const { row } = await conferenceAccess(deps.db, actor, id);
  const data = await textDocx(row.title, `${row.unit_name}, ngày ${formatDateTimeVi(row.starts_at).date}`, draft.text);
  return { fileName: 'tin-bai-hoi-nghi.docx', data };
}

/**
 * Invitations of one point: a page per person with their name, position, the conference and its time, and the QR
 * code that the check-in page reads.
 */
export async function invitationsDocx(deps: ConferenceDeps, actor: Actor, id: string, bridgeId: string) {
  const { bridge } = await bridgeAccess(deps.db, actor, id, bridgeId, 'editor');
  const people = await repo.attendees(deps.db, bridgeId, undefined, 10_000);
  const tokens = new Map(
    (
      await deps.db
        .selectFrom('conference_attendee')
        .select(['id', 'token'])
        .where('bridge_id', '=', bridgeId)
        .execute()
    ).map((r) => [r.id, r.token]),
  );
  const when = formatDateTimeVi(bridge.conference_starts_at);
  const children: (Paragraph | Table)[] = [];
  for (const [index, person] of people.entries()) {
    const png = await QRCode.toBuffer(`${CHECK_IN_QR_PREFIX}${tokens.get(person.id)}`, { width: 240, margin: 1 });
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        pageBreakBefore: index > 0,
        children: [run('GIẤY MỜI', { bold: true, size: 32 })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [run(bridge.conference_title, { bold: true })],
      }),
      new Paragraph({ children: [run('Kính gửi đồng chí: '), run(person.full_name, { bold: true })] }),
      ...(person.position ? [new Paragraph({ children: [run(`Chức vụ: ${person.position}`)] })] : []),
      ...(person.organisation ? [new Paragraph({ children: [run(`Cơ quan, đơn vị: ${person.organisation}`)] })] : []),
      new Paragraph({ children: [run(`Thời gian: ${when.time}, ngày ${when.date}.`)] }),
      new Paragraph({
        spacing: { after: 240 },
        children: [
          run(`Địa điểm: điểm cầu ${placeName(bridge.unit_name)}${bridge.place ? ` — ${bridge.place}` : ''}.`),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: 'png', data: png, transformation: { width: 160, height: 160 } })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run('Xuất trình mã này tại bàn đón tiếp để điểm danh.', { italics: true, size: 24 })],
      }),
    );
  }
  if (children.length === 0) {
    children.push(new Paragraph({ children: [run('Điểm cầu chưa có danh sách đại biểu.')] }));
  }
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return { fileName: `giay-moi-${bridge.unit_code}.docx`, data: await Packer.toBuffer(doc) };
}

/** Attendance per point and in total (sheet 1), and every person with their check-in (sheet 2). */
export async function attendanceXlsx(deps: ConferenceDeps, actor: Actor, id: string) {
  const access = await conferenceAccess(deps.db, actor, id);
  if (!access.isOrganiser) {
    throw forbidden('Chỉ đơn vị tổ chức mới xuất được số liệu tham dự của mọi điểm cầu.');
  }
  const bridges = (await repo.listBridges(deps.db, id)).sort((a, b) => compareVietnamese(a.unit_name, b.unit_name));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tham dự theo điểm cầu');
  sheet.columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Điểm cầu', key: 'unit', width: 36 },
    { header: 'Mã đơn vị', key: 'code', width: 12 },
    { header: 'Địa điểm', key: 'place', width: 30 },
    { header: 'Trạng thái', key: 'status', width: 16 },
    { header: 'Dự kiến', key: 'expected', width: 10 },
    { header: 'Trong danh sách', key: 'roster', width: 14 },
    { header: 'Đã điểm danh', key: 'checked', width: 14 },
    { header: 'Số đếm tại hội trường', key: 'head', width: 18 },
    { header: 'Có mặt', key: 'present', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  bridges.forEach((b, i) =>
    sheet.addRow({
      n: i + 1,
      unit: b.unit_name,
      code: b.unit_code,
      place: b.place ?? '',
      status: BRIDGE_STATUS_LABELS[b.status as BridgeStatus].vi,
      expected: b.expected_attendance,
      roster: b.roster_count ?? 0,
      checked: b.checked_in_count,
      head: b.head_count ?? null,
      present: presentOf({ checkedIn: b.checked_in_count, headCount: b.head_count }),
    }),
  );
  const sum = (f: (b: (typeof bridges)[number]) => number) => bridges.reduce((s, b) => s + f(b), 0);
  const total = sheet.addRow({
    unit: `Tổng cộng (${bridges.length} điểm cầu)`,
    expected: sum((b) => b.expected_attendance),
    roster: sum((b) => b.roster_count ?? 0),
    checked: sum((b) => b.checked_in_count),
    head: sum((b) => b.head_count ?? 0),
    present: sum((b) => presentOf({ checkedIn: b.checked_in_count, headCount: b.head_count })),
  });
  total.font = { bold: true };
  ['expected', 'roster', 'checked', 'head', 'present'].forEach((key) => (sheet.getColumn(key).numFmt = '#,##0'));

  const people = workbook.addWorksheet('Đại biểu');
  people.columns = [
    { header: 'Điểm cầu', key: 'unit', width: 32 },
    { header: 'Họ và tên', key: 'name', width: 28 },
    { header: 'Chức vụ', key: 'position', width: 32 },
    { header: 'Cơ quan, đơn vị', key: 'organisation', width: 30 },
    { header: 'Thành phần', key: 'category', width: 40 },
    { header: 'Đến trực tiếp', key: 'walkIn', width: 12 },
    { header: 'Giờ điểm danh', key: 'at', width: 18 },
  ];
  people.getRow(1).font = { bold: true };
  people.views = [{ state: 'frozen', ySplit: 1 }];
  const rows = await sql<{
    unit_name: string;
    full_name: string;
    position: string | null;
    organisation: string | null;
    category: string | null;
    is_walk_in: boolean;
    checked_in_at: Date | null;
  }>`
    select u.name as unit_name, a.full_name, a.position, a.organisation, k.name_vi as category, a.is_walk_in,
           a.checked_in_at
    from conference_attendee a
    join conference_bridge b on b.id = a.bridge_id
    join org_unit u on u.id = b.unit_id
    left join conference_roster_category k on k.id = a.category_id
    where b.conference_id = ${id}
    order by u.path, a.sort_order`.execute(deps.db);
  for (const r of rows.rows) {
    people.addRow({
      unit: r.unit_name,
      name: r.full_name,
      position: r.position ?? '',
      organisation: r.organisation ?? '',
      category: r.category ?? '',
      walkIn: r.is_walk_in ? 'có' : '',
      at: r.checked_in_at
        ? (() => {
            const t = formatDateTimeVi(r.checked_in_at);
            return `${t.time.replace(' giờ ', ':')} ${t.date}`;
          })()
        : '',
    });
  }
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `tham-du-hoi-nghi-${conferenceDay(access.row.starts_at)}.xlsx`, data };
}
