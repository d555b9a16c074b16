import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

export function findUserByUsername(db: DbOrTrx, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: DbOrTrx, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countRecentFailures(
  db: DbOrTrx,
  by: { username: string } | { ip: string },
  sinceMs: number,
): Promise<{ count: number; oldest: Date | null }> {
  const since = new Date(Date.now() - sinceMs);
  let query = db
    .selectFrom('login_failure')
    .select([sql<number>`count(*)::int`.as('count'), sql<Date | null>`min(at)`.as('oldest')])
    .where('at', '>', since);
  query = 'username' in by ? query.where('username', '=', by.username) : query.where('ip', '=', by.ip);
  const row = await query.executeTakeFirstOrThrow();
  return { count: row.count, oldest: row.oldest ? new Date(row.oldest) : null };
}

export async function recordFailure(db: DbOrTrx, username: string, ip: string): Promise<void> {
  await db.insertInto('login_failure').values({ username, ip }).execute();
  // Keep the table small: failures older than a day no longer count for anything.
  await db
    .deleteFrom('login_failure')
    .where('at', '<', new Date(Date.now() - 86_400_000))
    .execute();
}

export async function clearFailures(db: DbOrTrx, username: string): Promise<void> {
  await db.deleteFrom('login_failure').where('username', '=', username).execute();
}

export function loadUserGrants(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('user_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.role', 'u.id as unit_id', 'u.code', 'u.name', 'u.kind'])
    .where('g.user_id', '=', userId)
    .orderBy('u.path')
    .execute();
}

export function findUnitRef(db: DbOrTrx, unitId: string) {
  return db.selectFrom('org_unit').select(['id', 'code', 'name']).where('id', '=', unitId).executeTakeFirstOrThrow();
}

export async function updatePassword(db: DbOrTrx, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
