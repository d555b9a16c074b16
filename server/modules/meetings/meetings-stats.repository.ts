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
    select u.id, u.code, u.valid_from, u.valid_to, u.parent_id,
      case when nlevel(u.path) > ${depth} then subpath(u.path, 0, ${depth + 1})::text end as child_path
    from org_unit u
    where u.kind = 'cell' and u.path <@ ${p.rootPath}::ltree and ${p.scope}
      and u.valid_from <= ${p.to}::date and (u.valid_to is null or u.valid_to >= ${p.from}::date)
  ), expected as (
    select c.id, c.child_path, gs::date as month
    from cells c, generate_series(date_trunc('month', greatest(c.valid_from, ${p.from}::date)::timestamp),
      date_trunc('month', least(coalesce(c.valid_to, ${p.to}::date), ${p.to}::date)::timestamp), interval '1 month') gs
  )`;
}

function themeCondition(p: FiguresParams) {
  return p.themeIds === null ? sql`true` : sql`m.theme_id = any(${sql.val(p.themeIds)}::uuid[])`;
}

function heldCte(p: FiguresParams) {
  const inCampaign = themeCondition(p);
  return sql`held as (
    select m.unit_id, m.meeting_month,
      bool_or(m.type = 'regular') as has_regular,
      bool_or(m.type = 'regular' and m.theme_included and ${inCampaign}) as has_theme,
      count(*) filter (where m.type = 'thematic' and ${inCampaign}) as thematic,
      sum(m.present) as present, sum(m.members_on_roll) as on_roll
    from cell_meeting m
    where m.unit_id in (select id from cells) and m.meeting_month >= ${p.from}::date and m.meeting_date <= ${p.to}::date
    group by m.unit_id, m.meeting_month
  )`;
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

/** Cell-months expected and met, by child of the root and month. The statement bench/meetings.ts times. */
export function monthlyFiguresQuery(p: FiguresParams) {
  return sql<MonthlyRow>`
    with ${cellsCte(p)}, ${heldCte(p)}
    select e.child_path, e.month, count(*)::int as expected,
      count(*) filter (where h.has_regular)::int as regular,
      count(*) filter (where h.has_theme)::int as theme,
      coalesce(sum(h.thematic), 0)::int as thematic,
      coalesce(sum(h.present), 0)::bigint as present,
      coalesce(sum(h.on_roll), 0)::bigint as on_roll
    from expected e left join held h on h.unit_id = e.id and h.meeting_month = e.month
    group by e.child_path, e.month`;
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

/** Cells with at least one expected month without a regular meeting, most months missed first; `total` on each row. */
export function cellsNotMetQuery(p: FiguresParams, limit: number) {
  return sql<NotMetRow>`
    with ${cellsCte(p)},
    regular as (
      select m.unit_id, m.meeting_month from cell_meeting m
      where m.unit_id in (select id from cells) and m.type = 'regular'
        and m.meeting_month >= ${p.from}::date and m.meeting_date <= ${p.to}::date
    ),
    per_cell as (
      select e.id, count(*)::int as expected, count(r.unit_id)::int as held,
        array_agg(to_char(e.month, 'YYYY-MM-DD') order by e.month) filter (where r.unit_id is null) as missing
      from expected e left join regular r on r.unit_id = e.id and r.meeting_month = e.month
      group by e.id having count(r.unit_id) < count(*)
    )
    select c.id, c.code, ${nameOn('u', sql`least(${p.to}::date, coalesce(u.valid_to, ${p.to}::date))`)} as name,
      ${nameOn('pu', sql`least(${p.to}::date, coalesce(u.valid_to, ${p.to}::date))`)} as parent_name,
      pc.expected, pc.held, pc.missing,
      (select max(m.meeting_date) from cell_meeting m where m.unit_id = c.id and m.meeting_date <= ${p.to}::date)
        as last_meeting,
      count(*) over ()::int as total
    from per_cell pc join cells c on c.id = pc.id join org_unit u on u.id = c.id
    left join org_unit pu on pu.id = c.parent_id
    order by pc.expected - pc.held desc, c.code
    limit ${limit}`;
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
