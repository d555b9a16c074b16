import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

// Kysely only; plain rows in and out. Units and themes are read here (paths, names on a date, theme periods) because
// every query of this module joins them; their own rules stay in their modules' services.

export interface MeetingRow {
  id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  meeting_date: string;
  type: string;
  theme_included: boolean;
  theme_id: string | null;
  theme_code: string | null;
  theme_title: string | null;
  content_summary: string | null;
  conclusion: string | null;
  chair: string | null;
  secretary: string | null;
  members_on_roll: number;
  present: number;
  absent_reasons: string | null;
  version: number;
  has_minutes: boolean;
  created_at: Date;
  updated_at: Date;
}

/** The unit's name as it was on `day` (a rename keeps the old name with its dates). */
export const nameOn = (alias: string, day: RawBuilder<unknown>) => sql<string>`coalesce((
  select n.name from org_unit_name n where n.unit_id = ${sql.ref(`${alias}.id`)} and n.valid_from <= ${day}::date
    and (n.valid_to is null or n.valid_to >= ${day}::date) order by n.valid_from desc limit 1), ${sql.ref(`${alias}.name`)})`;

function meetingSelect(where: RawBuilder<SqlBool>, tail: RawBuilder<unknown> = sql``) {
  return sql<MeetingRow>`
    select m.id, m.unit_id, u.code as unit_code, ${nameOn('u', sql`m.meeting_date`)} as unit_name,
      u.path::text as unit_path, m.meeting_date, m.type, m.theme_included, m.theme_id, t.code as theme_code,
      t.title as theme_title, m.content_summary, m.conclusion, m.chair, m.secretary, m.members_on_roll, m.present,
      m.absent_reasons, m.version, m.created_at, m.updated_at,
      exists (select 1 from document d where d.entity_type = 'cell_meeting' and d.entity_id = m.id) as has_minutes
    from cell_meeting m
    join org_unit u on u.id = m.unit_id
    left join study_theme t on t.id = m.theme_id
    where ${where}
    ${tail}`;
}

export async function findMeeting(db: DbOrTrx, id: string): Promise<MeetingRow | undefined> {
  return (await meetingSelect(sql<SqlBool>`m.id = ${id}`).execute(db)).rows[0];
}

export async function findMeetingUnit(db: DbOrTrx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('cell_meeting').select('unit_id').where('id', '=', id).executeTakeFirst();
  return row?.unit_id;
}

export interface MeetingListFilters {
  unitPath?: string;
  from?: string;
  to?: string;
  type?: string;
  themeIncluded?: boolean;
}

/** Meetings newest first; `scope` is the caller's reach over `u.path`. */
export async function listMeetings(
  db: DbOrTrx,
  filters: MeetingListFilters,
  scope: RawBuilder<SqlBool>,
  page: { offset: number; limit: number },
): Promise<{ rows: MeetingRow[]; total: number }> {
  const conditions: RawBuilder<SqlBool>[] = [scope];
  if (filters.unitPath) {
    conditions.push(sql<SqlBool>`u.path <@ ${filters.unitPath}::ltree`);
  }
  if (filters.from) {
    conditions.push(sql<SqlBool>`m.meeting_date >= ${filters.from}::date`);
  }
  if (filters.to) {
    conditions.push(sql<SqlBool>`m.meeting_date <= ${filters.to}::date`);
  }
  if (filters.type) {
    conditions.push(sql<SqlBool>`m.type = ${filters.type}`);
  }
  if (filters.themeIncluded !== undefined) {
    conditions.push(sql<SqlBool>`m.theme_included = ${filters.themeIncluded}`);
  }
  const where = sql.join(conditions, sql` and `) as RawBuilder<SqlBool>;
  const [rows, total] = await Promise.all([
    meetingSelect(
      where,
      sql`order by m.meeting_date desc, u.code, m.id limit ${page.limit} offset ${page.offset}`,
    ).execute(db),
    sql<{ n: number }>`select count(*)::int as n from cell_meeting m join org_unit u on u.id = m.unit_id
      where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: total.rows[0].n };
}

export interface MeetingWrite {
  unit_id: string;
  meeting_date: string;
  type: string;
  theme_included: boolean;
  theme_id: string | null;
  content_summary: string | null;
  conclusion: string | null;
  chair: string | null;
  secretary: string | null;
  members_on_roll: number;
  present: number;
  absent_reasons: string | null;
}

const WRITE_COLUMNS: (keyof MeetingWrite)[] = [
  'unit_id',
  'meeting_date',
  'type',
  'theme_included',
  'theme_id',
  'content_summary',
  'conclusion',
  'chair',
  'secretary',
  'members_on_roll',
  'present',
  'absent_reasons',
];
const COLUMN_TYPES: Record<keyof MeetingWrite, string> = {
  unit_id: 'uuid',
  meeting_date: 'date',
  type: 'text',
  theme_included: 'boolean',
  theme_id: 'uuid',
  content_summary: 'text',
  conclusion: 'text',
  chair: 'text',
  secretary: 'text',
  members_on_roll: 'int4',
  present: 'int4',
  absent_reasons: 'text',
};

/**
 * Meetings in one statement per 5,000 rows: one array parameter per column through unnest, so a big import costs a
 * round trip per batch and never meets PostgreSQL's 65,535-parameter cap.
 */
export async function insertMeetings(
  db: DbOrTrx,
  rows: (MeetingWrite & { id: string; created_by: string | null })[],
): Promise<void> {
  const CHUNK = 5000;
  const columns = [...WRITE_COLUMNS, 'id', 'created_by'] as const;
  const types: Record<string, string> = { ...COLUMN_TYPES, id: 'uuid', created_by: 'uuid' };
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const arrays = columns.map(
      (column) => sql`${sql.val(chunk.map((row) => row[column]))}::${sql.raw(types[column])}[]`,
    );
    const names = sql.join(columns.map((c) => sql.id(c)));
    await sql`insert into cell_meeting (${names}, updated_by)
      select *, x.created_by from unnest(${sql.join(arrays)}) as x(${names})`.execute(db);
  }
}

/** Writes the row only when it still has `version`; false when someone changed it meanwhile. */
export async function updateMeeting(
  db: DbOrTrx,
  id: string,
  version: number,
  values: MeetingWrite & { updated_by: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('cell_meeting')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMeeting(db: DbOrTrx, id: string, version?: number): Promise<boolean> {
  let query = db.deleteFrom('cell_meeting').where('id', '=', id);
  if (version !== undefined) {
    query = query.where('version', '=', version);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function deleteDocumentsOf(db: DbOrTrx, ids: string[]): Promise<void> {
  if (ids.length > 0) {
    await db.deleteFrom('document').where('entity_type', '=', 'cell_meeting').where('entity_id', 'in', ids).execute();
  }
}

export interface CellRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  valid_from: string;
  valid_to: string | null;
  parent_name: string | null;
}

/** Units by id, each with its name on `at` (or on its last day when it closed before `at`). */
export async function findUnitsByIds(db: DbOrTrx, ids: string[], at: string): Promise<Map<string, CellRow>> {
  if (ids.length === 0) {
    return new Map();
  }
  const day = sql`least(${at}::date, coalesce(u.valid_to, ${at}::date))`;
  const { rows } = await sql<CellRow>`
    select u.id, u.code, ${nameOn('u', day)} as name, u.kind, u.path::text as path, u.valid_from, u.valid_to,
      null::text as parent_name
    from org_unit u where u.id = any(${sql.val(ids)}::uuid[])`.execute(db);
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Units by code as on each row's date, for an import batch: one query for every (code, date) pair of the batch.
 * Returns `code|date` → unit.
 */
export async function findUnitsByCodeOn(
  db: DbOrTrx,
  pairs: { code: string; date: string }[],
): Promise<Map<string, CellRow>> {
  if (pairs.length === 0) {
    return new Map();
  }
  const { rows } = await sql<CellRow & { key_code: string; key_date: string }>`
    select k.code as key_code, k.day::text as key_date, u.id, u.code, ${nameOn('u', sql`k.day`)} as name, u.kind,
      u.path::text as path, u.valid_from, u.valid_to, null::text as parent_name
    from unnest(${sql.val(pairs.map((p) => p.code))}::text[], ${sql.val(pairs.map((p) => p.date))}::date[]) as k(code, day)
    join org_unit u on u.code = k.code and u.valid_from <= k.day and (u.valid_to is null or u.valid_to >= k.day)`.execute(
    db,
  );
  return new Map(rows.map((row) => [`${row.key_code}|${row.key_date}`, row]));
}

/** Any unit ever bearing one of the codes, to tell "unknown code" from "not valid on that date". */
export async function findKnownCodes(db: DbOrTrx, codes: string[]): Promise<Map<string, CellRow[]>> {
  const byCode = new Map<string, CellRow[]>();
  if (codes.length === 0) {
    return byCode;
  }
  const { rows } = await sql<CellRow>`
    select u.id, u.code, u.name, u.kind, u.path::text as path, u.valid_from, u.valid_to, null::text as parent_name
    from org_unit u where u.code = any(${sql.val(codes)}::text[])`.execute(db);
  for (const row of rows) {
    byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  }
  return byCode;
}

/** Cells valid on `at` in the subtrees the caller may edit (`scope` over `u.path`), under `rootPath` when given. */
export async function listCellsOn(
  db: DbOrTrx,
  at: string,
  scope: RawBuilder<SqlBool>,
  rootPath?: string,
  limit = 500,
): Promise<CellRow[]> {
  const { rows } = await sql<CellRow>`
    select u.id, u.code, ${nameOn('u', sql`${at}::date`)} as name, u.kind, u.path::text as path, u.valid_from,
      u.valid_to, ${nameOn('p', sql`${at}::date`)} as parent_name
    from org_unit u join org_unit p on p.id = u.parent_id
    where u.kind = 'cell' and u.valid_from <= ${at}::date and (u.valid_to is null or u.valid_to >= ${at}::date)
      and ${scope} ${rootPath ? sql`and u.path <@ ${rootPath}::ltree` : sql``}
    order by u.code limit ${limit}`.execute(db);
  return rows;
}

export interface ThemeRow {
  id: string;
  code: string;
  title: string;
  campaign_id: string;
  period_start: string;
  period_end: string;
  scope_path: string;
}

export async function findThemesByIds(db: DbOrTrx, ids: string[]): Promise<Map<string, ThemeRow>> {
  return themesWhere(db, sql<SqlBool>`t.id = any(${sql.val(ids)}::uuid[])`, ids.length);
}

export async function findThemesByCodes(db: DbOrTrx, codes: string[]): Promise<Map<string, ThemeRow>> {
  const rows = await themesWhere(db, sql<SqlBool>`t.code = any(${sql.val(codes)}::text[])`, codes.length);
  return new Map([...rows.values()].map((row) => [row.code, row]));
}

/** Themes whose period overlaps [from, to]: a small set (a theme a year per scope), read once per import or grid. */
export async function listThemesInPeriod(db: DbOrTrx, from: string, to: string): Promise<ThemeRow[]> {
  const { rows } = await sql<ThemeRow>`
    select t.id, t.code, t.title, t.campaign_id, t.period_start, t.period_end, s.path::text as scope_path
    from study_theme t join org_unit s on s.id = t.scope_unit_id
    where t.period_start <= ${to}::date and t.period_end >= ${from}::date`.execute(db);
  return rows;
}

async function themesWhere(db: DbOrTrx, where: RawBuilder<SqlBool>, count: number): Promise<Map<string, ThemeRow>> {
  if (count === 0) {
    return new Map();
  }
  const { rows } = await sql<ThemeRow>`
    select t.id, t.code, t.title, t.campaign_id, t.period_start, t.period_end, s.path::text as scope_path
    from study_theme t join org_unit s on s.id = t.scope_unit_id where ${where}`.execute(db);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Regular meetings of the cells in the months given: `unit_id|month` → id, for the one-per-month rule in bulk. */
export async function findRegularMeetings(
  db: DbOrTrx,
  pairs: { unitId: string; month: string }[],
): Promise<Map<string, string>> {
  if (pairs.length === 0) {
    return new Map();
  }
  const { rows } = await sql<{ id: string; unit_id: string; meeting_month: string }>`
    select m.id, m.unit_id, m.meeting_month from cell_meeting m
    join unnest(${sql.val(pairs.map((p) => p.unitId))}::uuid[], ${sql.val(pairs.map((p) => p.month))}::date[])
      as k(unit_id, month) on m.unit_id = k.unit_id and m.meeting_month = k.month
    where m.type = 'regular'`.execute(db);
  return new Map(rows.map((row) => [`${row.unit_id}|${row.meeting_month}`, row.id]));
}

/** Members on roll at the cell's latest meeting on or before `date`. */
export async function findLatestMembersOnRoll(db: DbOrTrx, unitId: string, date: string): Promise<number | null> {
  const row = await db
    .selectFrom('cell_meeting')
    .select('members_on_roll')
    .where('unit_id', '=', unitId)
    .where('meeting_date', '<=', date)
    .orderBy('meeting_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.members_on_roll ?? null;
}

/** Demo rows in a compact form: indexes into small lookup arrays instead of repeated uuids and texts. */
export interface CompactMeetings {
  cellIds: string[];
  themeIds: string[];
  texts: string[];
  /** Per row: index into cellIds, days since `epoch`, 0 regular / 1 thematic, theme index or -1, text index or -1. */
  cell: number[];
  day: number[];
  thematic: number[];
  theme: number[];
  content: number[];
  absentReasons: number[];
  /** Text indexes (or -1) of who chaired, who took the minutes, and the conclusion. */
  chair: number[];
  secretary: number[];
  conclusion: number[];
  roll: number[];
  present: number[];
  epoch: string;
}

/**
 * The demo's bulk insert: integer arrays (cheaper to send and parse than uuid and text arrays) joined to the lookup
 * arrays in SQL, 20,000 rows per statement. Every check and trigger runs: skipping the foreign-key checks
 * (`session_replication_role = replica`) was measured at no gain once the table had its indexes and the dashboard's
 * rollup trigger (99,235 demo rows on PGlite: 17–20 s either way; without the rollup trigger 11 s).
 */
export async function insertCompactMeetings(db: DbOrTrx, m: CompactMeetings): Promise<void> {
  const CHUNK = 20_000;
  for (let i = 0; i < m.cell.length; i += CHUNK) {
    const part = (values: number[]) => sql.val(values.slice(i, i + CHUNK));
    await sql`
      insert into cell_meeting (unit_id, meeting_date, type, theme_included, theme_id, content_summary, members_on_roll,
        present, absent_reasons, chair, secretary, conclusion)
      select c.ids[x.cell + 1], ${m.epoch}::date + x.day, case when x.thematic = 1 then 'thematic' else 'regular' end,
        x.theme >= 0, case when x.theme >= 0 then c.themes[x.theme + 1] end,
        case when x.content >= 0 then c.texts[x.content + 1] end, x.roll, x.present,
        case when x.absent >= 0 then c.texts[x.absent + 1] end,
        case when x.chair >= 0 then c.texts[x.chair + 1] end,
        case when x.secretary >= 0 then c.texts[x.secretary + 1] end,
        case when x.conclusion >= 0 then c.texts[x.conclusion + 1] end
      from (select ${sql.val(m.cellIds)}::uuid[] as ids, ${sql.val(m.themeIds)}::uuid[] as themes,
        ${sql.val(m.texts)}::text[] as texts) c,
        unnest(${part(m.cell)}::int[], ${part(m.day)}::int[], ${part(m.thematic)}::int[], ${part(m.theme)}::int[],
          ${part(m.content)}::int[], ${part(m.absentReasons)}::int[], ${part(m.roll)}::int[], ${part(m.present)}::int[],
          ${part(m.chair)}::int[], ${part(m.secretary)}::int[], ${part(m.conclusion)}::int[])
          as x(cell, day, thematic, theme, content, absent, roll, present, chair, secretary, conclusion)`.execute(db);
  }
}
