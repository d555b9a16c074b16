import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection';
import { ConferenceHub, type BridgeUpdate } from './conferences-events';

// The hub on its own (no database: a PGlite-kind handle never LISTENs), with screens that apply what they receive
// the way the web's board does ({ ...known, ...update }), to check that every screen ends on the newest state of
// every point while messages carry only what changed.

const FLUSH_MS = 20;
const CONFERENCE = 'c1';
const hubs: ConferenceHub[] = [];

afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

function newHub() {
  const hub = new ConferenceHub({ kind: 'pglite' } as Database, undefined, FLUSH_MS);
  hubs.push(hub);
  return hub;
}

const point = (id: string, fields: Partial<BridgeUpdate> = {}): BridgeUpdate => ({
  id,
  place: null,
  status: 'connected',
  statusAt: '2026-11-29T01:00:00.000Z',
  problemNote: null,
  expected: 80,
  checkedIn: 0,
  headCount: null,
  present: 0,
  version: 1,
  ...fields,
});

interface Message {
  id: string;
  event: string;
  data: { bridges: Partial<BridgeUpdate>[]; reload?: boolean } & Record<string, unknown>;
}

/** A viewer's connection: parses what the hub writes and keeps the board it would show. */
function screen() {
  const messages: Message[] = [];
  const board = new Map<string, Partial<BridgeUpdate>>();
  const res = {
    writableEnded: false,
    write(chunk: string | Buffer) {
      for (const block of String(chunk)
        .split('\n\n')
        .filter((b) => b.includes('data: '))) {
        const lines = block.split('\n');
        const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
        const message = { id: field('id'), event: field('event'), data: JSON.parse(field('data')) } as Message;
        messages.push(message);
        for (const update of message.data.bridges) {
          board.set(update.id!, { ...board.get(update.id!), ...update });
        }
      }
      return true;
    },
    end() {
      this.writableEnded = true;
    },
  };
  return { res: res as unknown as ServerResponse, messages, board };
}

const flushed = () => new Promise((resolve) => setTimeout(resolve, FLUSH_MS * 3));

describe('ConferenceHub', () => {
  it('sends a point in full the first time, then only the fields that moved', async () => {
    const hub = newHub();
    const viewer = screen();
    hub.subscribe(CONFERENCE, viewer.res).ready([]);
    hub.committed([{ conferenceId: CONFERENCE, seq: 1, bridge: point('a') }]);
    await flushed();
    expect(viewer.messages.at(-1)!.data.bridges).toEqual([point('a')]);

    hub.committed([{ conferenceId: CONFERENCE, seq: 2, bridge: point('a', { checkedIn: 1, present: 1 }) }]);
    hub.committed([{ conferenceId: CONFERENCE, seq: 3, bridge: point('a', { checkedIn: 2, present: 2 }) }]);
    await flushed();
    expect(viewer.messages.at(-1)!.data.bridges).toEqual([{ id: 'a', checkedIn: 2, present: 2 }]);
    expect(viewer.messages.at(-1)!.id).toMatch(/^3-/);
    expect(viewer.board.get('a')).toEqual(point('a', { checkedIn: 2, present: 2 }));
  });

  it('keeps the newest state when events arrive out of order, and sends a field that moved and came back', async () => {
    const hub = newHub();
    const viewer = screen();
    hub.subscribe(CONFERENCE, viewer.res).ready([]);
    hub.committed([{ conferenceId: CONFERENCE, seq: 1, bridge: point('a') }]);
    await flushed();
    // 3 (connected again, 5 people) arrives before 2 (a problem): the board ends on 3, and `status` is sent because
    // a screen whose snapshot was read between 2 and 3 shows the problem.
    hub.committed([
      { conferenceId: CONFERENCE, seq: 3, bridge: point('a', { checkedIn: 5, present: 5, version: 3 }) },
      { conferenceId: CONFERENCE, seq: 2, bridge: point('a', { status: 'problem', version: 2 }) },
    ]);
    await flushed();
    expect(viewer.messages.at(-1)!.data.bridges).toEqual([
      { id: 'a', status: 'connected', checkedIn: 5, present: 5, version: 3 },
    ]);
    // An event older than what the screens show changes nothing and sends nothing.
    const count = viewer.messages.length;
    hub.committed([{ conferenceId: CONFERENCE, seq: 2, bridge: point('a', { status: 'problem', version: 2 }) }]);
    await flushed();
    expect(viewer.messages).toHaveLength(count);
    expect(viewer.board.get('a')).toEqual(point('a', { checkedIn: 5, present: 5, version: 3 }));
  });

  it('catches a viewer up in full on the points changed while its snapshot was read', async () => {
    const hub = newHub();
    const early = screen();
    hub.subscribe(CONFERENCE, early.res).ready([]);
    hub.committed([{ conferenceId: CONFERENCE, seq: 1, bridge: point('a', { checkedIn: 1, present: 1 }) }]);
    await flushed();

    // A viewer subscribes; while its snapshot is read, point a moves on (a message the viewer would get as a diff).
    const late = screen();
    const subscription = hub.subscribe(CONFERENCE, late.res);
    hub.committed([{ conferenceId: CONFERENCE, seq: 2, bridge: point('a', { checkedIn: 2, present: 2, version: 2 }) }]);
    await flushed();
    // Its snapshot was read before that change: older than the message it missed.
    const snapshot = { bridges: [point('a', { checkedIn: 1, present: 1 })] };
    subscription.ready([`id: ${hub.lastId(CONFERENCE)}\nevent: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`]);
    const catchUp = late.messages.at(-1)!;
    expect(catchUp.event).toBe('board');
    expect(catchUp.data.bridges).toEqual([point('a', { checkedIn: 2, present: 2, version: 2 })]);
    expect(late.board.get('a')).toEqual(early.board.get('a'));

    // From then on both screens receive the same changes and agree.
    hub.committed([
      {
        conferenceId: CONFERENCE,
        seq: 3,
        bridge: point('a', { status: 'problem', checkedIn: 2, present: 2, version: 3 }),
      },
    ]);
    await flushed();
    expect(late.board.get('a')).toEqual(early.board.get('a'));
    expect(early.board.get('a')).toMatchObject({ status: 'problem', checkedIn: 2 });
  });

  it('resumes from its own history only: an id of another process or an old one gets a snapshot', async () => {
    const hub = newHub();
    const other = newHub();
    const viewer = screen();
    hub.subscribe(CONFERENCE, viewer.res).ready([]);
    expect(hub.replayAfter(CONFERENCE, hub.lastId(CONFERENCE))).toEqual([]);
    hub.committed([{ conferenceId: CONFERENCE, seq: 1, bridge: point('a') }]);
    await flushed();
    const first = viewer.messages.at(-1)!.id;
    hub.committed([{ conferenceId: CONFERENCE, seq: 2, bridge: point('a', { checkedIn: 1, present: 1 }) }]);
    await flushed();
    const replay = hub.replayAfter(CONFERENCE, first)!;
    expect(replay.map((m) => String(m))).toEqual([expect.stringContaining('"checkedIn":1')]);
    // The other process sent a message with the same event number; its id still differs.
    other.committed([{ conferenceId: CONFERENCE, seq: 1, bridge: point('a') }]);
    await flushed();
    expect(other.lastId(CONFERENCE)).not.toBe(first);
    expect(hub.replayAfter(CONFERENCE, other.lastId(CONFERENCE))).toBeUndefined();
    expect(hub.replayAfter(CONFERENCE, '999999999')).toBeUndefined();
    // A screen built before any message (id 0-…) is built again once messages exist.
    expect(hub.replayAfter(CONFERENCE, `0-${first.split('-')[1]}`)).toBeUndefined();
  });
});
