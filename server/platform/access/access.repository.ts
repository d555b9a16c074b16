import { sql } from 'kysely';
import type { Role } from '../../../common/roles';
import type { DbOrTrx } from '../../db/connection';
import type { ScopeGrant } from './scope';

/** A user's grants with the paths each covers, walking lineage back to every unit the granted one succeeded. */
export async function loadGrantRoots(db: DbOrTrx, userId: string): Promise<ScopeGrant[]> {
  const result = await sql<{ grant_id: string; role: Role; unit_id: string; roots: string[] }>`
    with recursive reach(grant_id, unit_id) as (
      select g.id, g.unit_id from user_grant g where g.user_id = ${userId}
      union
      select r.grant_id, l.from_unit_id from reach r join org_lineage l on l.to_unit_id = r.unit_id
    )
    select g.id as grant_id, g.role, g.unit_id, array_agg(u.path::text order by u.path) as roots
    from reach r
    join user_grant g on g.id = r.grant_id
    join org_unit u on u.id = r.unit_id
    group by g.id, g.role, g.unit_id`.execute(db);
  return result.rows.map((row) => ({ grantId: row.grant_id, role: row.role, unitId: row.unit_id, roots: row.roots }));
}

export async function findUnitPath(db: DbOrTrx, unitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('org_unit')
    .select(sql<string>`path::text`.as('path'))
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row?.path;
}
