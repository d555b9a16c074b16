import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Structure } from '../../../common/dashboard';
import type { DbOrTrx } from '../../db/connection';
import type { FigureSource } from './dashboard-figures';

export interface FigureFilter {
  from: string;
  to: string;
  campaignId: string | null;
  /** The unit whose subtree is counted, in the chosen structure. */
  unitPath: string;
  structure: Structure;
  /** The caller's reach, on the record's unit as recorded (`m.path`). */
  scope: RawBuilder<SqlBool>;
  /** Day ranges within [from, to] to read instead of the whole period (the partial months around the rollup's). */
  ranges?: [string, string][];
  /** The day a time-dependent part (an overdue recommendation) is judged on; Vietnam's today by default. */
  today?: string;
}

export interface FigurePart {
  a?: string;
  b?: string;
}

/** The unit path a record counts under: as recorded, or carried to today's successor. */
function placedPath(structure: Structure): RawBuilder<unknown> {
  return structure === 'current' ? sql`m.current_path` : sql`m.path`;
}

/**
 * THE filter of a figure: its records in the subtree (in the structure), the period, the campaign, the caller's
 * reach and, for a record list, one part of the breakdown. Counts and lists both call it.
 */
function whereRecords(source: FigureSource, filter: FigureFilter, part: FigurePart = {}): RawBuilder<SqlBool> {
  const ranges = filter.ranges ?? [[filter.from, filter.to]];
  const inPeriod = ranges.map(([from, to]) => sql<SqlBool>`${source.day} between ${from}::date and ${to}::date`);
  const conditions: RawBuilder<SqlBool>[] = [
    inPeriod.length === 1 ? inPeriod[0] : sql<SqlBool>`(${sql.join(inPeriod, sql` or `)})`,
    sql<SqlBool>`${placedPath(filter.structure)} <@ ${filter.unitPath}::ltree`,
    filter.scope,
  ];
  if (filter.campaignId) {
    conditions.push(source.campaign(filter.campaignId));
  }
  if (part.a !== undefined) {
    conditions.push(sql<SqlBool>`${source.a} = ${part.a}`);
  }
  if (part.b !== undefined) {
    conditions.push(sql<SqlBool>`${dimensionB(source, filter)} = ${part.b}`);
  }
  return sql.join(conditions, sql` and `) as RawBuilder<SqlBool>;
}

/** The figure's second dimension under the filter's campaign. */
const dimensionB = (source: FigureSource, filter: FigureFilter) =>
  filter.campaignId && source.bInCampaign ? source.bInCampaign(filter.campaignId) : source.b;

const recordsFrom = (source: FigureSource) => sql`${source.from} join org_unit_current m on m.unit_id = s.unit_id`;

/**
 * The same rows for a few days of records (the partial months at a period's edges): found by date first, then each
 * one's unit by key — `offset 0` keeps the planner from hashing the whole unit map for a few thousand records.
 */
const recordsByDateFrom = (source: FigureSource) =>
  sql`${source.from} cross join lateral (select * from org_unit_current mm where mm.unit_id = s.unit_id offset 0) m`;

export interface FigureCountRow {
  /** The child of the unit (its path) the record counts for; null for the unit's own records. */
  child: string | null;
  a: string | null;
  b: string | null;
  month: string | null;
  n: number;
  /** 1 for a row of the month series, 0 for a row of the breakdown. */
  by_month: number;
}

/**
 * One scan of the figure's records: counts by child × a × b, and by month, together (grouping sets).
 */
export async function countFigure(db: DbOrTrx, source: FigureSource, filter: FigureFilter): Promise<FigureCountRow[]> {
  const placed = placedPath(filter.structure);
  const depth = filter.unitPath.split('.').length;
  const result = await sql<FigureCountRow>`
    select child, a, b, month, count(*)::int as n, grouping(child)::int as by_month
    from (
      select case when nlevel(${placed}) > ${depth} then subpath(${placed}, 0, ${depth + 1})::text end as child,
        ${source.a} as a, ${dimensionB(source, filter)} as b, to_char(${source.day}, 'YYYY-MM') as month
      from ${filter.ranges ? recordsByDateFrom(source) : recordsFrom(source)}
      where ${whereRecords(source, filter)}
    ) x
    group by grouping sets ((child, a, b), (month, a, b))`.execute(db);
  return result.rows;
}

/**
 * The same counts as `countFigure` over whole months [fromMonth, toMonth] (YYYY-MM-01), read from the rollup of
 * the depth below the unit (the unit must lie at depth 1 or 2). No scope condition: call it only when the caller
 * reaches every record placed under the unit (`reachesAllPlaced`).
 */
export async function countFigureRollup(
  db: DbOrTrx,
  figure: string,
  filter: Pick<FigureFilter, 'unitPath' | 'structure'>,
  fromMonth: string,
  toMonth: string,
): Promise<FigureCountRow[]> {
  const depth = filter.unitPath.split('.').length;
  const result = await sql<FigureCountRow>`
    select child, a, b, month, sum(n)::int as n, grouping(child)::int as by_month
    from (
      select case when nlevel(r.bucket) > ${depth} then r.bucket::text end as child, r.a, r.b,
        to_char(r.month, 'YYYY-MM') as month, r.n
      from stats_rollup r
      where r.figure = ${figure} and r.structure = ${filter.structure} and r.depth = ${depth + 1}
        and r.bucket <@ ${filter.unitPath}::ltree and r.month between ${fromMonth}::date and ${toMonth}::date
    ) x
    group by grouping sets ((child, a, b), (month, a, b))
    having sum(n) <> 0`.execute(db);
  return result.rows;
}

/**
 * Whether the caller reaches (as recorded) every unit whose records are placed under the unit in the structure —
 * always true as recorded; on today's structure a unit may have received records from outside the caller's reach.
 */
export async function reachesAllPlaced(
  db: DbOrTrx,
  filter: Pick<FigureFilter, 'unitPath' | 'structure' | 'scope'>,
): Promise<boolean> {
  if (filter.structure === 'recorded') {
    return true;
  }
  const result = await sql<{ outside: boolean }>`
    select exists (select 1 from org_unit_current m where m.current_path <@ ${filter.unitPath}::ltree
      and not (${filter.scope})) as outside`.execute(db);
  return !result.rows[0].outside;
}

export interface RecordRow {
  id: string;
  link_id: string;
  day: string;
  unit_name: string;
  current_name: string;
  [column: string]: unknown;
}

/** The records behind a figure (or one part of it), newest first; the same WHERE as `countFigure`. */
export async function listFigureRecords(
  db: DbOrTrx,
  source: FigureSource,
  filter: FigureFilter,
  part: FigurePart,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: RecordRow[] }> {
  const where = whereRecords(source, filter, part);
  const columns = sql.join(source.columns.map((c) => sql`${c.expr} as ${sql.ref(c.key)}`));
  const [total, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from ${recordsFrom(source)} where ${where}`.execute(db),
    sql<RecordRow>`
      select s.id, ${source.linkId} as link_id, ${source.day} as day,
        ${unitNameOn(sql`s.unit_id`, source.day)} as unit_name,
        ${unitNameOn(sql`m.current_id`, sql`current_date`)} as current_name,
        ${columns}
      from ${recordsFrom(source)} ${source.listJoins}
      where ${where}
      order by ${source.day} desc, s.id
      limit ${page.limit} offset ${page.offset}`.execute(db),
  ]);
  return { total: total.rows[0].n, rows: rows.rows };
}

/**
 * Cell-months expected (the base of the meeting shares): every cell placed under the unit in the structure, for each
 * month of the period it existed in, grouped by child and by first and last month (the service spreads them).
 */
export async function countCellMonths(db: DbOrTrx, filter: FigureFilter) {
  const placed = placedPath(filter.structure);
  const depth = filter.unitPath.split('.').length;
  const result = await sql<{ child: string | null; first: string; last: string; n: number }>`
    select case when nlevel(${placed}) > ${depth} then subpath(${placed}, 0, ${depth + 1})::text end as child,
      to_char(greatest(u.valid_from, ${filter.from}::date), 'YYYY-MM') as first,
      to_char(least(coalesce(u.valid_to, ${filter.to}::date), ${filter.to}::date), 'YYYY-MM') as last,
      count(*)::int as n
    from org_unit u join org_unit_current m on m.unit_id = u.id
    where u.kind = 'cell' and u.valid_from <= ${filter.to}::date
      and (u.valid_to is null or u.valid_to >= ${filter.from}::date)
      and ${placed} <@ ${filter.unitPath}::ltree and ${filter.scope}
    group by 1, 2, 3`.execute(db);
  return result.rows;
}

/**
 * The same rows as `countCellMonths`, read from the cell summary of the depth below the unit (the unit must lie at
 * depth 1 or 2). No scope condition: call it only when the caller reaches every cell placed under the unit.
 */
export async function countCellMonthsRollup(
  db: DbOrTrx,
  filter: Pick<FigureFilter, 'unitPath' | 'structure' | 'from' | 'to'>,
) {
  const depth = filter.unitPath.split('.').length;
  const result = await sql<{ child: string | null; first: string; last: string; n: number }>`
    select case when nlevel(c.bucket) > ${depth} then c.bucket::text end as child,
      to_char(greatest(c.valid_from, ${filter.from}::date), 'YYYY-MM') as first,
      to_char(least(c.valid_to, ${filter.to}::date), 'YYYY-MM') as last,
      sum(c.n)::int as n
    from stats_cells c
    where c.structure = ${filter.structure} and c.depth = ${depth + 1} and c.bucket <@ ${filter.unitPath}::ltree
      and c.valid_from <= ${filter.to}::date and c.valid_to >= ${filter.from}::date
    group by 1, 2, 3
    having sum(c.n) <> 0`.execute(db);
  return result.rows;
}

/** The name a unit bore on a day (its latest name when the day is outside its names' dates). */
export function unitNameOn(unitId: RawBuilder<unknown>, day: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`coalesce(
    (select nm.name from org_unit_name nm where nm.unit_id = ${unitId} and nm.valid_from <= ${day}
      order by nm.valid_from desc limit 1),
    (select uu.name from org_unit uu where uu.id = ${unitId}))`;
}

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  valid_from: string;
  valid_to: string | null;
  parent_id: string | null;
}

const unitColumns = (at: RawBuilder<unknown>) => sql`u.id, u.code, ${unitNameOn(sql`u.id`, at)} as name, u.kind,
  u.path::text as path, u.valid_from, u.valid_to, u.parent_id`;

/**
 * A unit by id, or by code: the unit bearing the code on `to`, else on `from`, else the last one to bear it before
 * `to` (a dissolved district is found by its code for any period it existed in). Named as on `to` (or its last day).
 */
export async function findUnit(db: DbOrTrx, ref: string, from: string, to: string): Promise<UnitRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const at = sql`least(${to}::date, coalesce(u.valid_to, ${to}::date))`;
  const result = await sql<UnitRow>`
    select ${unitColumns(at)} from org_unit u
    where ${isUuid ? sql`u.id = ${ref}` : sql`u.code = ${ref} and u.valid_from <= ${to}::date`}
    order by (u.valid_to is null or u.valid_to >= ${to}::date) desc,
      (u.valid_to is null or u.valid_to >= ${from}::date) desc, u.valid_from desc
    limit 1`.execute(db);
  return result.rows[0];
}

/**
 * The children a figure is broken down by. As recorded: every child that existed at some time in the period (a
 * record below a child is dated when the child existed). On today's structure: the children that exist today.
 */
export async function listChildren(
  db: DbOrTrx,
  parentId: string,
  filter: Pick<FigureFilter, 'from' | 'to' | 'structure'>,
) {
  const live =
    filter.structure === 'current'
      ? sql`u.valid_to is null`
      : sql`u.valid_from <= ${filter.to}::date and (u.valid_to is null or u.valid_to >= ${filter.from}::date)`;
  const at =
    filter.structure === 'current'
      ? sql`current_date`
      : sql`least(${filter.to}::date, coalesce(u.valid_to, ${filter.to}::date))`;
  const result =
    await sql<UnitRow>`select ${unitColumns(at)} from org_unit u where u.parent_id = ${parentId} and ${live}
    order by u.code`.execute(db);
  return result.rows;
}

/** The ancestors of a unit (root first), for the breadcrumb. */
export async function listAncestors(db: DbOrTrx, path: string, at: string) {
  const result = await sql<UnitRow>`
    select ${unitColumns(sql`least(${at}::date, coalesce(u.valid_to, ${at}::date))`)} from org_unit u
    where u.path @> ${path}::ltree and u.path <> ${path}::ltree order by nlevel(u.path)`.execute(db);
  return result.rows;
}

/** Where a closed unit's records go on today's structure. */
export async function findCurrentOf(db: DbOrTrx, unitId: string) {
  const result = await sql<{ id: string; code: string; name: string }>`
    select t.id, t.code, t.name from org_unit_current c join org_unit t on t.id = c.current_id
    where c.unit_id = ${unitId}`.execute(db);
  return result.rows[0];
}

/** Units by path (named as on `at`, or their last day). */
export async function findUnitsByPaths(db: DbOrTrx, paths: string[], at: string) {
  const result = await sql<UnitRow>`
    select ${unitColumns(sql`least(${at}::date, coalesce(u.valid_to, ${at}::date))`)} from org_unit u
    where u.path = any(${sql.val(paths)}::ltree[])`.execute(db);
  return result.rows;
}
