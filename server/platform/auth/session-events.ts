import crypto from 'node:crypto';
import type { Database } from '../../db/connection';
import { NotifyChannel } from '../notify';
import { sessionCache } from './session-cache';

export const SESSIONS_CHANNEL = 'lantoa_sessions';
/** The LISTEN connection's application_name, so an operator (and the test) can tell it in pg_stat_activity. */
export const LISTENER_NAME = 'lantoa-sessions';
/** How long an invalidation waits for its own notification to come back before answering anyway. */
const ECHO_WAIT_MS = 250;

export interface SessionEventsLogger {
  error(obj: unknown, msg?: string): void;
}

/**
 * Carries session invalidations between the server processes of one PostgreSQL database, as `ConferenceHub`
 * carries board events: every process LISTENs on one dedicated connection and clears its session cache when a
 * notification arrives (its own included: clearing twice is harmless); `invalidateSessions()`, awaited once the
 * change committed, sends `NOTIFY` on a second dedicated connection.
 *
 * Unlike board events these are rare, so each is its own NOTIFY, and the invalidating request waits until this
 * process heard it back on its LISTEN connection (at most ECHO_WAIT_MS). PostgreSQL signals every listening
 * connection at the commit and each wakes on its own; once ours has delivered, the others' have almost surely too,
 * so the caller's next request, to whichever process, finds the session gone. (Sent on the LISTEN connection itself,
 * the echo would come back at once, without that wake-up, and prove nothing.)
 *
 * While the LISTEN connection is not open (not yet, or lost until the reconnect), this process bypasses its cache
 * (`sessionCache.deafen`): notifications sent meanwhile are lost, so nothing cached could be trusted. The connections
 * themselves are a `NotifyChannel` (`platform/notify.ts`). On PGlite (one process) nothing is started.
 */
export class SessionEvents {
  private channel?: NotifyChannel;
  private closed = false;
  private unregister?: () => void;
  /** Tells this process's notifications apart, so an invalidation knows when its own came back. */
  private readonly origin = crypto.randomUUID();
  private sent = 0;
  private readonly echoes = new Map<string, () => void>();
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly logger?: SessionEventsLogger,
  ) {}

  get usesNotify(): boolean {
    return this.database.kind === 'postgres' && Boolean(this.database.url);
  }

  async start(): Promise<void> {
    if (!this.usesNotify) {
      return;
    }
    this.unregister = sessionCache.addSender(() => this.send());
    this.channel = new NotifyChannel({
      url: this.database.url!,
      channel: SESSIONS_CHANNEL,
      applicationName: LISTENER_NAME,
      label: 'session',
      logger: this.logger,
      onMessage: (payload) => {
        sessionCache.clear();
        this.echoes.get(payload)?.();
      },
      // Distrust the cache while notifications may go unheard; start empty once they are heard again.
      onDeaf: () => sessionCache.deafen(this),
      onHearing: () => sessionCache.hearing(this),
    });
    try {
      await this.channel.start();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Tells every process, and waits for our own LISTEN connection to hear it. Never rejects: the change committed. */
  private send(): Promise<void> {
    const payload = `${this.origin}:${++this.sent}`;
    const sending = this.notify(payload).finally(() => {
      this.echoes.delete(payload);
      this.sending.delete(sending);
    });
    this.sending.add(sending);
    return sending;
  }

  private async notify(payload: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const echo = new Promise<void>((resolve) => {
      this.echoes.set(payload, resolve);
      timer = setTimeout(resolve, ECHO_WAIT_MS);
    });
    try {
      await this.channel!.notify([payload]);
      if (this.channel!.isListening) {
        await echo;
      }
    } catch (error) {
      // The connection dropped: the next invalidation opens a new one. Until then the other processes keep what
      // they cached, at most SESSION_CACHE_MS.
      this.logger?.error({ err: error }, 'session NOTIFY failed');
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for the NOTIFYs on their way (should a caller not have awaited one), then ends both connections. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.unregister?.();
    sessionCache.forget(this);
    await Promise.all([...this.sending]);
    await this.channel?.close();
  }
}
