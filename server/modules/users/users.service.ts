import { ROLE_LABELS } from '../../../common/roles';
import { foldVietnamese } from '../../../common/text';
import { inTransaction, type DbOrTrx } from '../../db/connection';
import { clearLoginLockout } from '../auth/auth.service';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../../platform/auth/passwords';
import { invalidateSessions } from '../../platform/auth/session-cache';
import { deleteUserSessions } from '../../platform/auth/sessions';
import { conflict, forbidden, validationFailed } from '../../platform/errors';
import { assertMayGrant, auditView, describeUsers, loadManagedUser, staleUser } from './users-access';
import * as repo from './users.repository';
import {
  USERNAME_PATTERN,
  type CreateUserInput,
  type ListUsersQuery,
  type UpdateUserInput,
  type UserSummary,
} from './users.schemas';

export { grantRole, revokeGrant } from './users-grants';

function usernameTaken() {
  const message = 'Tên đăng nhập đã được dùng';
  return conflict(message, [{ path: 'body.username', message }]);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/**
 * The checks the HTTP schemas already make, repeated for callers that bypass them (the CLI, the demo), so a bad
 * name or a short password never reaches the database whichever way it came.
 */
function checkInput(input: { username: string; fullName?: string; password?: string }): void {
  const { username, fullName, password } = input;
  if (username.length < 3 || username.length > 50 || !USERNAME_PATTERN.test(username)) {
    const message = 'Tên đăng nhập cần 3–50 ký tự, chỉ gồm chữ không dấu, số và các dấu . _ -';
    throw validationFailed(message, [{ path: 'body.username', message }]);
  }
  if (fullName !== undefined && (fullName.length < 2 || fullName.length > 200)) {
    const message = 'Họ và tên cần 2–200 ký tự';
    throw validationFailed(message, [{ path: 'body.fullName', message }]);
  }
  checkPassword(password);
}

function checkPassword(password: string | undefined): void {
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    const message = `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
    throw validationFailed(message, [{ path: 'body.password', message }]);
  }
}

/** The id of the account named `username` (any case), or undefined. No access check: the CLI and start-up use it. */
export function findUserIdByUsername(db: DbOrTrx, username: string): Promise<string | undefined> {
  return repo.findUserIdByUsername(db, username);
}

/**
 * Accounts whose home unit lies where the caller holds manager or admin, filtered in SQL; `search` ignores
 * diacritics and case, `unit` narrows to a subtree (404 when out of reach). Callers who manage nowhere get 403.
 */
export async function listUsers(
  db: DbOrTrx,
  actor: Actor,
  query: ListUsersQuery,
): Promise<{ items: UserSummary[]; total: number }> {
  if (!actor.scope.isSystem && actor.scope.roots('manager').length === 0) {
    throw forbidden('Chỉ người quản lý hoặc quản trị viên mới xem được danh sách tài khoản.');
  }
  const underPath = query.unit ? await assertUnitAccess(db, actor, query.unit, 'viewer') : undefined;
  const search = query.search ? foldVietnamese(query.search) : '';
  const { rows, total } = await repo.listUsers(
    db,
    { scope: actor.scope.sqlContains(repo.homePathRef, 'manager'), search: search || undefined, underPath },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await describeUsers(db, rows), total };
}

/** One account the caller manages, with its grants. */
export async function getUser(db: DbOrTrx, actor: Actor, id: string): Promise<UserSummary> {
  const [user] = await describeUsers(db, [await loadManagedUser(db, actor, id)]);
  return user;
}

/**
 * Creates an account in a unit the caller manages and, with `role`, grants that role on the same unit. Without a
 * password one is generated and returned once as `generatedPassword`; only its hash is stored.
 */
export async function createUser(
  db: DbOrTrx,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ user: UserSummary; generatedPassword?: string }> {
  const username = input.username.trim().toLowerCase();
  const fullName = input.fullName.trim();
  checkInput({ username, fullName, password: input.password });
  const unitPath = await assertUnitAccess(db, actor, input.unitId, 'manager');
  if (input.role) {
    assertMayGrant(actor, unitPath, input.role);
  }
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const id = await inTransaction(db, async (trx) => {
    if (await repo.findUserIdByUsername(trx, username)) {
      throw usernameTaken();
    }
    let created: string;
    try {
      created = await repo.insertUser(trx, {
        username,
        full_name: fullName,
        unit_id: input.unitId,
        password_hash: passwordHash,
        is_demo: input.isDemo ?? false,
      });
    } catch (error) {
      // Two managers picking the same name at once: the unique index decides, the loser gets the same answer.
      throw isUniqueViolation(error) ? usernameTaken() : error;
    }
    const after = auditView({ username, full_name: fullName, unit_id: input.unitId, is_disabled: false });
    await recordAudit(trx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: created,
      unitId: input.unitId,
      summary: `Tạo tài khoản ${username} (${fullName})`,
      after,
    });
    if (input.role) {
      await repo.upsertGrant(trx, created, input.unitId, input.role);
      await recordAudit(trx, actor, {
        action: 'user.grant',
        entityType: 'user',
        entityId: created,
        unitId: input.unitId,
        summary: `Cấp quyền ${ROLE_LABELS[input.role].vi} cho ${username}`,
        before: null,
        after: { unitId: input.unitId, role: input.role },
      });
    }
    return created;
  });
  const user = await getUser(db, actor, id);
  return input.password === undefined ? { user, generatedPassword: password } : { user };
}

/**
 * Changes name, home unit or the disabled flag, if `version` is still current (else 409). Disabling ends every
 * session of the account at once; nobody may disable themselves.
 */
export async function updateUser(db: DbOrTrx, actor: Actor, id: string, input: UpdateUserInput): Promise<UserSummary> {
  const user = await loadManagedUser(db, actor, id);
  if (user.version !== input.version) {
    throw staleUser(user.version, input.version);
  }
  if (input.isDisabled === true && actor.userId === id) {
    throw forbidden('Bạn không thể tự khóa tài khoản của mình.');
  }
  if (input.unitId !== undefined && input.unitId !== user.unit_id) {
    // The new home unit must be managed too, or a manager could hand an account to a subtree they don't run.
    await assertUnitAccess(db, actor, input.unitId, 'manager');
  }
  const changes: repo.UserChanges = {};
  if (input.fullName !== undefined && input.fullName !== user.full_name) {
    changes.full_name = input.fullName;
  }
  if (input.unitId !== undefined && input.unitId !== user.unit_id) {
    changes.unit_id = input.unitId;
  }
  if (input.isDisabled !== undefined && input.isDisabled !== user.is_disabled) {
    changes.is_disabled = input.isDisabled;
  }
  if (Object.keys(changes).length === 0) {
    return getUser(db, actor, id);
  }
  const next = { ...user, ...changes };
  const action =
    changes.is_disabled === undefined ? 'user.update' : changes.is_disabled ? 'user.disable' : 'user.enable';
  const verb = { 'user.update': 'Sửa', 'user.disable': 'Khóa', 'user.enable': 'Mở khóa' }[action];
  await inTransaction(db, async (trx) => {
    if (!(await repo.updateUser(trx, id, changes, input.version))) {
      const current = await repo.findUser(trx, id);
      throw staleUser(current?.version ?? input.version + 1, input.version);
    }
    if (changes.is_disabled) {
      await deleteUserSessions(trx, id);
    }
    await recordAudit(trx, actor, {
      action,
      entityType: 'user',
      entityId: id,
      unitId: next.unit_id,
      summary: `${verb} tài khoản ${user.username}`,
      before: auditView(user),
      after: auditView(next),
    });
  });
  await invalidateSessions();
  return getUser(db, actor, id);
}

/**
 * Sets a new password (generated when not given) and ends every session of the account; returns the password to
 * hand over; it also lifts a sign-in lock-out. Managers cannot reset their own: that would skip the current-password check of "change password".
 */
export async function resetPassword(
  db: DbOrTrx,
  actor: Actor,
  userId: string,
  password?: string,
): Promise<{ password: string }> {
  const user = await loadManagedUser(db, actor, userId);
  if (actor.userId === userId) {
    throw forbidden('Hãy dùng chức năng Đổi mật khẩu để đổi mật khẩu của chính mình.');
  }
  checkPassword(password);
  const newPassword = password ?? generatePassword();
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(db, async (trx) => {
    await repo.updateUser(trx, userId, { password_hash: passwordHash });
    const ended = await deleteUserSessions(trx, userId);
    // A reset is how a locked-out user gets back in: the new password must work at once.
    await clearLoginLockout(trx, user.username);
    await recordAudit(trx, actor, {
      action: 'user.reset-password',
      entityType: 'user',
      entityId: userId,
      unitId: user.unit_id,
      summary: `Đặt lại mật khẩu cho ${user.username}, kết thúc ${ended} phiên đăng nhập`,
      after: { isGenerated: password === undefined, sessionsEnded: ended },
    });
  });
  await invalidateSessions();
  return { password: newPassword };
}
