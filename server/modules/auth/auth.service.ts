import type { Database, DbOrTrx } from '../../db/connection';
import type { Config } from '../../config';
import { isRoleAtLeast, type Role } from '../../../common/roles';
import type { UnitKind } from '../../../common/org-units';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { invalidateSessions } from '../../platform/auth/session-cache';
import { createSession, deleteUserSessions, type SessionUser } from '../../platform/auth/sessions';
import { getSetting } from '../../platform/settings';
import * as repo from './auth.repository';
import type { DemoAccount, Me } from './auth.schemas';

const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_USERNAME = 5;
const MAX_FAILURES_PER_ADDRESS = 30;
// Verifying against a real hash for unknown names keeps their answer as slow as a known name's.
let dummyHash: Promise<string> | undefined;

function lockedMessage(oldest: Date | null): string {
  const until = new Date((oldest?.getTime() ?? Date.now()) + FAILURE_WINDOW_MS);
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`;
}

/**
 * Signs a user in: refuses while the name or the address is locked out, records a failure, or opens a session.
 * Returns the session token for the cookie.
 */
export async function login(
  database: Database,
  config: Config,
  input: { username: string; password: string },
  client: { ip: string; userAgent?: string; requestId?: string },
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const { db } = database;
  const username = input.username.trim().toLowerCase();
  const byName = await repo.countRecentFailures(db, { username }, FAILURE_WINDOW_MS);
  if (byName.count >= MAX_FAILURES_PER_USERNAME) {
    throw new AppError('RATE_LIMITED', lockedMessage(byName.oldest));
  }
  const byAddress = await repo.countRecentFailures(db, { ip: client.ip }, FAILURE_WINDOW_MS);
  if (byAddress.count >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError('RATE_LIMITED', lockedMessage(byAddress.oldest));
  }
  const user = await repo.findUserByUsername(db, username);
  dummyHash ??= hashPassword('not-a-password');
  const isValid = user
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyPassword(await dummyHash, input.password);
  if (!user || !isValid || user.is_disabled) {
    await repo.recordFailure(db, username, client.ip);
    if (user?.is_disabled && isValid) {
      throw new AppError('UNAUTHENTICATED', 'Tài khoản đã bị khóa. Liên hệ người quản lý để được mở lại.');
    }
    const left = MAX_FAILURES_PER_USERNAME - byName.count - 1;
    throw new AppError(
      'UNAUTHENTICATED',
      left > 0
        ? `Tên đăng nhập hoặc mật khẩu không đúng. Còn ${left} lần thử trước khi bị tạm khóa.`
        : lockedMessage(null),
    );
  }
  await repo.clearFailures(db, username);
  const session = await createSession(
    db,
    user.id,
    { idleHours: config.sessionIdleHours, maxDays: config.sessionMaxDays },
    client,
  );
  return { ...session, userId: user.id };
}

/** The signed-in user with grants and what the UI may offer them (policies decided here, never in the UI). */
export async function getMe(database: Database, actor: Actor): Promise<Me> {
  if (!actor.userId) {
    throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  }
  const user = await repo.findUserById(database.db, actor.userId);
  if (!user) {
    throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  }
  const [grants, unit] = await Promise.all([
    repo.loadUserGrants(database.db, user.id),
    repo.findUnitRef(database.db, user.unit_id),
  ]);
  const highest = actor.scope.highestRole();
  const atLeast = (role: Role) => highest !== undefined && isRoleAtLeast(highest, role);
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    unit,
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role as Role,
      unit: { id: g.unit_id, code: g.code, name: g.name, kind: g.kind as UnitKind },
    })),
    abilities: {
      manageUnits: atLeast('manager'),
      manageUsers: atLeast('manager'),
      readAudit: atLeast('manager'),
      isAdmin: atLeast('admin'),
    },
  };
}

/** Changes the caller's own password after checking the current one; every other session ends. */
export async function changeOwnPassword(
  database: Database,
  actor: Actor,
  session: SessionUser,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(database.db, session.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [
      { path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
      { path: 'body.newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await database.db.transaction().execute(async (trx) => {
    await repo.updatePassword(trx, user.id, passwordHash);
    await deleteUserSessions(trx, user.id, session.sessionId);
    await recordAudit(trx, actor, {
      action: 'user.change-password',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unit_id,
      summary: `${user.username} đổi mật khẩu`,
    });
  });
  await invalidateSessions();
}

/** Lifts the sign-in lock-out of a name (after an administrator resets its password). */
export async function clearLoginLockout(db: DbOrTrx, username: string): Promise<void> {
  await repo.clearFailures(db, username.toLowerCase());
}

export const DEMO_ACCOUNTS_SETTING = 'demo.accounts';

/** The demo accounts, shown on the sign-in page while the demo organisation is loaded. */
export async function listDemoAccounts(database: Database): Promise<DemoAccount[]> {
  return (await getSetting<DemoAccount[]>(database.db, DEMO_ACCOUNTS_SETTING)) ?? [];
}
