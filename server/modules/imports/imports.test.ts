import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, signedIn } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { multipartFile } from '../../test/multipart';
import { csvFile } from '../../test/spreadsheets';

const IMPORT_URL = '/api/v1/org-units/import';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let manager: Client;
let otherManager: Client;

beforeAll(async () => {
  t = await createTestContext();
  tree = await createTree(t.database.db);
  manager = await signedIn(t.app, t.database.db, tree.province, 'manager');
  otherManager = await signedIn(t.app, t.database.db, tree.province, 'manager');
});

afterAll(async () => {
  await t?.close();
});

/** A CSV of `rows` new cells under the test commune. */
function cellsCsv(rows: number): Buffer {
  const prefix = `P${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const lines: string[][] = [['code', 'name', 'kind', 'parent_code', 'valid_from']];
  for (let i = 1; i <= rows; i++) {
    lines.push([`${prefix}-${i}`, `Chi bộ ấp số ${i}`, 'cell', tree.commune.code, '2020-01-01']);
  }
  return csvFile(lines);
}

function startImport(who: Client, id: string, data: Buffer, query = '') {
  const { payload, headers } = multipartFile('chi-bo.csv', data);
  return who.request({
    method: 'POST',
    url: `${IMPORT_URL}${query}`,
    payload,
    headers: { ...headers, 'x-import-id': id },
  });
}

const poll = (who: Client, id: string) => who.get(`/api/v1/imports/${id}`);

describe('import progress (x-import-id, GET /api/v1/imports/{id})', () => {
  it('answers while the import runs and ends with every row counted', async () => {
    const id = crypto.randomUUID();
    let finished: LightMyRequestResponse | undefined;
    const running = startImport(manager, id, cellsCsv(4_000)).then((response) => (finished = response));
    const seen: { status: string; phase: string; rows: number }[] = [];
    while (!finished) {
      const response = await poll(manager, id);
      if (response.statusCode === 200) {
        seen.push(response.json());
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await running;
    expect(finished.statusCode).toBe(200);
    expect(finished.json().created).toBe(4_000);

    // The poll never waited for the import's transaction: it saw the import running, checking then writing, the
    // rows of each phase only ever going up.
    expect(seen.some((progress) => progress.status === 'running')).toBe(true);
    const phases = seen.map((progress) => progress.phase);
    expect(phases).toEqual([...phases].sort());
    for (const phase of ['checking', 'writing']) {
      const rows = seen.filter((progress) => progress.phase === phase).map((progress) => progress.rows);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
    }

    const last = await poll(manager, id);
    expect(last.statusCode).toBe(200);
    expect(last.json()).toMatchObject({ id, status: 'done', phase: 'writing', rows: 4_000, total: 4_000 });
  });

  it('marks a refused file as failed, and writes nothing', async () => {
    const id = crypto.randomUUID();
    const bad = csvFile([
      ['code', 'name', 'kind', 'parent_code', 'valid_from'],
      ['X1', 'Chi bộ thử', 'cell', 'KHONG-CO', '2020-01-01'],
    ]);
    const response = await startImport(manager, id, bad);
    expect(response.statusCode).toBe(400);
    expect((await poll(manager, id)).json()).toMatchObject({ status: 'failed' });
  });

  it('shows one import only to the session that started it', async () => {
    const id = crypto.randomUUID();
    expect((await startImport(manager, id, cellsCsv(3), '?dryRun=true')).statusCode).toBe(200);
    expect((await poll(manager, id)).statusCode).toBe(200);

    const other = await poll(otherManager, id);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('Lần nhập tệp không tồn tại hoặc bạn không có quyền xem.');
    expect((await poll(client(t.app), id)).statusCode).toBe(404);
    expect((await poll(manager, crypto.randomUUID())).statusCode).toBe(404);
  });

  it('refuses a malformed progress id before reading the file, in Vietnamese', async () => {
    const before = await t.database.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await startImport(manager, 'bad id!', cellsCsv(2));
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('Mã theo dõi tiến độ (x-import-id) không hợp lệ');
    const after = await t.database.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('still needs the right role to import at all', async () => {
    const viewer = await signedIn(t.app, t.database.db, tree.province, 'viewer');
    const id = crypto.randomUUID();
    expect((await startImport(viewer, id, cellsCsv(2))).statusCode).toBe(403);
    expect((await poll(viewer, id)).statusCode).toBe(404);
  });
});
