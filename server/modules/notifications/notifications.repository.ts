import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

export interface NotificationWrite {
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
}

export async function insertNotifications(db: DbOrTrx, rows: NotificationWrite[]): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('notification')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Active users holding one of `roles` on exactly one of `unitIds` (the staff of those committees). */
export async function listUnitStaff(db: DbOrTrx, unitIds: string[], roles: string[]) {
  if (unitIds.length === 0) {
    return [];
  }
  const result = await sql<{ user_id: string; unit_id: string }>`
    select distinct g.user_id, g.unit_id
    from user_grant g join app_user a on a.id = g.user_id
    where g.unit_id = any(${sql.val(unitIds)}::uuid[]) and g.role = any(${sql.val(roles)}::text[])
      and not a.is_disabled`.execute(db);
  return result.rows;
}

export async function listForUser(db: DbOrTrx, userId: string, limit: number) {
  return db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countUnread(db: DbOrTrx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks one (or, without `id`, every) unread notification of the user read; returns how many changed. */
export async function markRead(db: DbOrTrx, userId: string, id?: string): Promise<number> {
  let query = db
    .updateTable('notification')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id) {
    query = query.where('id', '=', id);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findOwner(db: DbOrTrx, id: string) {
  return db.selectFrom('notification').select(['user_id']).where('id', '=', id).executeTakeFirst();
}
