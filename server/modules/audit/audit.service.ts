import { addDays } from '../../../common/dates';
import type { DbOrTrx } from '../../db/connection';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { forbidden } from '../../platform/errors';
import * as repo from './audit.repository';
import type { AuditEntryView, ListAuditQuery } from './audit.schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Midnight of a calendar day in Vietnam (UTC+7, no daylight saving), whatever the server's time zone. */
function vietnamMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}

/**
 * Who reads the log, and which entries: managers and admins, each the entries of units where they hold manager or
 * admin. Entries without a unit (none of today's writes, but system-wide actions may add some) concern the whole
 * installation, so only an admin of a root unit (a unit with no parent, such as Trung ương) sees them.
 */
function scopeOf(actor: Actor): Pick<repo.AuditFilter, 'scope' | 'includeUnitless'> {
  if (!actor.scope.isSystem && actor.scope.roots('manager').length === 0) {
    throw forbidden('Chỉ người quản lý hoặc quản trị viên mới xem được nhật ký thao tác.');
  }
  const isRootAdmin = actor.scope.isSystem || actor.scope.roots('admin').some((path) => !path.includes('.'));
  return { scope: actor.scope.sqlContains(repo.unitPathRef, 'manager'), includeUnitless: isRootAdmin };
}

function toView(row: repo.AuditRow): AuditEntryView {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    user:
      row.user_id && row.username ? { id: row.user_id, username: row.username, fullName: row.full_name ?? '' } : null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    unit: row.unit_id && row.unit_code ? { id: row.unit_id, code: row.unit_code, name: row.unit_name ?? '' } : null,
    summary: row.summary,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}

/**
 * The audit log, newest first, scoped in SQL to the caller's reach. `user` is a username or an id; `unit` narrows to
 * a subtree (404 when out of reach); `from` and `to` are calendar days in Vietnam time, `to` inclusive.
 */
export async function listAuditLog(
  db: DbOrTrx,
  actor: Actor,
  query: ListAuditQuery,
): Promise<{ items: AuditEntryView[]; total: number }> {
  const scope = scopeOf(actor);
  const underPath = query.unit ? await assertUnitAccess(db, actor, query.unit, 'viewer') : undefined;
  const user = query.user;
  const { rows, total } = await repo.listEntries(
    db,
    {
      ...scope,
      userId: user && UUID.test(user) ? user : undefined,
      username: user && !UUID.test(user) ? user.toLowerCase() : undefined,
      entityType: query.entityType,
      underPath,
      fromAt: query.from ? vietnamMidnight(query.from) : undefined,
      beforeAt: query.to ? vietnamMidnight(addDays(query.to, 1)) : undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toView), total };
}

/** The entity types present in the entries the caller may read, for the filter list. */
export async function listAuditEntityTypes(db: DbOrTrx, actor: Actor): Promise<string[]> {
  return repo.listEntityTypes(db, scopeOf(actor));
}
