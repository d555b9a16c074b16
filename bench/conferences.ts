/**
 * Conferences on PostgreSQL (issue 7, "Speed"): a conference of 800 bridge points and 70,000 roster entries;
 * sustained check-ins per second from 800 concurrent clients (one per bridge point, each checking its own people in
 * by QR token), and the delay from a check-in to its appearance on the boards of 800 connected SSE viewers.
 *
 *   npx tsx bench/conferences.ts [--bridges 800] [--people 70000] [--viewers 800] [--seconds 20]
 *
 * The server runs in a child process (`lantoa serve` on a database of its own), so the clients' work does not share
 * its event loop; clients talk to it over loopback. Beside the figures, two floors: the server's own check-in statement
 * sent straight to the database (800 logical clients on a pool of 10, the server's pool size), and a bare Fastify
 * route in a child process answering the same number of clients. Of the 800 viewers, `--recorders` (default 100) parse every message
 * and time it; the others read and discard the stream (the server still writes to all 800).
 *
 * `BENCH_CPU_PROF=/some/dir` writes the server process's CPU profile there (open it in Chrome's DevTools).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { openDatabase } from '../server/db/connection';
import { migrate } from '../server/db/migrate';
import { createSession } from '../server/platform/auth/sessions';
import { hashPassword } from '../server/platform/auth/passwords';
import { createUnitsBulk } from '../server/modules/org-units/org-units.service';
import { checkInOne } from '../server/modules/conferences/conferences.repository';
import { SeededRandom, vietnameseName } from '../server/modules/demo/random';
import { freePort } from '../server/test/processes';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const BRIDGES = option('bridges', 800);
const PEOPLE = option('people', 70_000);
const VIEWERS = option('viewers', 800);
const RECORDERS = Math.min(option('recorders', 100), VIEWERS);
const SECONDS = option('seconds', 20);
const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `lantoa_bench_conf_${process.pid}`;
const dbUrl = (() => {
  const url = new URL(SERVER_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
})();

const agent = new http.Agent({ keepAlive: true, maxSockets: 4000 });

function request(
  port: number,
  method: string,
  urlPath: string,
  cookie: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent,
        headers: {
          cookie,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}`);
    }
    try {
      if ((await fetch(url)).ok) {
        return;
      }
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}
const fmt = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);

interface Setup {
  conferenceId: string;
  bridges: { id: string; cookie: string; tokens: string[] }[];
  organiserCookie: string;
}

/** The organisation (a province and 800 communes), the conference, 70,000 people (COPY), one editor per point. */
async function setUp(): Promise<Setup> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const database = await openDatabase({ url: dbUrl, poolSize: 4 });
  await migrate(database.db);
  const db = database.db;
  const [centralId] = await createUnitsBulk(db, [
    { code: 'TW', name: 'Trung ương', kind: 'central', parentId: null, validFrom: '2015-01-01', validTo: null },
  ]);
  const [provinceId] = await createUnitsBulk(db, [
    { code: 'B1', name: 'Tỉnh ủy Thử', kind: 'province', parentId: centralId, validFrom: '2015-01-01', validTo: null },
  ]);
  const communeIds = await createUnitsBulk(
    db,
    Array.from({ length: BRIDGES }, (_, i) => ({
      code: `B1X${i + 1}`,
      name: `Đảng ủy xã Thử ${i + 1}`,
      kind: 'commune' as const,
      parentId: provinceId,
      validFrom: '2015-01-01',
      validTo: null,
    })),
  );
  const conference = await db
    .insertInto('conference')
    .values({
      title: 'Hội nghị trực tuyến toàn quốc (đo tải)',
      campaign_id: null,
      unit_id: provinceId,
      starts_at: new Date(),
      ends_at: new Date(Date.now() + 4 * 3600_000),
      mode: 'online',
      host_place: null,
      meeting_url: null,
      room_name: `bench-${crypto.randomBytes(6).toString('hex')}`,
      minutes: null,
      conclusions: null,
      news_text: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bridgeRows = await db
    .insertInto('conference_bridge')
    .values(
      communeIds.map((unitId) => ({
        conference_id: conference.id,
        unit_id: unitId,
        expected_attendance: Math.ceil(PEOPLE / BRIDGES),
        status: 'connected',
      })),
    )
    .returning(['id', 'unit_id'])
    .execute();

  // 70,000 people by COPY, each with a QR token.
  const random = new SeededRandom('bench-conferences');
  const tokens = new Map<string, string[]>(bridgeRows.map((b) => [b.id, []]));
  const lines: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const bridge = bridgeRows[i % bridgeRows.length];
    const token = crypto.randomBytes(16).toString('base64url');
    tokens.get(bridge.id)!.push(token);
    lines.push(`${bridge.id}\t${vietnameseName(random)}\tĐảng viên\t${token}\t${i}\n`);
  }
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await pipeline(
    Readable.from(lines),
    client.query(copyFrom('copy conference_attendee (bridge_id, full_name, position, token, sort_order) from stdin')),
  );
  await client.end();

  // One editor per bridge point, and an organiser; sessions made directly (no 800 password checks).
  const passwordHash = await hashPassword('mat-khau-do-tai');
  const users = await db
    .insertInto('app_user')
    .values([
      { username: 'organiser', full_name: 'Ban Tổ chức', unit_id: provinceId, password_hash: passwordHash },
      ...communeIds.map((unitId, i) => ({
        username: `bridge${i + 1}`,
        full_name: `Cán bộ điểm cầu ${i + 1}`,
        unit_id: unitId,
        password_hash: passwordHash,
      })),
    ])
    .returning(['id', 'unit_id', 'username'])
    .execute();
  await db
    .insertInto('user_grant')
    .values(
      users.map((u) => ({ user_id: u.id, unit_id: u.unit_id, role: u.username === 'organiser' ? 'viewer' : 'editor' })),
    )
    .execute();
  const policy = { idleHours: 12, maxDays: 7 };
  const cookieOf = async (userId: string) => `lantoa_sid=${(await createSession(db, userId, policy, {})).token}`;
  const organiserCookie = await cookieOf(users[0].id);
  const byUnit = new Map(users.slice(1).map((u) => [u.unit_id, u.id]));
  const bridges: Setup['bridges'] = [];
  for (const bridge of bridgeRows) {
    bridges.push({
      id: bridge.id,
      cookie: await cookieOf(byUnit.get(bridge.unit_id)!),
      tokens: tokens.get(bridge.id)!,
    });
  }
  await sql`analyze`.execute(db);
  await database.close();
  return { conferenceId: conference.id, bridges, organiserCookie };
}

interface Viewer {
  close(): void;
}

/** One SSE viewer; a recorder parses each batch and reports every bridge update with its arrival time. */
function openViewer(
  port: number,
  urlPath: string,
  cookie: string,
  onUpdate: ((bridgeId: string, checkedIn: number, at: number) => void) | null,
  onReady: () => void,
): Viewer {
  let buffer = '';
  const req = http.get(
    { host: '127.0.0.1', port, path: urlPath, agent, headers: { cookie, accept: 'text/event-stream' } },
    (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (!onUpdate) {
          if (buffer !== 'ready' && chunk.includes('event: snapshot')) {
            buffer = 'ready';
            onReady();
          }
          return;
        }
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const at = performance.now();
          if (block.includes('event: snapshot')) {
            onReady();
          } else if (block.includes('event: board')) {
            const data = block.slice(block.indexOf('data: ') + 6);
            for (const update of (JSON.parse(data) as { bridges: { id: string; checkedIn: number }[] }).bridges) {
              onUpdate(update.id, update.checkedIn, at);
            }
          }
        }
      });
      res.on('error', () => undefined);
    },
  );
  req.on('error', () => undefined);
  return { close: () => req.destroy() };
}

async function startChild(script: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, script, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/healthz`, child);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** Runs `clients` loops in parallel for `seconds`; each loop calls `step(i)` until it returns false or time is up. */
async function drive(clients: number, seconds: number, step: (client: number) => Promise<boolean>) {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          if (!(await step(client))) {
            return;
          }
          done++;
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { done, errors, perSecond: done / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function main() {
  console.log(
    `Cấu hình: ${fmt(BRIDGES)} điểm cầu, ${fmt(PEOPLE)} đại biểu, ${fmt(VIEWERS)} người xem bảng theo dõi, ${SECONDS} s mỗi phép đo; ${os.cpus().length} lõi CPU`,
  );
  let t0 = performance.now();
  const setup = await setUp();
  console.log(`Dựng dữ liệu: ${fmt((performance.now() - t0) / 1000)} s`);

  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-bench-conf-'));
  const profileDir = process.env.BENCH_CPU_PROF;
  const server = await startChild(
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'bin/lantoa.js', 'serve'],
    {
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'false',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: 'mat-khau-quan-tri',
      LOG_LEVEL: 'error',
    },
    port,
  );
  const viewers: Viewer[] = [];
  try {
    // 800 viewers on the board.
    const sent = new Map<string, number[]>(setup.bridges.map((b) => [b.id, []]));
    const delays: number[] = [];
    let ready = 0;
    t0 = performance.now();
    for (let v = 0; v < VIEWERS; v++) {
      const isRecorder = v < RECORDERS;
      const perViewerSeen = new Map<string, number>();
      viewers.push(
        openViewer(
          port,
          `/api/v1/conferences/${setup.conferenceId}/events`,
          setup.organiserCookie,
          isRecorder
            ? (bridgeId, checkedIn, at) => {
                const times = sent.get(bridgeId)!;
                for (let k = perViewerSeen.get(bridgeId) ?? 0; k < checkedIn && k < times.length; k++) {
                  delays.push(at - times[k]);
                }
                perViewerSeen.set(bridgeId, Math.max(perViewerSeen.get(bridgeId) ?? 0, checkedIn));
              }
            : null,
          () => ready++,
        ),
      );
    }
    while (ready < VIEWERS && performance.now() - t0 < 120_000) {
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`${fmt(ready)} người xem đã nhận ảnh chụp bảng theo dõi sau ${fmt((performance.now() - t0) / 1000)} s`);

    // Each point's staff open its check-in page first (as they do before the first guest arrives): that sign-in's
    // first request is not a check-in and is not counted.
    t0 = performance.now();
    await Promise.all(
      setup.bridges.map((bridge) =>
        request(port, 'GET', `/api/v1/conferences/${setup.conferenceId}/bridges/${bridge.id}`, bridge.cookie),
      ),
    );
    console.log(
      `${fmt(setup.bridges.length)} điểm cầu đã mở trang điểm danh sau ${fmt((performance.now() - t0) / 1000)} s`,
    );

    // Check-ins: client i is bridge i's staff and checks its own people in, one after another.
    const next = new Array<number>(setup.bridges.length).fill(0);
    let statusErrors = 0;
    const result = await drive(setup.bridges.length, SECONDS, async (i) => {
      const bridge = setup.bridges[i];
      const k = next[i]++;
      if (k >= bridge.tokens.length) {
        return false;
      }
      const response = await request(
        port,
        'POST',
        `/api/v1/conferences/${setup.conferenceId}/bridges/${bridge.id}/check-in`,
        bridge.cookie,
        {
          token: bridge.tokens[k],
        },
      );
      if (response.status !== 200) {
        statusErrors++;
        throw new Error(response.body);
      }
      sent.get(bridge.id)![k] = performance.now();
      return true;
    });
    await new Promise((r) => setTimeout(r, 1500));
    delays.sort((a, b) => a - b);
    console.log('\nĐiểm danh bằng mã QR qua HTTP (800 máy khách đồng thời, mỗi máy một điểm cầu):');
    console.log(
      `  ${fmt(result.perSecond)} lượt/giây (mục tiêu ≥ 500), ${fmt(result.done)} lượt, ${result.errors} lỗi (${statusErrors} mã HTTP khác 200)`,
    );
    console.log(`  thời gian trả lời p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms`);
    console.log(
      `Từ lúc điểm danh xong đến khi hiện trên bảng theo dõi (${fmt(VIEWERS)} người xem, đo ở ${RECORDERS}):`,
    );
    console.log(
      `  p50 ${fmt(percentile(delays, 50))} ms, p95 ${fmt(percentile(delays, 95))} ms (mục tiêu ≤ 1.000), tối đa ${fmt(delays[delays.length - 1] ?? NaN)} ms, ${fmt(delays.length)} mẫu`,
    );
  } finally {
    viewers.forEach((v) => v.close());
    await stopChild(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  // Floor 1: the same check-in statement the server sends (repository function), straight on a pool of 10 (the
  // server's pool size), the same 800 clients: the database's share of a check-in without HTTP, session or JSON.
  const floorDb = await openDatabase({ url: dbUrl, poolSize: 10 });
  await sql`update conference_attendee set checked_in_at = null; update conference_bridge set checked_in_count = 0`.execute(
    floorDb.db,
  );
  const next = new Array<number>(setup.bridges.length).fill(0);
  const floor = await drive(setup.bridges.length, SECONDS, async (i) => {
    const bridge = setup.bridges[i];
    const k = next[i]++;
    if (k >= bridge.tokens.length) {
      return false;
    }
    const row = await checkInOne(
      floorDb.db,
      {
        conferenceId: setup.conferenceId,
        bridgeId: bridge.id,
        match: { token: bridge.tokens[k] },
        canEdit: () => sql`true`,
      },
      { userId: null, requestId: null, ip: null, summarySuffix: ' (mã QR)' },
    );
    if (!row?.is_new) {
      throw new Error('not checked in');
    }
    return true;
  });
  await floorDb.close();
  console.log(
    '\nSàn so sánh 1 — cùng câu lệnh điểm danh của máy chủ (một câu: quyền, điểm danh, bộ đếm, nhật ký) qua pool 10, không HTTP, 800 máy khách:',
  );
  console.log(`  ${fmt(floor.perSecond)} lượt/giây, ${floor.errors} lỗi, p95 ${fmt(floor.p95)} ms`);

  // Floor 2: a bare Fastify route in a child process, the same 800 clients.
  const barePort = await freePort();
  const bareFile = path.join(os.tmpdir(), `lantoa-bare-${process.pid}.mjs`);
  fs.writeFileSync(
    bareFile,
    `import Fastify from '${path.join(ROOT, 'node_modules/fastify/fastify.js')}';
const app = Fastify();
app.get('/healthz', async () => ({ ok: true }));
app.post('/check-in', async (request) => ({ ok: true, token: request.body.token }));
await app.listen({ port: ${barePort}, host: '127.0.0.1' });`,
  );
  const bare = await startChild([bareFile], {}, barePort);
  try {
    const bareResult = await drive(setup.bridges.length, Math.min(SECONDS, 10), async () => {
      const response = await request(barePort, 'POST', '/check-in', '', { token: 'x'.repeat(22) });
      return response.status === 200;
    });
    console.log('Sàn so sánh 2 — một route Fastify trống (không cơ sở dữ liệu), cùng 800 máy khách:');
    console.log(`  ${fmt(bareResult.perSecond)} lượt/giây, p95 ${fmt(bareResult.p95)} ms`);
  } finally {
    await stopChild(bare);
    fs.rmSync(bareFile, { force: true });
  }

  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.end();
  agent.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
