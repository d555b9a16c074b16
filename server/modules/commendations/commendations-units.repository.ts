import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import { nameOn } from './commendations.repository';

// Units and campaigns as this module reads them: by id or code on a date, by name, by path; Kysely only.

export interface UnitAt {
  id: string;
  code: string;
  name: string;
  path: string;
  valid_from: string;
  valid_to: string | null;
}

/** Units by id, named as on `day`. */
export async function findUnits(db: DbOrTrx, ids: string[], day: string): Promise<Map<string, UnitAt>> {
  if (ids.length === 0) {
    return new Map();
  }
  const result = await sql<UnitAt>`
    select u.id, u.code, ${nameOn('u', day)} as name, u.path::text as path, u.valid_from, u.valid_to
    from org_unit u where u.id = any(${sql.val(ids)}::uuid[])`.execute(db);
  return new Map(result.rows.map((row) => [row.id, row]));
}

/** Every unit that ever bore one of `codes` (an import resolves each at its row's date). */
export async function findUnitsByCodes(db: DbOrTrx, codes: string[]): Promise<UnitAt[]> {
  if (codes.length === 0) {
    return [];
  }
  const result = await sql<UnitAt>`
    select u.id, u.code, u.name, u.path::text as path, u.valid_from, u.valid_to
    from org_unit u where u.code = any(${sql.val(codes)}::text[])`.execute(db);
  return result.rows;
}

/**
 * Names units had, with the dates each name held, for units whose code or any name contains one of `folded` (trigram
 * index on search_key); the caller keeps the exact matches.
 */
export async function findUnitNamesLike(db: DbOrTrx, folded: string[]) {
  if (folded.length === 0) {
    return [];
  }
  const patterns = folded.map((f) => `%${f.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const result = await sql<{
    id: string;
    code: string;
    path: string;
    name: string;
    valid_from: string;
    valid_to: string | null;
  }>`
    select u.id, u.code, u.path::text as path, n.name, greatest(n.valid_from, u.valid_from) as valid_from,
      case when n.valid_to is null then u.valid_to when u.valid_to is null then n.valid_to
        else least(n.valid_to, u.valid_to) end as valid_to
    from org_unit u join org_unit_name n on n.unit_id = u.id
    where u.search_key like any(${sql.val(patterns)}::text[])`.execute(db);
  return result.rows;
}

/** Units by materialised path (the common ancestor an import falls back to as the owner). */
export async function findUnitsByPaths(db: DbOrTrx, paths: string[]): Promise<Map<string, string>> {
  if (paths.length === 0) {
    return new Map();
  }
  const result = await sql<{ id: string; path: string }>`
    select id, path::text as path from org_unit where path = any(${sql.val(paths)}::ltree[])`.execute(db);
  return new Map(result.rows.map((row) => [row.path, row.id]));
}

/** Children of a unit valid on `day`, named as on `day`. */
export async function listChildUnits(db: DbOrTrx, parentId: string, day: string): Promise<UnitAt[]> {
  const result = await sql<UnitAt>`
    select u.id, u.code, ${nameOn('u', day)} as name, u.path::text as path, u.valid_from, u.valid_to
    from org_unit u
    where u.parent_id = ${parentId} and u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to >= ${day}::date)`.execute(
    db,
  );
  return result.rows;
}

export interface TreeUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
}

/** A unit and everything under it that was active on `day`, named as on `day`, by code (the demo builds on it). */
export async function listSubtreeAt(db: DbOrTrx, rootId: string, day: string): Promise<TreeUnit[]> {
  const result = await sql<TreeUnit>`
    select u.id, u.code, ${nameOn('u', day)} as name, u.kind, u.parent_id, u.path::text as path
    from org_unit u, org_unit root
    where root.id = ${rootId} and u.path <@ root.path
      and u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to >= ${day}::date)
    order by u.code`.execute(db);
  return result.rows;
}
