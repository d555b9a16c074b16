import type { ServerResponse } from 'node:http';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { BoardBridge } from '../../../common/conferences';
import type { Database, DbOrTrx } from '../../db/connection';
import { NotifyChannel } from '../../platform/notify';

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
/** The LISTEN connection's application_name (pg_stat_activity). */
export const LISTENER_NAME = 'lantoa-conferences';
/** Events of one conference are gathered this long and sent as one message, so a burst stays one repaint. */
export const DEFAULT_FLUSH_MS = 200;
const HISTORY_SIZE = 300;
const PUBLISH_GATHER_MS = 50;
/** NOTIFY payloads stop at 8,000 bytes; this leaves room for the envelope. */
const NOTIFY_BUDGET = 7_500;
const HEARTBEAT_MS = 15_000;

type Field = Exclude<keyof BridgeUpdate, 'id'>;

/** The fields in which two states of a point differ (read off the states, so a field added to the board is sent too). */
function changedFields(before: BridgeUpdate, after: BridgeUpdate): Field[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof BridgeUpdate>;
  fields.delete('id');
  return [...(fields as Set<Field>)].filter((field) => before[field] !== after[field]);
}

/** One message as sent: its id, its text (encoded once for every viewer) and the points it changed. */
interface Sent {
  id: string;
  seq: number;
  message: Buffer;
  bridges: string[];
  reload: boolean;
}

interface Viewer {
  res: ServerResponse;
  /** Messages sent while the viewer's snapshot was being read; their points are caught up after it. */
  queue: Sent[] | null;
}

/** A point's newest state in the current gathering, and which fields moved since the viewers' last message. */
interface PendingBridge {
  state: BridgeUpdate;
  seq: number;
  changed: Set<Field> | 'all';
}

interface Pending {
  bridges: Map<string, PendingBridge>;
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
  private readonly history = new Map<string, Sent[]>();
  /** Per conference, each point's state as this process's viewers last received it, with its event id. */
  private readonly shown = new Map<string, Map<string, { state: BridgeUpdate; seq: number }>>();
  private readonly loads = new Map<string, { running?: Promise<unknown>; pending?: Promise<unknown> }>();
  private channel?: NotifyChannel;
  private heartbeat?: NodeJS.Timeout;
  private closed = false;
  /** Tells this process's own notifications from the others' (it hears them too, and delivered them already). */
  private readonly origin = crypto.randomUUID();
  /** Ends every message id, so a viewer resumes from this process's history only (ids of two processes may meet). */
  private readonly tag = this.origin.slice(0, 8);
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
    if (!this.usesNotify) {
      return;
    }
    let heardBefore = false;
    this.channel = new NotifyChannel({
      url: this.database.url!,
      channel: NOTIFY_CHANNEL,
      applicationName: LISTENER_NAME,
      label: 'conference',
      logger: this.logger,
      onMessage: (payload) => {
        try {
          const batch = JSON.parse(payload) as { origin: string; events: BoardEvent[] };
          if (batch.origin !== this.origin) {
            batch.events.forEach((event) => this.receive(event));
          }
        } catch (error) {
          this.logger?.warn({ err: error }, 'conference event not understood');
        }
      },
      // Listening again after a loss: what was missed is unknown, so every viewer reads its board again.
      onHearing: () => {
        if (heardBefore) {
          this.reloadEveryone();
        }
        heardBefore = true;
      },
    });
    await this.channel.start();
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
        await this.channel!.notify(payloads);
      } catch (error) {
        // The connection dropped: the next batch opens a new one. These events reach the other processes' viewers
        // with their next snapshot.
        this.logger?.error({ err: error }, 'conference NOTIFY failed');
      }
    }
  }

  private payloadOf(events: string[]): string {
    return `{"origin":${JSON.stringify(this.origin)},"events":[${events.join(',')}]}`;
  }

  /**
   * Gathers an event into the conference's next message. A viewer already holds every point as this process last
   * sent it, so the message carries only the fields that moved: each change is compared with the point's newest
   * state so far, and a field that differed at any step is sent (a viewer whose snapshot caught a state in between
   * is then corrected too). Events may arrive out of order (NOTIFY batches from other processes): the newest state
   * wins, and one older than what the viewers already have is dropped.
   */
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
    const update = event.bridge;
    if (!update) {
      return;
    }
    const shown = this.shown.get(event.conferenceId)?.get(update.id);
    if (shown && event.seq <= shown.seq) {
      return;
    }
    const known = pending.bridges.get(update.id);
    if (!known) {
      pending.bridges.set(update.id, {
        state: update,
        seq: event.seq,
        changed: shown ? new Set(changedFields(shown.state, update)) : 'all',
      });
      return;
    }
    if (known.changed !== 'all') {
      for (const field of changedFields(known.state, update)) {
        known.changed.add(field);
      }
    }
    // Writes to one point are serialised by its row lock and take their id after it: a later id is a later state.
    if (event.seq >= known.seq) {
      known.state = update;
      known.seq = event.seq;
    }
  }

  private flush(conferenceId: string): void {
    const pending = this.pending.get(conferenceId);
    this.pending.delete(conferenceId);
    if (!pending) {
      return;
    }
    let shown = this.shown.get(conferenceId);
    if (!shown) {
      shown = new Map();
      this.shown.set(conferenceId, shown);
    }
    const updates: Partial<BridgeUpdate>[] = [];
    for (const [id, bridge] of pending.bridges) {
      shown.set(id, { state: bridge.state, seq: bridge.seq });
      if (bridge.changed === 'all') {
        updates.push(bridge.state);
      } else if (bridge.changed.size > 0) {
        const update: Partial<BridgeUpdate> = { id };
        bridge.changed.forEach((field) => Object.assign(update, { [field]: bridge.state[field] }));
        updates.push(update);
      }
    }
    if (updates.length === 0 && !pending.reload) {
      return;
    }
    const id = `${pending.seq}-${this.tag}`;
    const data = JSON.stringify({ bridges: updates, reload: pending.reload });
    const sent: Sent = {
      id,
      seq: pending.seq,
      reload: pending.reload,
      message: Buffer.from(`id: ${id}\nevent: board\ndata: ${data}\n\n`),
      bridges: [...pending.bridges.keys()],
    };
    const history = this.history.get(conferenceId) ?? [];
    history.push(sent);
    if (history.length > HISTORY_SIZE) {
      history.splice(0, history.length - HISTORY_SIZE);
    }
    this.history.set(conferenceId, history);
    for (const viewer of this.viewers.get(conferenceId) ?? []) {
      if (viewer.queue) {
        viewer.queue.push(sent);
      } else {
        this.write(viewer, sent.message);
      }
    }
  }

  /** The id of the last message sent for the conference here (`0-<process>` before any). */
  lastId(conferenceId: string): string {
    const history = this.history.get(conferenceId);
    return history?.length ? history[history.length - 1].id : `0-${this.tag}`;
  }

  /**
   * The messages after `lastId`, or undefined when this process cannot tell (then send a snapshot): an id of another
   * process, or one no longer in the recent history. Messages carry changes only, so a viewer resumes only from the
   * history its screen was built from.
   */
  replayAfter(conferenceId: string, lastId: string): Buffer[] | undefined {
    const history = this.history.get(conferenceId) ?? [];
    if (lastId === `0-${this.tag}`) {
      return history.length === 0 ? [] : undefined;
    }
    const index = history.findIndex((entry) => entry.id === lastId);
    return index < 0 ? undefined : history.slice(index + 1).map((entry) => entry.message);
  }

  /**
   * Registers a viewer whose first message (snapshot or replay) is still being prepared. Messages sent meanwhile
   * may be older or newer than that snapshot; after it, the viewer gets the points they touched in full, as this
   * process last sent them, so its screen matches every other viewer's from then on.
   */
  subscribe(conferenceId: string, res: ServerResponse): { ready(first: (string | Buffer)[]): void; close(): void } {
    const viewer: Viewer = { res, queue: [] };
    const set = this.viewers.get(conferenceId) ?? new Set<Viewer>();
    set.add(viewer);
    this.viewers.set(conferenceId, set);
    return {
      ready: (first) => {
        const queued = viewer.queue ?? [];
        viewer.queue = null;
        for (const message of first) {
          this.write(viewer, message);
        }
        if (queued.length > 0) {
          const shown = this.shown.get(conferenceId);
          const touched = new Set(queued.flatMap((sent) => sent.bridges));
          const bridges = [...touched].flatMap((id) => {
            const state = shown?.get(id)?.state;
            return state ? [state] : [];
          });
          const reload = queued.some((sent) => sent.reload);
          const id = queued[queued.length - 1].id;
          this.write(viewer, `id: ${id}\nevent: board\ndata: ${JSON.stringify({ bridges, reload })}\n\n`);
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

  private write(viewer: Viewer, message: string | Buffer): void {
    if (!viewer.res.writableEnded) {
      viewer.res.write(message);
    }
  }

  private writeAll(message: string): void {
    // A viewer still waiting for its snapshot gets its first message first; a heartbeat can wait.
    for (const set of this.viewers.values()) {
      for (const viewer of set) {
        if (!viewer.queue) {
          this.write(viewer, message);
        }
      }
    }
  }

  private reloadEveryone(): void {
    this.viewers.forEach((_set, conferenceId) =>
      this.receive({ conferenceId, seq: this.history.get(conferenceId)?.at(-1)?.seq ?? 0, reload: true }),
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
    await this.channel?.close();
    clearInterval(this.heartbeat);
    this.pending.forEach((pending) => clearTimeout(pending.timer));
    this.pending.clear();
    this.viewers.forEach((set) => set.forEach((viewer) => viewer.res.end()));
    this.viewers.clear();
  }
}
