import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  valid_from: string;
  valid_to: string | null;
  version: number;
  has_children: boolean;
}

export interface UnitInsert {
  id: string;
  node: number;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  valid_from: string;
  valid_to: string | null;
  search_key: string;
}

const validAt = (alias: string, at: string) =>
  sql<SqlBool>`${sql.ref(`${alias}.valid_from`)} <= ${at}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${at}::date)`;

/**
 * Units with their name as it was on `at` and whether they had children valid then. Without `at`, today's name
 * and any children at all.
 */
function selectUnits(at: string | undefined, where: RawBuilder<SqlBool>, limit?: number) {
  const nameAt = at
    ? sql`coalesce((select n.name from org_unit_name n where n.unit_id = u.id and n.valid_from <= ${at}::date
        and (n.valid_to is null or n.valid_to >= ${at}::date) order by n.valid_from desc limit 1), u.name)`
    : sql`u.name`;
  const childFilter = at ? sql`and ${validAt('c', at)}` : sql``;
  return sql<UnitRow>`
    select u.id, u.code, ${nameAt} as name, u.kind, u.parent_id, u.path::text as path, u.valid_from, u.valid_to,
      u.version, exists (select 1 from org_unit c where c.parent_id = u.id ${childFilter}) as has_children
    from org_unit u
    where ${where}
    ${limit ? sql`limit ${limit}` : sql``}`;
}

export async function listChildren(db: DbOrTrx, parentId: string, at: string, scope: RawBuilder<SqlBool>) {
  const where = sql<SqlBool>`u.parent_id = ${parentId} and ${validAt('u', at)} and ${scope}`;
  return (await selectUnits(at, where).execute(db)).rows;
}

/** Units whose path is one of `paths` (a caller's subtree roots), valid on `at`. */
export async function listByPaths(db: DbOrTrx, paths: string[], at: string) {
  const where = sql<SqlBool>`u.path = any(${sql.val(paths)}::ltree[]) and ${validAt('u', at)}`;
  return (await selectUnits(at, where).execute(db)).rows;
}

export async function listRoots(db: DbOrTrx, at: string) {
  return (await selectUnits(at, sql<SqlBool>`u.parent_id is null and ${validAt('u', at)}`).execute(db)).rows;
}

/**
 * Diacritics-insensitive search on code and every name a unit had, within the caller's reach. Exact code first,
 * then committees before the cells under them, then units valid on `at` (or today) before closed ones.
 */
export async function searchUnits(
  db: DbOrTrx,
  folded: string,
  options: { at?: string; onlyValid: boolean; limit: number; scope: RawBuilder<SqlBool>; underPath?: string },
) {
  const day = options.at ?? new Date().toISOString().slice(0, 10);
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const validity = options.onlyValid ? sql<SqlBool>`and ${validAt('u', day)}` : sql``;
  const below = options.underPath
    ? sql<SqlBool>`and u.path <@ ${options.underPath}::ltree and u.path <> ${options.underPath}::ltree`
    : sql``;
  const where = sql<SqlBool>`(u.search_key like ${pattern} or lower(u.code) = ${folded}) ${validity} ${below} and ${options.scope}
    order by (lower(u.code) = ${folded}) desc, nlevel(u.path), (${validAt('u', day)}) desc, u.valid_from desc, u.code`;
  return (await selectUnits(options.at, where, options.limit).execute(db)).rows;
}

export async function findById(db: DbOrTrx, id: string, at?: string) {
  return (await selectUnits(at, sql<SqlBool>`u.id = ${id}`).execute(db)).rows[0];
}

/** The unit that bore `code` on `at`; failing that, the one that bore it last. */
export async function findByCode(db: DbOrTrx, code: string, at: string) {
  const where = sql<SqlBool>`u.code = ${code} order by (${validAt('u', at)}) desc, u.valid_from desc`;
  return (await selectUnits(at, where, 1).execute(db)).rows[0];
}

export async function findValidByCode(db: DbOrTrx, code: string, at: string) {
  const where = sql<SqlBool>`u.code = ${code} and ${validAt('u', at)}`;
  return (await selectUnits(at, where, 1).execute(db)).rows[0];
}

export async function listAncestors(db: DbOrTrx, path: string, at: string, scope: RawBuilder<SqlBool>) {
  const where = sql<SqlBool>`u.path @> ${path}::ltree and u.path <> ${path}::ltree and ${scope} order by nlevel(u.path)`;
  return (await selectUnits(at, where).execute(db)).rows;
}

export function listNames(db: DbOrTrx, unitId: string) {
  return db
    .selectFrom('org_unit_name')
    .select(['name', 'valid_from', 'valid_to'])
    .where('unit_id', '=', unitId)
    .orderBy('valid_from')
    .execute();
}

/** Lineage edges touching a unit, from the side given, with the unit at the other end and the event. */
export async function listLineage(db: DbOrTrx, unitId: string, direction: 'predecessors' | 'successors') {
  const [self, other] = direction === 'predecessors' ? ['to_unit_id', 'from_unit_id'] : ['from_unit_id', 'to_unit_id'];
  const result = await sql<{
    id: string;
    code: string;
    name: string;
    kind: string;
    valid_from: string;
    valid_to: string | null;
    event_kind: string;
    effective_date: string;
    legal_basis: string | null;
    is_partial: boolean;
  }>`
    select u.id, u.code, u.name, u.kind, u.valid_from, u.valid_to, e.kind as event_kind, e.effective_date,
      e.legal_basis, l.is_partial
    from org_lineage l
    join org_unit u on u.id = l.${sql.ref(other)}
    join org_event e on e.id = l.event_id
    where l.${sql.ref(self)} = ${unitId}
    order by u.code`.execute(db);
  return result.rows;
}

/** Reserves `count` path numbers in one round trip. */
export async function allocateNodes(db: DbOrTrx, count: number): Promise<number[]> {
  if (count === 0) {
    return [];
  }
  const result = await sql<{ node: number }>`
    select nextval(pg_get_serial_sequence('org_unit', 'node'))::int as node from generate_series(1, ${count})`.execute(
    db,
  );
  return result.rows.map((r) => r.node);
}

export async function insertUnits(db: DbOrTrx, rows: UnitInsert[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db.insertInto('org_unit').values(chunk).execute();
    await db
      .insertInto('org_unit_name')
      .values(chunk.map((r) => ({ unit_id: r.id, name: r.name, valid_from: r.valid_from, valid_to: r.valid_to })))
      .execute();
  }
}

export async function findPaths(db: DbOrTrx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', sql<string>`path::text`.as('path')])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Changes name (and search key) if the row still has `version`; returns false when someone changed it meanwhile. */
export async function updateUnitName(
  db: DbOrTrx,
  id: string,
  version: number,
  values: { name: string; search_key: string },
): Promise<boolean> {
  const result = await db
    .updateTable('org_unit')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function closeCurrentName(db: DbOrTrx, unitId: string, lastDay: string): Promise<void> {
  await db
    .updateTable('org_unit_name')
    .set({ valid_to: lastDay })
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .execute();
}

export async function insertName(db: DbOrTrx, unitId: string, name: string, validFrom: string, validTo: string | null) {
  await db
    .insertInto('org_unit_name')
    .values({ unit_id: unitId, name, valid_from: validFrom, valid_to: validTo })
    .execute();
}

export async function setValidTo(db: DbOrTrx, id: string, version: number, validTo: string): Promise<boolean> {
  const result = await db
    .updateTable('org_unit')
    .set({ valid_to: validTo, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countChildrenValidAfter(db: DbOrTrx, parentId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('org_unit')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('parent_id', '=', parentId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .executeTakeFirstOrThrow();
  return row.count;
}

export async function listAllNames(db: DbOrTrx, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('org_unit_name').select('name').where('unit_id', '=', unitId).execute();
  return rows.map((r) => r.name);
}

export async function insertEvent(
  db: DbOrTrx,
  event: { kind: string; effective_date: string; legal_basis?: string | null; note?: string | null },
): Promise<string> {
  const row = await db
    .insertInto('org_event')
    .values({ ...event, legal_basis: event.legal_basis ?? null, note: event.note ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertLineage(
  db: DbOrTrx,
  edges: { event_id: string; from_unit_id: string; to_unit_id: string; is_partial: boolean; is_primary: boolean }[],
): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < edges.length; i += CHUNK) {
    await db
      .insertInto('org_lineage')
      .values(edges.slice(i, i + CHUNK))
      .execute();
  }
}

/** Units in a subtree valid on `at`, parents before children (export). */
export async function listSubtree(db: DbOrTrx, path: string, at: string) {
  const where = sql<SqlBool>`u.path <@ ${path}::ltree and ${validAt('u', at)} order by nlevel(u.path), u.code`;
  const rows = (await selectUnits(at, where).execute(db)).rows;
  return rows;
}

/** The path column of the `u` alias every unit query uses, for scope conditions. */
export const pathRef = sql`u.path`;

export interface StoredUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  valid_from: string;
  valid_to: string | null;
}

/** Every stored unit bearing one of `codes`, on any date, in one query per 1,000 codes (imports check thousands). */
export async function findStoredByCodes(db: DbOrTrx, codes: string[]): Promise<Map<string, StoredUnit[]>> {
  const byCode = new Map<string, StoredUnit[]>();
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await db
      .selectFrom('org_unit')
      .select(['id', 'code', 'name', 'kind', sql<string>`path::text`.as('path'), 'valid_from', 'valid_to'])
      .where('code', 'in', codes.slice(i, i + 1000))
      .execute();
    rows.forEach((row) => byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]));
  }
  return byCode;
}
