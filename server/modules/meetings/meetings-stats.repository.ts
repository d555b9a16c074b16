import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import { nameOn } from './meetings.repository';

// The figures' SQL. The cells of a subtree come from org_unit (GiST on path); each cell's months come from
// cell_meeting's (unit_id, meeting_month) index, which carries every counted column (an index-only scan). A cell-month
// is expected when the cell existed on any day of that month within the period, so every meeting (always on a day its
// cell was open) falls in an expected cell-month and a share never passes 100 %.

export interface FiguresParams {
  rootPath: string;
  /** First day of the first month. */
  from: string;
  /** Last day counted (end of the last month, or today). */
  to: string;
  /** Themes of the campaign when figures are for one campaign; null counts every theme. */
  themeIds: string[] | null;
  scope: RawBuilder<SqlBool>;
}

function cellsCte(p: FiguresParams) {
  const depth = p.rootPath.split('.').length;
  return sql`cells as (
    select u.id, u.code, u.parent_id, u.valid_to,
      case when nlevel(u.path) > ${depth} then subpath(u.path, 0, ${depth + 1})::text end as child_path,
      date_trunc('month', greatest(u.valid_from, ${p.from}::date))::date as first_month,
      date_trunc('month', least(coalesce(u.valid_to, ${p.to}::date), ${p.to}::date))::date as last_month
    from org_unit u
    where u.kind = 'cell' and u.path <@ ${p.rootPath}::ltree and ${p.scope}
      and u.valid_from <= ${p.to}::date and (u.valid_to is null or u.valid_to >= ${p.from}::date)
  )`;
}

/** The meetings of the cells in the period (always on a day their cell was open: an expected cell-month). */
function meetingsInPeriod(p: FiguresParams) {
  return sql`m.meeting_month >= ${p.from}::date and m.meeting_date <= ${p.to}::date`;
}

function themeCondition(p: FiguresParams) {
  return p.themeIds === null ? sql`true` : sql`m.theme_id = any(${sql.val(p.themeIds)}::uuid[])`;
}

export interface MonthlyRow {
  child_path: string | null;
  month: string;
  expected: number;
  regular: number;
  theme: number;
  thematic: number;
  present: number;
  on_roll: number;
}

/**
 * Cell-months expected and met, by child of the root and month. The statement bench/meetings.ts times.
 *
 * Expected cell-months come from the cells' windows (cells sharing first and last month counted together), not a row
 * per cell and month. Meetings are counted straight into child × month: a cell has at most one regular meeting a
 * month (unique index `cell_meeting_one_regular_per_month`), so regular meetings are the cell-months held and those
 * with the theme the cell-months with the theme — no per-cell-month grouping, and the index-only scan of
 * `cell_meeting_unit_month_idx` carries every column read.
 */
export function monthlyFiguresQuery(p: FiguresParams) {
  const inCampaign = themeCondition(p);
  return sql<MonthlyRow>`
    with ${cellsCte(p)},
    windows as (
      select child_path, first_month, last_month, count(*)::int as n from cells group by 1, 2, 3
    ),
    expected as (
      select w.child_path, gs::date as month, sum(w.n)::int as expected
      from windows w, generate_series(w.first_month, w.last_month, interval '1 month') gs
      group by 1, 2
    ),
    met as (
      select c.child_path, m.meeting_month as month,
        count(*) filter (where m.type = 'regular')::int as regular,
        count(*) filter (where m.type = 'regular' and m.theme_included and ${inCampaign})::int as theme,
        count(*) filter (where m.type = 'thematic' and ${inCampaign})::int as thematic,
        sum(m.present)::bigint as present, sum(m.members_on_roll)::bigint as on_roll
      from cells c join cell_meeting m on m.unit_id = c.id
      where ${meetingsInPeriod(p)}
      group by 1, 2
    )
    select e.child_path, to_char(e.month, 'YYYY-MM-DD') as month, e.expected,
      coalesce(t.regular, 0) as regular, coalesce(t.theme, 0) as theme, coalesce(t.thematic, 0) as thematic,
      coalesce(t.present, 0)::bigint as present, coalesce(t.on_roll, 0)::bigint as on_roll
    from expected e
    left join met t on t.month = e.month and coalesce(t.child_path, '') = coalesce(e.child_path, '')`;
}

export async function monthlyFigures(db: DbOrTrx, p: FiguresParams): Promise<MonthlyRow[]> {
  return (await monthlyFiguresQuery(p).execute(db)).rows;
}

/** Cells valid in the period, by child of the root. */
export function countCellsQuery(p: FiguresParams) {
  return sql<{ child_path: string | null; n: number }>`
    with ${cellsCte(p)} select child_path, count(*)::int as n from cells group by child_path`;
}

export async function countCells(db: DbOrTrx, p: FiguresParams): Promise<{ child_path: string | null; n: number }[]> {
  return (await countCellsQuery(p).execute(db)).rows;
}

export interface NotMetRow {
  id: string;
  code: string;
  name: string;
  parent_name: string | null;
  expected: number;
  held: number;
  missing: string[];
  last_meeting: string | null;
  total: number;
}

/**
 * Cells with at least one expected month without a regular meeting, most months missed first; `total` on each row.
 * Each cell's months expected are its window's length and its months held the number of its regular meetings (one a
 * month at most); the months missed are spelled out only for the cells listed.
 */
export function cellsNotMetQuery(p: FiguresParams, limit: number) {
  return sql<NotMetRow>`
    with ${cellsCte(p)},
    held as (
      select m.unit_id, count(*)::int as held from cells c join cell_meeting m on m.unit_id = c.id
      where m.type = 'regular' and ${meetingsInPeriod(p)}
      group by m.unit_id
    ),
    per_cell as (
      select c.id, c.code, c.parent_id, c.valid_to, c.first_month, c.last_month,
        ((extract(year from c.last_month) - extract(year from c.first_month)) * 12
          + extract(month from c.last_month) - extract(month from c.first_month) + 1)::int as expected,
        coalesce(h.held, 0) as held
      from cells c left join held h on h.unit_id = c.id
    ),
    listed as (
      select pc.*, count(*) over ()::int as total from per_cell pc where pc.held < pc.expected
      order by pc.expected - pc.held desc, pc.code
      limit ${limit}
    )
    select l.id, l.code, ${nameOn('u', sql`least(${p.to}::date, coalesce(u.valid_to, ${p.to}::date))`)} as name,
      ${nameOn('pu', sql`least(${p.to}::date, coalesce(u.valid_to, ${p.to}::date))`)} as parent_name,
      l.expected, l.held,
      array(
        select to_char(gs, 'YYYY-MM-DD') from generate_series(l.first_month, l.last_month, interval '1 month') gs
        where not exists (
          select 1 from cell_meeting m where m.unit_id = l.id and m.type = 'regular'
            and m.meeting_month = gs::date and m.meeting_date <= ${p.to}::date)
        order by gs
      ) as missing,
      (select max(m.meeting_date) from cell_meeting m where m.unit_id = l.id and m.meeting_date <= ${p.to}::date)
        as last_meeting,
      l.total
    from listed l join org_unit u on u.id = l.id
    left join org_unit pu on pu.id = l.parent_id
    order by l.expected - l.held desc, l.code`;
}

export async function listCellsNotMet(db: DbOrTrx, p: FiguresParams, limit: number): Promise<NotMetRow[]> {
  return (await cellsNotMetQuery(p, limit).execute(db)).rows;
}

export interface ChildRow {
  id: string;
  code: string;
  name: string;
  path: string;
}

/** The child units named by path, each with its name on `at` (or its last day when closed before). */
export async function findUnitsByPaths(db: DbOrTrx, paths: string[], at: string): Promise<ChildRow[]> {
  if (paths.length === 0) {
    return [];
  }
  const { rows } = await sql<ChildRow>`
    select u.id, u.code, ${nameOn('u', sql`least(${at}::date, coalesce(u.valid_to, ${at}::date))`)} as name,
      u.path::text as path
    from org_unit u where u.path = any(${sql.val(paths)}::ltree[])`.execute(db);
  return rows;
}

export async function findThemeIdsOfCampaign(db: DbOrTrx, campaignId: string): Promise<string[]> {
  const rows = await db.selectFrom('study_theme').select('id').where('campaign_id', '=', campaignId).execute();
  return rows.map((row) => row.id);
}
