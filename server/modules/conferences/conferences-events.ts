import type { ServerResponse } from 'node:http';
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
 * A write stages its events in its own transaction: on PostgreSQL `pg_notify` (delivered at commit, to every process
 * listening, this one included, through one dedicated LISTEN connection per process); on the embedded PGlite (one
 * process) they are delivered in process once the transaction committed. Each event takes an id from one sequence,
 * so a viewer reconnecting to any process with Last-Event-ID resumes, or gets a fresh snapshot when that id is no
 * longer in this process's recent history.
 */
export class ConferenceHub {
  private readonly viewers = new Map<string, Set<Viewer>>();
  private readonly pending = new Map<string, Pending>();
  private readonly history = new Map<string, { id: number; message: string }[]>();
  private listener?: pg.Client;
  private heartbeat?: NodeJS.Timeout;
  private closed = false;

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
          this.receive(JSON.parse(message.payload) as BoardEvent);
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

  /** Gives the events their ids and, on PostgreSQL, queues the notifications in the writing transaction. */
  async stage(trx: DbOrTrx, events: Omit<BoardEvent, 'seq'>[]): Promise<BoardEvent[]> {
    if (events.length === 0) {
      return [];
    }
    if (this.usesNotify) {
      const rows = await sql<{ seq: number }>`
        select e.seq, pg_notify(${NOTIFY_CHANNEL}, (e.event::jsonb || jsonb_build_object('seq', e.seq))::text)
        from (select nextval('conference_event_seq')::int as seq, event
              from jsonb_array_elements(${JSON.stringify(events)}::jsonb) as event) e`.execute(trx);
      return events.map((event, i) => ({ ...event, seq: rows.rows[i].seq }));
    }
    const rows = await sql<{ seq: number }>`
      select nextval('conference_event_seq')::int as seq from generate_series(1, ${events.length})`.execute(trx);
    return events.map((event, i) => ({ ...event, seq: rows.rows[i].seq }));
  }

  /** After commit: on PGlite, deliver here (on PostgreSQL the notification does). */
  committed(events: BoardEvent[]): void {
    if (!this.usesNotify) {
      events.forEach((event) => this.receive(event));
    }
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

  /** Ends every stream (so the server can close) and the LISTEN connection. */
  async close(): Promise<void> {
    this.closed = true;
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
