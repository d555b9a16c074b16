import type { Role } from '../../../common/roles';
import { ROLES } from '../../../common/roles';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { AppError, notFound } from '../../platform/errors';
import * as repo from './notifications.repository';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
}

/**
 * Notifies the staff of some units in the app: every active user holding at least `minRole` on exactly one of those
 * units (not those above, who see the unit anyway). Returns how many notifications were written.
 */
export async function notifyUnitStaff(
  db: DbOrTrx,
  unitIds: string[],
  minRole: Role,
  build: (unitId: string) => NotificationInput,
): Promise<number> {
  const roles = ROLES.slice(ROLES.indexOf(minRole));
  const staff = await repo.listUnitStaff(db, unitIds, [...roles]);
  const seen = new Set<string>();
  const rows: repo.NotificationWrite[] = [];
  for (const { user_id, unit_id } of staff) {
    if (seen.has(`${user_id}:${unit_id}`)) {
      continue;
    }
    seen.add(`${user_id}:${unit_id}`);
    const n = build(unit_id);
    rows.push({ user_id, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null });
  }
  await repo.insertNotifications(db, rows);
  return rows.length;
}

export async function notifyUsers(db: DbOrTrx, userIds: string[], n: NotificationInput): Promise<void> {
  await repo.insertNotifications(
    db,
    [...new Set(userIds)].map((user_id) => ({
      user_id,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      link: n.link ?? null,
    })),
  );
}

function requireUser(actor: Actor): string {
  if (!actor.userId) {
    throw new AppError('UNAUTHENTICATED', 'Cần đăng nhập.');
  }
  return actor.userId;
}

/** The caller's latest notifications and how many are unread (the bell in the header). */
export async function listMyNotifications(db: DbOrTrx, actor: Actor, limit = 20) {
  const userId = requireUser(actor);
  const [items, unread] = await Promise.all([repo.listForUser(db, userId, limit), repo.countUnread(db, userId)]);
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.created_at.toISOString(),
      isRead: n.read_at !== null,
    })),
  };
}

/** Marks one of the caller's notifications read (someone else's answers 404), or all of them without an id. */
export async function markNotificationsRead(db: DbOrTrx, actor: Actor, id?: string) {
  const userId = requireUser(actor);
  if (id) {
    const owner = await repo.findOwner(db, id);
    if (!owner || owner.user_id !== userId) {
      throw notFound('Thông báo');
    }
  }
  await repo.markRead(db, userId, id);
  return listMyNotifications(db, actor);
}
