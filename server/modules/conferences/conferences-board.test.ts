import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/harness';
import { startServerProcess } from '../../test/processes';
import { DEFAULT_FLUSH_MS, LISTENER_NAME } from './conferences-events';
import { CONFERENCES, conferenceWorld } from './conferences.fixtures';

// The live board over HTTP: its snapshot and totals, the Server-Sent Events stream and its resumption, and (on
// PostgreSQL) events between server processes. The conference: two cell points, A with a problem and two of its
// three people checked in, B with a head count of 120.

let t: TestContext;
let organiser: Client;
let organiserViewer: Client;
let cellAEditor: Client;
let cellBEditor: Client;
let outsider: Client;
let conferenceId: string;
let bridgeA: string;
let bridgeB: string;

const base = CONFERENCES;

beforeAll(async () => {
  t = await createTestContext();
  ({ organiser, organiserViewer, cellAEditor, cellBEditor, outsider, conferenceId, bridgeA, bridgeB } =
    await conferenceWorld(t));

  const people = `${base}/${conferenceId}/bridges/${bridgeA}/attendees`;
  const ids: string[] = [];
  for (const fullName of ['Nguyễn Thị Hồng Đào', 'Trần Văn Bình', 'Lê Minh Châu']) {
    const added = await cellAEditor.post(people, { fullName, position: 'Đảng viên' });
    expect(added.statusCode).toBe(201);
    ids.push(added.json().id);
  }
  for (const id of ids.slice(0, 2)) {
    expect((await cellAEditor.post(`${people}/${id}/check-in`)).statusCode).toBe(200);
  }
  const a = (await cellAEditor.get(`${base}/${conferenceId}/bridges/${bridgeA}`)).json();
  const problem = await cellAEditor.post(`${base}/${conferenceId}/bridges/${bridgeA}/status`, {
    status: 'problem',
    note: 'Mất tiếng',
    version: a.version,
  });
  expect(problem.statusCode).toBe(200);
  const b = (await cellBEditor.get(`${base}/${conferenceId}/bridges/${bridgeB}`)).json();
  const counted = await cellBEditor.request({
    method: 'PUT',
    url: `${base}/${conferenceId}/bridges/${bridgeB}/head-count`,
    payload: { headCount: 120, version: b.version },
  });
  expect(counted.statusCode).toBe(200);
  // The setup's own board messages go out before any test watches the board.
  await new Promise((resolve) => setTimeout(resolve, 2 * DEFAULT_FLUSH_MS));
});

afterAll(async () => {
  await t?.close();
});

describe('conferences: the live board', () => {
  it('puts problems on top with totals; organiser only', async () => {
    const board = (await organiserViewer.get(`${base}/${conferenceId}/board`)).json();
    expect(board.bridges[0]).toMatchObject({ id: bridgeA, status: 'problem' });
    expect(board.totals).toMatchObject({ bridges: 2, connected: 0, problems: 1, present: 122, checkedIn: 2 });
    expect((await cellAEditor.get(`${base}/${conferenceId}/board`)).statusCode).toBe(403);
    expect((await outsider.get(`${base}/${conferenceId}/board`)).statusCode).toBe(404);
    expect((await cellAEditor.get(`${base}/${conferenceId}/events`)).statusCode).toBe(403);
  });

  it('streams a snapshot, then an event within a second of a write, and resumes with Last-Event-ID', async () => {
    // A real listening server (closed with the context in afterAll).
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    {
      const stream = await openStream(`${address}${base}/${conferenceId}/events`, organiser.cookie!);
      const snapshot = await stream.next('snapshot');
      expect(JSON.parse(snapshot.data).bridges).toHaveLength(2);
      const changed = await cellBEditor.post(`${base}/${conferenceId}/bridges/${bridgeB}/status`, {
        status: 'connected',
        version: (await cellBEditor.get(`${base}/${conferenceId}/bridges/${bridgeB}`)).json().version,
      });
      expect(changed.statusCode).toBe(200);
      const event = await stream.next('board');
      expect(JSON.parse(event.data).bridges).toEqual([expect.objectContaining({ id: bridgeB, status: 'connected' })]);
      stream.close();

      // Reconnect after that event: a later write is replayed, no snapshot.
      const people = (await cellAEditor.get(`${base}/${conferenceId}/bridges/${bridgeA}/attendees`)).json().items;
      const waiting = people.find((p: { checkedInAt: string | null }) => !p.checkedInAt);
      await cellAEditor.post(`${base}/${conferenceId}/bridges/${bridgeA}/attendees/${waiting.id}/check-in`);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const resumed = await openStream(`${address}${base}/${conferenceId}/events`, organiser.cookie!, event.id);
      const replayed = await resumed.next('board');
      expect(JSON.parse(replayed.data).bridges).toEqual([expect.objectContaining({ id: bridgeA, checkedIn: 3 })]);
      resumed.close();
      // An unknown id gets a fresh snapshot.
      const fresh = await openStream(`${address}${base}/${conferenceId}/events`, organiser.cookie!, '999999999');
      expect(JSON.parse((await fresh.next('snapshot')).data).totals.checkedIn).toBe(3);
      fresh.close();
    }
  });
});

describe.runIf(process.env.LANTOA_TEST_DB === 'postgres')('conferences: two server processes on one PostgreSQL', () => {
  it('delivers a write made in this process to a viewer of another process (LISTEN/NOTIFY)', async () => {
    const second = await startServerProcess({
      DATABASE_URL: t.database.url!,
      HOST: '127.0.0.1',
      ADMIN_PASSWORD: 'mat-khau-quan-tri',
      LOG_LEVEL: 'warn',
    });
    try {
      // Sessions live in the database, so the organiser's cookie works on the other process too.
      const stream = await openStream(`${second.url}${base}/${conferenceId}/events`, organiser.cookie!);
      await stream.next('snapshot');
      const current = (await cellAEditor.get(`${base}/${conferenceId}/bridges/${bridgeA}`)).json();
      await cellAEditor.post(`${base}/${conferenceId}/bridges/${bridgeA}/status`, {
        status: 'connected',
        version: current.version,
      });
      const event = await stream.next('board');
      expect(JSON.parse(event.data).bridges).toEqual([expect.objectContaining({ id: bridgeA, status: 'connected' })]);
      stream.close();
    } finally {
      await second.stop();
    }
  });

  it('listens again after losing its LISTEN connection, and has every viewer read its board again', async () => {
    const address = t.app.server.listening
      ? `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`
      : await t.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(`${address}${base}/${conferenceId}/events`, organiser.cookie!);
    await stream.next('snapshot');
    const listeners = () =>
      sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = ${LISTENER_NAME}`.execute(t.database.db);
    expect((await listeners()).rows[0].n).toBeGreaterThan(0);
    // A database restart would do the same: the connection is cut; the process reconnects within seconds.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = ${LISTENER_NAME}`.execute(t.database.db);
    const reload = await stream.next('board', 10_000);
    expect(JSON.parse(reload.data).reload).toBe(true);
    expect((await listeners()).rows[0].n).toBeGreaterThan(0);
    stream.close();
  });
});

interface SseMessage {
  id: string;
  event: string;
  data: string;
}

/** Reads a real SSE stream over HTTP and hands out its messages by event name. */
async function openStream(url: string, cookie: string, lastEventId?: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { cookie, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const messages: SseMessage[] = [];
  const pump = async (): Promise<void> => {
    const { value, done } = await reader.read();
    if (done) {
      throw new Error('stream ended');
    }
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = { id: '', event: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) {
          message.id = line.slice(4);
        } else if (line.startsWith('event: ')) {
          message.event = line.slice(7);
        } else if (line.startsWith('data: ')) {
          message.data += line.slice(6);
        }
      }
      if (message.data) {
        messages.push(message);
      }
    }
  };
  return {
    async next(event: string, timeoutMs = 5000): Promise<SseMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = messages.findIndex((m) => m.event === event);
        if (index >= 0) {
          return messages.splice(index, 1)[0];
        }
        if (Date.now() > deadline) {
          throw new Error(`no ${event} event`);
        }
        await pump();
      }
    },
    close: () => controller.abort(),
  };
}
