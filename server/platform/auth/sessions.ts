import crypto from 'node:crypto';
import type { DbOrTrx } from '../../db/connection';
import { invalidateSessions } from './session-cache';

export const SESSION_COOKIE = 'lantoa_sid';

export interface SessionPolicy {
  idleHours: number;
  maxDays: number;
}

export interface SessionUser {
  sessionId: string;
  userId: string;
  username: string;
  fullName: string;
  unitId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** The stored id of a session: the hash of its cookie token. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Starts a session and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: DbOrTrx,
  userId: string,
  policy: SessionPolicy,
  client: { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + policy.idleHours * 3_600_000);
  await db
    .insertInto('user_session')
    .values({
      id: hashToken(token),
      user_id: userId,
      expires_at: expiresAt,
      ip: client.ip ?? null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * The signed-in user behind a cookie token, or undefined when the session is unknown, expired or the account is
 * disabled. A live session's expiry slides forward (written at most once a minute), never past `maxDays`.
 */
export async function resolveSession(
  db: DbOrTrx,
  token: string,
  policy: SessionPolicy,
): Promise<SessionUser | undefined> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.created_at',
      's.expires_at',
      's.last_seen_at',
      'u.username',
      'u.full_name',
      'u.unit_id',
      'u.is_disabled',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  const now = Date.now();
  if (!row || row.is_disabled || row.expires_at.getTime() <= now) {
    return undefined;
  }
  let expiresAt = row.expires_at;
  let lastSeenAt = row.last_seen_at;
  if (now - row.last_seen_at.getTime() > 60_000) {
    const hardLimit = row.created_at.getTime() + policy.maxDays * 86_400_000;
    expiresAt = new Date(Math.min(now + policy.idleHours * 3_600_000, hardLimit));
    lastSeenAt = new Date(now);
    await db
      .updateTable('user_session')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }
  return {
    sessionId: id,
    userId: row.user_id,
    username: row.username,
    fullName: row.full_name,
    unitId: row.unit_id,
    createdAt: row.created_at,
    expiresAt,
    lastSeenAt,
  };
}

/** Ends one session. Outside a transaction; otherwise await `invalidateSessions()` once the caller's commits. */
export async function deleteSession(db: DbOrTrx, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
  await invalidateSessions();
}

/**
 * Ends every session of a user, or every one but `exceptSessionId`. Returns how many ended. Outside a transaction it
 * clears the session caches itself; inside one the caller awaits `invalidateSessions()` after it committed (before
 * the commit a lookup would still find the sessions and cache them again, and the NOTIFY's round trip would be
 * spent holding the transaction's locks).
 */
export async function deleteUserSessions(db: DbOrTrx, userId: string, exceptSessionId?: string): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptSessionId) {
    query = query.where('id', '<>', exceptSessionId);
  }
  const result = await query.executeTakeFirst();
  if (!db.isTransaction) {
    await invalidateSessions();
  }
  return Number(result.numDeletedRows);
}
