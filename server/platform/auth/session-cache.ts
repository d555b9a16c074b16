import type { Scope } from '../access';
import type { SessionUser } from './sessions';

/**
 * How long a resolved session and its scope serve this process's requests without asking the database again. A
 * conference morning sends hundreds of check-ins a second from the same few hundred sessions; each saved two round
 * trips (the session, the grants with their lineage).
 *
 * Every change that ends a session or narrows a scope clears this process's cache once it committed (sign-out,
 * password change or reset, an account disabled or moved, a grant added or removed, a reorganisation). Another
 * server process on the same database hears of it only when its entry ages out: this is the window, at most
 * SESSION_CACHE_MS.
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

  get(sessionId: string, now = Date.now()): Entry | undefined {
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
    if (found && generation === this.generation) {
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
}

export const sessionCache = new SessionCache();

/**
 * Forgets every cached session of this process. Call it after the change committed (a lookup between the change and
 * its commit would otherwise store the old state again); clearing everything keeps it simple, as such changes are
 * rare beside the requests they would slow.
 */
export function invalidateSessions(): void {
  sessionCache.clear();
}
