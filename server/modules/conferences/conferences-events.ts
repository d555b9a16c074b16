import type { ServerResponse } from 'node:http';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { BoardBridge } from '../../../common/conferences';
import type { Database, DbOrTrx } from '../../db/connection';

/** What changed on one bridge point: its board row without the unit's name (the viewer already has it). */
export type BridgeUpdate = Omit<BoardBridge, 'unitId' | 'unitCode' | 'unitName'>;

/**
 * A change on a conference's board. `bridge` for a point whose status or counts moved; `reload` when points were
 * invited or removed (viewers fetch the board again).
 */
export interface BoardEvent {
  conferenceId: string;
  seq: number;
  bridge?: BridgeUpdate;
  reload?: boolean;
}

export const NOTIFY_CHANNEL = 'lantoa_conference';
/** Events of one conference are gathered this long and sent as one message, so a burst stays one repaint. */
export const DEFAULT_FLUSH_MS = 200;
const HISTORY_SIZE = 300;
const PUBLISH_GATHER_MS = 50;
/** NOTIFY payloads stop at 8,000 bytes; this leaves room for the envelope. */
const NOTIFY_BUDGET = 7_500;
const HEARTBEAT_MS = 15_000;

interface Viewer {
  res: ServerResponse;
  /** Messages that arrived while the snapshot was being read; written after it. */
  queue: string[] | null;
}

interface Pending {
  bridges: Map<string, { update: BridgeUpdate; seq: number }>;
  reload: boolean;
  seq: number;
  timer: NodeJS.Timeout;
}

export interface HubLogger {
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/**
 * Fans board events out to this process's Server-Sent Events viewers.
 *
 * A write stages its events in its own transaction (each takes an id from one sequence, so a viewer reconnecting to
 * any process with Last-Event-ID resumes, or gets a fresh snapshot when that id is no longer in this process's recent
 * history). Once the transaction committed, the events reach this process's viewers directly and, on PostgreSQL,
 * the other processes through `NOTIFY` on one dedicated connection, batched: whatever committed while the previous
 * NOTIFY was on its way goes in the next one.
 *
 * Why not `pg_notify` inside the writing transaction, which would tie the event to the commit: PostgreSQL takes one
 * database-wide lock for every transaction that notifies and holds it through the commit's WAL flush, so every
 * check-in would commit one after another (measured: ~200 commits/s with NOTIFY against ~1,000 without, same
 * statements, pool of 10). The price: if this process dies between a commit and its NOTIFY, the viewers of the other
 * processes miss that change until their next snapshot (a reconnect, or the next change of the same point, which
 * carries its full state).
 */
export class ConferenceHub {
  private readonly viewers = new Map<string, Set<Viewer>>();
  private readonly pending = new Map<string, Pending>();
  private readonly history = new Map<string, { id: number; message: string }[]>();
  private readonly loads = new Map<string, { running?: Promise<unknown>; pending?: Promise<unknown> }>();
  private listener?: pg.Client;
  private heartbeat?: NodeJS.Timeout;
  private closed = false;
  /** Tells this process's own notifications from the others' (it hears them too, and delivered them already). */
  private readonly origin = crypto.randomUUID();
  private publisher?: Promise<pg.Client>;
  private outbox: BoardEvent[] = [];
  private publishing?: Promise<void>;

  constructor(
    private readonly database: Database,
    private readonly logger?: HubLogger,
    private readonly flushMs = DEFAULT_FLUSH_MS,
  ) {}

  get usesNotify(): boolean {
    return this.database.kind === 'postgres' && Boolean(this.database.url);
  }

  async start(): Promise<void> {
    this.heartbeat = setInterval(() => this.writeAll(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
    if (this.usesNotify) {
      await this.listen();
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url });
    client.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNEL && message.payload) {
        try {
          const batch = JSON.parse(message.payload) as { origin: string; events: BoardEvent[] };
          if (batch.origin !== this.origin) {
            batch.events.forEach((event) => this.receive(event));
          }
        } catch (error) {
          this.logger?.warn({ err: error }, 'conference event not understood');
        }
      }
    });
    client.on('error', (error) => {
      // The LISTEN connection dropped (server restart): viewers get a reload, and we listen again.
      this.logger?.error({ err: error }, 'conference LISTEN connection lost; reconnecting');
      this.listener = undefined;
      if (!this.closed) {
        setTimeout(() => {
          this.listen()
            .then(() => this.reloadEveryone())
            .catch((err: unknown) => this.logger?.error({ err }, 'conference LISTEN reconnect failed'));
        }, 1000).unref();
      }
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.listener = client;
  }

  /** Gives the events their ids, in the writing transaction (after its row locks, so a later id is a later state). */
  async stage(trx: DbOrTrx, events: Omit<BoardEvent, 'seq'>[]): Promise<BoardEvent[]> {
    if (events.length === 0) {
      return [];
    }
    const rows = await sql<{ seq: number }>`
      select nextval('conference_event_seq')::int as seq from generate_series(1, ${events.length})`.execute(trx);
    return events.map((event, i) => ({ ...event, seq: rows.rows[i].seq }));
  }

  /** After commit: to this process's viewers now, and on PostgreSQL to the other processes' with the next NOTIFY. */
  committed(events: BoardEvent[]): void {
    events.forEach((event) => this.receive(event));
    if (this.usesNotify && events.length > 0 && !this.closed) {
      this.outbox.push(...events);
      this.publishing ??= this.publish().finally(() => (this.publishing = undefined));
    }
  }

  /** Sends the outbox in as few NOTIFYs as fit PostgreSQL's 8,000-byte payload, one statement, until it is empty. */
  private async publish(): Promise<void> {
    while (this.outbox.length > 0) {
      // Gather a little first: each NOTIFY is a write to the socket, and a check-in morning commits hundreds a second.
      if (!this.closed) {
        await new Promise((resolve) => setTimeout(resolve, PUBLISH_GATHER_MS));
      }
      const events = this.outbox;
      this.outbox = [];
      const payloads: string[] = [];
      let batch: string[] = [];
      let size = 0;
      for (const event of events) {
        const json = JSON.stringify(event);
        const bytes = Buffer.byteLength(json) + 1;
        if (batch.length > 0 && size + bytes > NOTIFY_BUDGET) {
          payloads.push(this.payloadOf(batch));
          batch = [];
          size = 0;
        }
        batch.push(json);
        size += bytes;
      }
      payloads.push(this.payloadOf(batch));
      try {
        this.publisher ??= this.connectPublisher();
        const client = await this.publisher;
        await client.query('select pg_notify($1, p) from unnest($2::text[]) p', [NOTIFY_CHANNEL, payloads]);
      } catch (error) {
        // The connection dropped: the next batch opens a new one. These events reach the other processes' viewers
        // with the point's next change or their next snapshot.
        this.logger?.error({ err: error }, 'conference NOTIFY failed');
        this.publisher = undefined;
      }
    }
  }

  private payloadOf(events: string[]): string {
    return `{"origin":${JSON.stringify(this.origin)},"events":[${events.join(',')}]}`;
  }

  private async connectPublisher(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.database.url });
    client.on('error', (error) => {
      this.logger?.error({ err: error }, 'conference NOTIFY connection lost');
      this.publisher = undefined;
    });
    await client.connect();
    return client;
  }

  private receive(event: BoardEvent): void {
    let pending = this.pending.get(event.conferenceId);
    if (!pending) {
      const timer = setTimeout(() => this.flush(event.conferenceId), this.flushMs);
      pending = { bridges: new Map(), reload: false, seq: 0, timer };
      this.pending.set(event.conferenceId, pending);
    }
    pending.seq = Math.max(pending.seq, event.seq);
    if (event.reload) {
      pending.reload = true;
    }
    if (event.bridge) {
      const known = pending.bridges.get(event.bridge.id);
      // Notifications may arrive out of order: keep the newest state of the point. Writes to one point are
      // serialised by its row lock and take their id after it, so a later id is a later state.
      if (!known || known.seq <= event.seq) {
        pending.bridges.set(event.bridge.id, { update: event.bridge, seq: event.seq });
      }
    }
  }

  private flush(conferenceId: string): void {
    const pending = this.pending.get(conferenceId);
    this.pending.delete(conferenceId);
    if (!pending) {
      return;
    }
    const data = JSON.stringify({
      bridges: [...pending.bridges.values()].map((b) => b.update),
      reload: pending.reload,
    });
    const message = `id: ${pending.seq}\nevent: board\ndata: ${data}\n\n`;
    const history = this.history.get(conferenceId) ?? [];
    history.push({ id: pending.seq, message });
    if (history.length > HISTORY_SIZE) {
      history.splice(0, history.length - HISTORY_SIZE);
    }
    this.history.set(conferenceId, history);
    for (const viewer of this.viewers.get(conferenceId) ?? []) {
      this.write(viewer, message);
    }
  }

  /** The id of the last message sent for the conference here, 0 before any. */
  lastId(conferenceId: string): number {
    const history = this.history.get(conferenceId);
    return history?.length ? history[history.length - 1].id : 0;
  }

  /** The messages after `lastId`, or undefined when this process cannot tell (then send a snapshot). */
  replayAfter(conferenceId: string, lastId: number): string[] | undefined {
    const history = this.history.get(conferenceId) ?? [];
    const index = history.findIndex((entry) => entry.id === lastId);
    if (index < 0) {
      return lastId === 0 && history.length === 0 ? [] : undefined;
    }
    return history.slice(index + 1).map((entry) => entry.message);
  }

  /** Registers a viewer whose first message (snapshot or replay) is still being prepared. */
  subscribe(conferenceId: string, res: ServerResponse): { ready(first: string[]): void; close(): void } {
    const viewer: Viewer = { res, queue: [] };
    const set = this.viewers.get(conferenceId) ?? new Set<Viewer>();
    set.add(viewer);
    this.viewers.set(conferenceId, set);
    return {
      ready: (first) => {
        const queued = viewer.queue ?? [];
        viewer.queue = null;
        for (const message of [...first, ...queued]) {
          this.write(viewer, message);
        }
      },
      close: () => {
        set.delete(viewer);
        if (set.size === 0) {
          this.viewers.delete(conferenceId);
        }
      },
    };
  }

  viewerCount(conferenceId?: string): number {
    if (conferenceId) {
      return this.viewers.get(conferenceId)?.size ?? 0;
    }
    let n = 0;
    this.viewers.forEach((set) => (n += set.size));
    return n;
  }

  private write(viewer: Viewer, message: string): void {
    if (viewer.queue) {
      viewer.queue.push(message);
    } else if (!viewer.res.writableEnded) {
      viewer.res.write(message);
    }
  }

  private writeAll(message: string): void {
    this.viewers.forEach((set) => set.forEach((viewer) => this.write(viewer, message)));
  }

  private reloadEveryone(): void {
    this.viewers.forEach((_set, conferenceId) =>
      this.receive({ conferenceId, seq: this.lastId(conferenceId), reload: true }),
    );
  }

  /**
   * Callers of the same `key` share one `load` (a board read when hundreds of viewers reconnect at once). A caller
   * joins the next load that has not started yet — never one already running, whose snapshot may predate the
   * caller's subscription — and that load starts once the running one is done: at most two per key.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    const slot = this.loads.get(key) ?? {};
    this.loads.set(key, slot);
    if (slot.pending) {
      return slot.pending as Promise<T>;
    }
    const pending: Promise<T> = (slot.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => {
        if (slot.pending === pending) {
          slot.pending = undefined;
        }
        const running = load();
        slot.running = running;
        void running
          .catch(() => undefined)
          .finally(() => {
            if (slot.running === running) {
              slot.running = undefined;
            }
            if (!slot.running && !slot.pending) {
              this.loads.delete(key);
            }
          });
        return running;
      });
    slot.pending = pending;
    return pending;
  }

  /** Ends every stream (so the server can close) and the LISTEN connection. */
  async close(): Promise<void> {
    this.closed = true;
    // What committed before the close still goes out (the CLI's roster import closes right after its write).
    await this.publishing;
    const publisher = this.publisher;
    this.publisher = undefined;
    if (publisher) {
      await publisher.then((client) => client.end()).catch(() => undefined);
    }
    clearInterval(this.heartbeat);
    this.pending.forEach((pending) => clearTimeout(pending.timer));
    this.pending.clear();
    this.viewers.forEach((set) => set.forEach((viewer) => viewer.res.end()));
    this.viewers.clear();
    const listener = this.listener;
    this.listener = undefined;
    if (listener) {
      listener.removeAllListeners('error');
      listener.on('error', () => undefined);
      await listener.end().catch(() => undefined);
    }
  }
}
