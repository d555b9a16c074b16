import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import { unitNameOn, whereModels, type ModelFilter } from './models.repository';

/** Models of the filter counted by status, kind and field together (a few dozen rows at most). */
export async function countGrouped(db: DbOrTrx, filter: ModelFilter) {
  const result = await sql<{ status: string; kind: string; field_id: string; n: number }>`
    select m.status, m.kind, m.field_id, count(*)::int as n
    from model m join org_unit u on u.id = m.unit_id
    where ${whereModels(filter)}
    group by m.status, m.kind, m.field_id`.execute(db);
  return result.rows;
}

/**
 * The children of a unit valid on `at`, each with the models of the filter recorded anywhere in its subtree, by
 * status. `scope` limits the children to those the caller reaches.
 */
export async function countByChild(
  db: DbOrTrx,
  parentId: string,
  at: string,
  scope: RawBuilder<SqlBool>,
  filter: ModelFilter,
) {
  const result = await sql<{ id: string; code: string; name: string; kind: string; status: string | null; n: number }>`
    select c.id, c.code, ${unitNameOn('c', sql`${at}::date`)} as name, c.kind, s.status, coalesce(s.n, 0)::int as n
    from org_unit c
    left join lateral (
      select m.status, count(*) as n
      from model m join org_unit u on u.id = m.unit_id
      where u.path <@ c.path and ${whereModels(filter)}
      group by m.status
    ) s on true
    where c.parent_id = ${parentId} and c.valid_from <= ${at}::date and (c.valid_to is null or c.valid_to >= ${at}::date)
      and ${scope}
    order by c.code`.execute(db);
  return result.rows;
}
