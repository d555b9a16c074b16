import crypto from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../db/connection';
import { sessionCache } from './session-cache';

export const SESSIONS_CHANNEL = 'lantoa_sessions';
/** The LISTEN connection's application_name, so an operator (and the test) can tell it in pg_stat_activity. */
export const LISTENER_NAME = 'lantoa-sessions';
const RECONNECT_MS = 1000;
/** How long an invalidation waits for its own notification to come back before answering anyway. */
const ECHO_WAIT_MS = 250;

export interface SessionEventsLogger {
  error(obj: unknown, msg?: string): void;
}

/**
 * Carries session invalidations between the server processes of one PostgreSQL database, in the shape of
 * `ConferenceHub`: every process LISTENs on one dedicated connection and clears its session cache when a
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
 * (`sessionCache.deafen`): notifications sent meanwhile are lost, so nothing cached could be trusted. On PGlite (one
 * process) nothing is started.
 */
export class SessionEvents {
  private listener?: pg.Client;
  private publisher?: Promise<pg.Client>;
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
    sessionCache.deafen(this);
    this.unregister = sessionCache.addSender(() => this.send());
    try {
      await this.listen();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url, application_name: LISTENER_NAME });
    client.on('notification', (message) => {
      if (message.channel === SESSIONS_CHANNEL) {
        sessionCache.clear();
        this.echoes.get(message.payload ?? '')?.();
      }
    });
    client.on('error', (error) => this.lost(client, error));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    sessionCache.hearing(this);
  }

  /** The LISTEN connection dropped (a database restart): distrust the cache until we listen again. */
  private lost(client: pg.Client, error: Error): void {
    if (this.listener !== client) {
      // An attempt that never listened (its `listen()` fails, and its caller retries) or one already closed.
      return;
    }
    this.logger?.error({ err: error }, 'session LISTEN connection lost; reconnecting');
    this.listener = undefined;
    sessionCache.deafen(this);
    client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed) {
      return;
    }
    setTimeout(() => {
      this.listen().catch((err: unknown) => {
        this.logger?.error({ err }, 'session LISTEN reconnect failed');
        this.reconnectLater();
      });
    }, RECONNECT_MS).unref();
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
      this.publisher ??= this.connectPublisher();
      const client = await this.publisher;
      await client.query('select pg_notify($1, $2)', [SESSIONS_CHANNEL, payload]);
      if (this.listener) {
        await echo;
      }
    } catch (error) {
      // The connection dropped: the next invalidation opens a new one. Until then the other processes keep what
      // they cached, at most SESSION_CACHE_MS.
      this.logger?.error({ err: error }, 'session NOTIFY failed');
      this.publisher = undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private async connectPublisher(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.database.url });
    client.on('error', (error) => {
      this.logger?.error({ err: error }, 'session NOTIFY connection lost');
      this.publisher = undefined;
    });
    await client.connect();
    return client;
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
    const publisher = this.publisher;
    this.publisher = undefined;
    await publisher?.then((client) => client.end()).catch(() => undefined);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }
}
