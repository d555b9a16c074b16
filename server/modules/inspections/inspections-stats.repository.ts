import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

export interface StatsFilter {
  path: string;
  from: string;
  to: string;
  campaignId: string | null;
  scope: RawBuilder<SqlBool>;
  today: string;
}

/** Which child of the unit an inspection falls under (by its conducting unit), NULL when the unit itself conducted. */
function childPath(depth: number) {
  return sql<string | null>`case when nlevel(cu.path) > ${depth} then subpath(cu.path, 0, ${depth + 1})::text end`;
}

/** The inspections counted: conducted in the subtree, started (actual, else planned) within the period. */
function counted(filter: StatsFilter) {
  return sql<SqlBool>`cu.path <@ ${filter.path}::ltree and ${filter.scope}
    and coalesce(i.actual_start, i.planned_start) between ${filter.from}::date and ${filter.to}::date
    ${filter.campaignId ? sql`and i.campaign_id = ${filter.campaignId}` : sql``}`;
}

export interface KindRow {
  child_path: string | null;
  level: string;
  kind: string;
  form: string;
  n: number;
}

export async function countInspections(db: DbOrTrx, filter: StatsFilter): Promise<KindRow[]> {
  const depth = filter.path.split('.').length;
  const result = await sql<KindRow>`
    select ${childPath(depth)} as child_path, cu.kind as level, i.kind, i.form, count(*)::int as n
    from inspection i join org_unit cu on cu.id = i.conducting_unit_id
    where ${counted(filter)}
    group by 1, 2, 3, 4`.execute(db);
  return result.rows;
}

export interface SubjectRow {
  /** NULL with `is_total` for the whole subtree (a unit inspected by two committees counts once). */
  child_path: string | null;
  is_total: boolean;
  n: number;
}

export async function countSubjects(db: DbOrTrx, filter: StatsFilter): Promise<SubjectRow[]> {
  const depth = filter.path.split('.').length;
  const result = await sql<SubjectRow>`
    select child_path, grouping(child_path) = 1 as is_total, count(distinct unit_id)::int as n
    from (select ${childPath(depth)} as child_path, s.unit_id
      from inspection i join org_unit cu on cu.id = i.conducting_unit_id
      join inspection_subject s on s.inspection_id = i.id
      where ${counted(filter)}) x
    group by grouping sets ((child_path), ())`.execute(db);
  return result.rows;
}

export interface RecommendationCountRow {
  child_path: string | null;
  total: number;
  done: number;
  done_on_time: number;
  overdue: number;
  difficulties_resolved: number;
}

export async function countRecommendations(db: DbOrTrx, filter: StatsFilter): Promise<RecommendationCountRow[]> {
  const depth = filter.path.split('.').length;
  const result = await sql<RecommendationCountRow>`
    select ${childPath(depth)} as child_path, count(*)::int as total,
      count(*) filter (where r.status = 'done')::int as done,
      count(*) filter (where r.status = 'done' and r.done_on <= r.deadline)::int as done_on_time,
      count(*) filter (where r.status <> 'done' and r.deadline < ${filter.today}::date)::int as overdue,
      count(*) filter (where r.status = 'done' and r.category = 'resolve_difficulty')::int as difficulties_resolved
    from inspection i join org_unit cu on cu.id = i.conducting_unit_id
    join recommendation r on r.inspection_id = i.id
    where ${counted(filter)}
    group by 1`.execute(db);
  return result.rows;
}

/** Children of a unit valid on `day`. */
export async function listChildUnits(db: DbOrTrx, parentId: string, day: string) {
  const result = await sql<{
    id: string;
    code: string;
    name: string;
    kind: string;
    path: string;
    valid_to: string | null;
  }>`
    select u.id, u.code, u.name, u.kind, u.path::text as path, u.valid_to from org_unit u
    where u.parent_id = ${parentId} and u.valid_from <= ${day}::date
      and (u.valid_to is null or u.valid_to >= ${day}::date)`.execute(db);
  return result.rows;
}
