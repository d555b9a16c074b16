import type { Scope } from '../access';
import type { SessionUser } from './sessions';

/**
 * How long a resolved session and its scope serve this process's requests without asking the database again. A
 * conference morning sends hundreds of check-ins a second from the same few hundred sessions; each saved two round
 * trips (the session, the grants with their lineage).
 *
 * Every change that ends a session or narrows a scope clears this process's cache once it committed (sign-out,
 * password change or reset, an account disabled or moved, a grant added or removed, a reorganisation). On PostgreSQL
 * the other server processes on the same database hear of it through `NOTIFY` (`session-events.ts`) and clear theirs:
 * the window is the notification's trip, not SESSION_CACHE_MS. While a process cannot hear (its LISTEN connection
 * lost, or not yet open) it does not use its cache at all; only a NOTIFY that fails, or a process that dies between a
 * commit and its NOTIFY, leaves the others at most SESSION_CACHE_MS behind.
 */
export const SESSION_CACHE_MS = 3_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  user: SessionUser;
  scope: Scope;
  until: number;
}

class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a lookup that started before one must not store what it read. */
  private generation = 0;
  /** Listeners whose LISTEN connection is not open: while any is, invalidations from elsewhere may go unheard. */
  private readonly deaf = new Set<object>();
  /** Tell the other processes of an invalidation (one per started listener; none on PGlite). */
  private readonly senders = new Set<() => Promise<void>>();

  get(sessionId: string, now = Date.now()): Entry | undefined {
    if (this.deaf.size > 0) {
      return undefined;
    }
    const entry = this.entries.get(sessionId);
    if (entry && (entry.until <= now || entry.user.expiresAt.getTime() <= now)) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  /** Looks the session up through `load` and keeps what it found, unless an invalidation happened meanwhile. */
  async load(
    sessionId: string,
    load: () => Promise<{ user: SessionUser; scope: Scope } | undefined>,
  ): Promise<{ user: SessionUser; scope: Scope } | undefined> {
    const generation = this.generation;
    const found = await load();
    if (found && generation === this.generation && this.deaf.size === 0) {
      if (this.entries.size >= MAX_ENTRIES) {
        this.entries.clear();
      }
      this.entries.set(sessionId, { ...found, until: Date.now() + SESSION_CACHE_MS });
    }
    return found;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /**
   * While `listener` cannot hear other processes, this cache is bypassed: every request reads its session from the
   * database, as if there were no cache. A shorter lifetime would still honour a revoked session for that long, and
   * the LISTEN connection is only down when the database itself was in trouble, so the extra reads are rare.
   */
  deafen(listener: object): void {
    this.deaf.add(listener);
    this.clear();
  }

  /** `listener` hears again: what it missed meanwhile is unknown, so start empty (and drop lookups still running). */
  hearing(listener: object): void {
    this.deaf.delete(listener);
    this.clear();
  }

  /** False while some listener cannot hear the other processes (the cache is bypassed). */
  get isTrusted(): boolean {
    return this.deaf.size === 0;
  }

  /** `listener` was closed: it neither hears nor keeps the cache bypassed any more. */
  forget(listener: object): void {
    this.deaf.delete(listener);
  }

  /** Registers a way to tell the other processes; the returned function unregisters it. */
  addSender(send: () => Promise<void>): () => void {
    this.senders.add(send);
    return () => this.senders.delete(send);
  }

  /** Clears this process's cache and tells the other processes to clear theirs; resolves once they were told. */
  async invalidate(): Promise<void> {
    this.clear();
    await Promise.all([...this.senders].map((send) => send()));
  }
}

export const sessionCache = new SessionCache();

/**
 * Forgets every cached session of this process and, on PostgreSQL, of every other server process on the database
 * (`NOTIFY`, see `session-events.ts`). Call it after the change committed (a lookup between the change and its commit
 * would otherwise store the old state again); clearing everything keeps it simple, as such changes are rare beside
 * the requests they would slow. Await it before answering: the NOTIFY has then reached PostgreSQL, so the caller's
 * next request, to whichever process, finds the other caches cleared (short of the notification's last hop).
 * It never throws: a NOTIFY that fails is logged, the change having committed.
 */
export function invalidateSessions(): Promise<void> {
  return sessionCache.invalidate();
}
