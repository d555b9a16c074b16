import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import { nameOn, type CellRow } from './meetings.repository';

export interface GridMeetingRow {
  id: string;
  unit_id: string;
  meeting_date: string;
  meeting_month: string;
  theme_included: boolean;
  theme_id: string | null;
  present: number;
  members_on_roll: number;
  content_summary: string | null;
  conclusion: string | null;
  chair: string | null;
  secretary: string | null;
  absent_reasons: string | null;
  version: number;
  has_details: boolean;
}

/** Cells under `rootPath` that existed at some time in the year, named as on their last day in it. */
export async function listCellsInYear(
  db: DbOrTrx,
  rootPath: string,
  year: number,
  scope: RawBuilder<SqlBool>,
): Promise<CellRow[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const { rows } = await sql<CellRow>`
    select u.id, u.code, ${nameOn('u', sql`least(${end}::date, coalesce(u.valid_to, ${end}::date))`)} as name, u.kind,
      u.path::text as path, u.valid_from, u.valid_to, null::text as parent_name
    from org_unit u
    where u.kind = 'cell' and u.path <@ ${rootPath}::ltree and ${scope}
      and u.valid_from <= ${end}::date and (u.valid_to is null or u.valid_to >= ${start}::date)
    order by u.code, u.valid_from`.execute(db);
  return rows;
}

export async function listRegularMeetingsInYear(
  db: DbOrTrx,
  cellIds: string[],
  year: number,
): Promise<GridMeetingRow[]> {
  if (cellIds.length === 0) {
    return [];
  }
  const { rows } = await sql<GridMeetingRow>`
    select m.id, m.unit_id, m.meeting_date, m.meeting_month, m.theme_included, m.theme_id, m.present,
      m.members_on_roll, m.content_summary, m.conclusion, m.chair, m.secretary, m.absent_reasons, m.version,
      (m.content_summary is not null or m.conclusion is not null
        or exists (select 1 from document d where d.entity_type = 'cell_meeting' and d.entity_id = m.id)) as has_details
    from cell_meeting m
    where m.unit_id = any(${sql.val(cellIds)}::uuid[]) and m.type = 'regular'
      and m.meeting_month between ${`${year}-01-01`}::date and ${`${year}-12-01`}::date`.execute(db);
  return rows;
}
