import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

export interface UserRow {
  id: string;
  username: string;
  full_name: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  is_disabled: boolean;
  version: number;
  created_at: Date;
}

export interface GrantRow {
  id: string;
  user_id: string;
  role: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  unit_path: string;
}

/** The home unit's path (alias `h` in every user query), for scope conditions built by the service. */
export const homePathRef = sql`h.path`;

function selectUsers(db: DbOrTrx) {
  return db
    .selectFrom('app_user as a')
    .innerJoin('org_unit as h', 'h.id', 'a.unit_id')
    .select([
      'a.id',
      'a.username',
      'a.full_name',
      'a.unit_id',
      'h.code as unit_code',
      'h.name as unit_name',
      sql<string>`h.path::text`.as('unit_path'),
      'a.is_disabled',
      'a.version',
      'a.created_at',
    ]);
}

export function findUser(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
  return selectUsers(db).where('a.id', '=', id).executeTakeFirst();
}

/** Locks the user's row until the transaction ends, so concurrent grant changes on one user run one after another. */
export async function lockUser(trx: DbOrTrx, id: string): Promise<UserRow | undefined> {
  await sql`select 1 from app_user where id = ${id} for update`.execute(trx);
  return findUser(trx, id);
}

export async function findUserIdByUsername(db: DbOrTrx, username: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

export interface UserFilter {
  scope: RawBuilder<SqlBool>;
  /** Folded search text (common/text.ts foldVietnamese). */
  search?: string;
  /** Only users whose home unit lies in this subtree. */
  underPath?: string;
}

function filtered(db: DbOrTrx, filter: UserFilter) {
  let query = selectUsers(db).where(filter.scope);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where('a.search_key', 'like', pattern);
  }
  if (filter.underPath) {
    query = query.where(sql<SqlBool>`h.path <@ ${filter.underPath}::ltree`);
  }
  return query;
}

export async function listUsers(
  db: DbOrTrx,
  filter: UserFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    // Usernames are ASCII: byte order reads naturally and is the same whatever the server's locale.
    filtered(db, filter)
      .orderBy(sql`a.username collate "C"`)
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered(db, filter)
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

function selectGrants(db: DbOrTrx) {
  return db
    .selectFrom('user_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select([
      'g.id',
      'g.user_id',
      'g.role',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.kind as unit_kind',
      sql<string>`u.path::text`.as('unit_path'),
    ]);
}

export async function listGrants(db: DbOrTrx, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) {
    return [];
  }
  return selectGrants(db).where('g.user_id', 'in', userIds).orderBy('u.path').execute();
}

export function findGrant(db: DbOrTrx, grantId: string): Promise<GrantRow | undefined> {
  return selectGrants(db).where('g.id', '=', grantId).executeTakeFirst();
}

export function findGrantOrThrow(db: DbOrTrx, grantId: string): Promise<GrantRow> {
  return selectGrants(db).where('g.id', '=', grantId).executeTakeFirstOrThrow();
}

export function findGrantOnUnit(db: DbOrTrx, userId: string, unitId: string): Promise<GrantRow | undefined> {
  return selectGrants(db).where('g.user_id', '=', userId).where('g.unit_id', '=', unitId).executeTakeFirst();
}

export async function insertUser(
  db: DbOrTrx,
  values: { username: string; full_name: string; unit_id: string; password_hash: string; is_demo: boolean },
): Promise<string> {
  const row = await db.insertInto('app_user').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface UserChanges {
  full_name?: string;
  unit_id?: string;
  is_disabled?: boolean;
}

/**
 * Applies `values` and bumps the version if the row still has `version`; false when someone changed it meanwhile.
 * Without `version` (grants, password resets) the bump is unconditional: an open edit form must still go stale.
 */
export async function updateUser(
  db: DbOrTrx,
  id: string,
  values: UserChanges & { password_hash?: string },
  version?: number,
): Promise<boolean> {
  let query = db
    .updateTable('app_user')
    .set({
      ...values,
      ...(values.password_hash ? { password_changed_at: new Date() } : {}),
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id);
  if (version !== undefined) {
    query = query.where('version', '=', version);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts the grant or, when the user already holds one on the unit, replaces its role. Returns the grant id. */
export async function upsertGrant(db: DbOrTrx, userId: string, unitId: string, role: string): Promise<string> {
  const row = await db
    .insertInto('user_grant')
    .values({ user_id: userId, unit_id: unitId, role })
    .onConflict((oc) => oc.columns(['user_id', 'unit_id']).doUpdateSet({ role }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteGrant(db: DbOrTrx, grantId: string): Promise<void> {
  await db.deleteFrom('user_grant').where('id', '=', grantId).execute();
}
