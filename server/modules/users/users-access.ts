import type { UnitKind } from '../../../common/org-units';
import { isRoleAtLeast, ROLE_LABELS, type Role } from '../../../common/roles';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { conflict, forbidden, notFound } from '../../platform/errors';
import * as repo from './users.repository';
import type { GrantSummary, UserSummary } from './users.schemas';

/**
 * Loads a user the caller may manage: their home unit must lie where the caller holds manager or admin. Out of reach
 * answers 404 (the caller learns nothing of the account); in reach with only viewer or editor, 403. With `lock`
 * (inside a transaction) the row stays locked until commit, so rules that count a user's grants cannot race.
 */
export async function loadManagedUser(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<repo.UserRow> {
  const user = options.lock ? await repo.lockUser(db, id) : await repo.findUser(db, id);
  if (!user || !actor.scope.can(user.unit_path, 'viewer')) {
    throw notFound('Người dùng');
  }
  if (!actor.scope.can(user.unit_path, 'manager')) {
    throw forbidden('Chỉ người quản lý của đơn vị mới quản lý được tài khoản này.');
  }
  return user;
}

export function staleUser(current: number, sent: number) {
  return conflict('Tài khoản đã được người khác thay đổi. Hãy tải lại để xem bản mới nhất.', [
    { path: 'body.version', message: `Phiên bản hiện tại là ${current}, bạn gửi ${sent}.` },
  ]);
}

/**
 * A grant of `role` on the unit at `unitPath` needs at least manager there, and never more than the caller holds
 * there: a manager hands out viewer, editor or manager; only an admin of the unit hands out admin.
 */
export function assertMayGrant(actor: Actor, unitPath: string, role: Role): void {
  const own = actor.scope.roleAt(unitPath);
  if (!own || !isRoleAtLeast(own, 'manager')) {
    throw forbidden('Chỉ người quản lý của đơn vị mới cấp hoặc thu hồi được quyền trên đơn vị đó.');
  }
  if (!isRoleAtLeast(own, role)) {
    throw forbidden(
      role === 'admin'
        ? 'Chỉ quản trị viên của đơn vị mới cấp hoặc thu hồi được quyền Quản trị.'
        : `Bạn không thể cấp hoặc thu hồi quyền ${ROLE_LABELS[role].vi} vì quyền này cao hơn quyền của bạn.`,
    );
  }
}

/**
 * Refuses a change to the caller's own grants that would leave them without manager or admin anywhere: nobody may
 * lock themselves out of user management by mistake (another manager can still do it).
 */
export function assertKeepsManagement(actor: Actor, user: repo.UserRow, grants: repo.GrantRow[], grantId: string) {
  if (actor.userId !== user.id) {
    return;
  }
  const others = grants.filter((g) => g.id !== grantId && isRoleAtLeast(g.role as Role, 'manager'));
  if (others.length === 0) {
    throw forbidden('Bạn không thể tự bỏ quyền quản lý cuối cùng của mình. Hãy nhờ người quản lý khác thực hiện.');
  }
}

export function toGrantSummary(row: repo.GrantRow): GrantSummary {
  return {
    id: row.id,
    role: row.role as Role,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, kind: row.unit_kind as UnitKind },
  };
}

/** Users with their grants, in the order given; one query for all the grants. */
export async function describeUsers(db: DbOrTrx, rows: repo.UserRow[]): Promise<UserSummary[]> {
  const grants = new Map<string, GrantSummary[]>();
  const grantRows = await repo.listGrants(
    db,
    rows.map((r) => r.id),
  );
  for (const grant of grantRows) {
    grants.set(grant.user_id, [...(grants.get(grant.user_id) ?? []), toGrantSummary(grant)]);
  }
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    isDisabled: row.is_disabled,
    version: row.version,
    grants: grants.get(row.id) ?? [],
    createdAt: row.created_at.toISOString(),
  }));
}

/** What the audit log keeps of a user: never the password hash. */
export function auditView(row: Pick<repo.UserRow, 'username' | 'full_name' | 'unit_id' | 'is_disabled'>) {
  return { username: row.username, fullName: row.full_name, unitId: row.unit_id, isDisabled: row.is_disabled };
}
