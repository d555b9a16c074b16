import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { createTree, createUnit, signedIn, signedInUser, type TestUnit } from '../../test/factories';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let centralAdmin: Client;
let provinceAdmin: Client;
let provinceManager: Client;
let provinceViewer: Client;
let communeEditor: Client;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  centralAdmin = await signedIn(t.app, db, tree.central, 'admin');
  provinceAdmin = await signedIn(t.app, db, tree.province, 'admin');
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
});

afterAll(async () => {
  await t?.close();
});

interface Entry {
  id: string;
  action: string;
  entityType: string;
  unit: { id: string } | null;
  user: { username: string } | null;
  before: unknown;
  after: unknown;
}

async function entries(caller: Client, query: string): Promise<Entry[]> {
  const response = await caller.get(`/api/v1/audit-log?pageSize=200&${query}`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

/** Writes an entry straight into the log, with a made-up entity type so that each test reads only its own. */
async function write(entityType: string, unit: TestUnit | null, at?: string) {
  await recordAudit(t.database.db, systemActor(), {
    action: `${entityType}.test`,
    entityType,
    entityId: unit?.code ?? null,
    unitId: unit?.id ?? null,
    summary: `Mục thử ${entityType}`,
  });
  if (at) {
    await t.database.db
      .updateTable('audit_log')
      .set({ at })
      .where('entity_type', '=', entityType)
      .where('entity_id', unit ? '=' : 'is', unit?.code ?? null)
      .execute();
  }
}

describe('GET /api/v1/audit-log', () => {
  it('shows a manager the entries of their subtree only, newest first, with before and after', async () => {
    const created = await provinceManager.post('/api/v1/users', {
      username: 'audit.in',
      fullName: 'Người Trong Tỉnh',
      unitId: tree.commune.id,
    });
    const { user } = created.json();
    await provinceManager.patch(`/api/v1/users/${user.id}`, { fullName: 'Người Đổi Tên', version: 1 });
    await centralAdmin.post('/api/v1/users', {
      username: 'audit.out',
      fullName: 'Người Tỉnh Khác',
      unitId: tree.otherCommune.id,
    });

    const mine = await entries(provinceManager, 'entityType=user');
    expect(mine.map((e) => e.action).slice(0, 2)).toEqual(['user.update', 'user.create']);
    expect(mine.every((e) => e.unit?.id !== tree.otherCommune.id)).toBe(true);
    expect(mine[0]).toMatchObject({
      entityType: 'user',
      unit: { id: tree.commune.id, code: tree.commune.code },
      user: { username: expect.any(String) },
      before: { fullName: 'Người Trong Tỉnh' },
      after: { fullName: 'Người Đổi Tên' },
      requestId: expect.any(String),
    });
    expect(typeof mine[0].id).toBe('string');
    expect(JSON.stringify(mine)).not.toMatch(/argon2|password/i);

    const all = await entries(centralAdmin, 'entityType=user');
    expect(all.some((e) => e.unit?.id === tree.otherCommune.id)).toBe(true);
  });

  it('filters by user (name or id), entity type and unit subtree; a unit out of reach answers 404', async () => {
    const { user, client: actor } = await signedInUser(t.app, t.database.db, tree.province, 'manager');
    await actor.post('/api/v1/users', { username: 'audit.by-name', fullName: 'Theo Người', unitId: tree.cellA.id });
    const byName = await entries(provinceAdmin, `user=${user.username.toUpperCase()}`);
    const byId = await entries(provinceAdmin, `user=${user.id}`);
    expect(byName.map((e) => e.action)).toEqual(['user.create']);
    expect(byId).toEqual(byName);

    await write('thu-loc-don-vi', tree.cellB);
    await write('thu-loc-don-vi', tree.commune);
    const underCell = await entries(provinceManager, `entityType=thu-loc-don-vi&unit=${tree.cellB.id}`);
    expect(underCell.map((e) => e.unit?.id)).toEqual([tree.cellB.id]);
    const underCommune = await entries(provinceManager, `entityType=thu-loc-don-vi&unit=${tree.commune.id}`);
    expect(underCommune).toHaveLength(2);
    const outside = await provinceManager.get(`/api/v1/audit-log?unit=${tree.otherProvince.id}`);
    expect(outside.statusCode).toBe(404);
  });

  it('reads from and to as whole days in Vietnam time, to inclusive', async () => {
    const unit = await createUnit(t.database.db, { kind: 'commune', parent: tree.province });
    const lateEvening = await createUnit(t.database.db, { kind: 'cell', parent: unit });
    const justAfterMidnight = await createUnit(t.database.db, { kind: 'cell', parent: unit });
    // 23:30 on 1 March and 00:30 on 2 March in Vietnam; in UTC both fall on 1 March.
    await write('thu-ngay', lateEvening, '2024-03-01T16:30:00Z');
    await write('thu-ngay', justAfterMidnight, '2024-03-01T17:30:00Z');
    const first = await entries(provinceManager, 'entityType=thu-ngay&from=2024-03-01&to=2024-03-01');
    expect(first.map((e) => e.unit?.id)).toEqual([lateEvening.id]);
    const second = await entries(provinceManager, 'entityType=thu-ngay&from=2024-03-02');
    expect(second.map((e) => e.unit?.id)).toEqual([justAfterMidnight.id]);
    const both = await entries(provinceManager, 'entityType=thu-ngay&to=2024-03-02');
    expect(both.map((e) => e.unit?.id)).toEqual([justAfterMidnight.id, lateEvening.id]);
  });

  it('shows entries without a unit only to an admin of a root unit', async () => {
    await write('thu-khong-don-vi', null);
    expect(await entries(centralAdmin, 'entityType=thu-khong-don-vi')).toHaveLength(1);
    expect(await entries(provinceAdmin, 'entityType=thu-khong-don-vi')).toEqual([]);
    expect(await entries(provinceManager, 'entityType=thu-khong-don-vi')).toEqual([]);
  });

  it('pages with a total', async () => {
    for (const unit of [tree.cellA, tree.cellB, tree.commune]) {
      await write('thu-trang', unit);
    }
    const response = await provinceManager.get('/api/v1/audit-log?entityType=thu-trang&pageSize=2&page=2');
    expect(response.json().total).toBe(3);
    expect(response.json().items).toHaveLength(1);
    expect(response.json().items[0].unit.id).toBe(tree.cellA.id);
  });

  it('answers 401 anonymous, 403 to viewers and editors, 400 on bad dates', async () => {
    expect((await client(t.app).get('/api/v1/audit-log')).statusCode).toBe(401);
    expect((await provinceViewer.get('/api/v1/audit-log')).statusCode).toBe(403);
    expect((await communeEditor.get('/api/v1/audit-log')).statusCode).toBe(403);
    const bad = await provinceManager.get('/api/v1/audit-log?from=01/03/2024&unit=x');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['query.from', 'query.unit']);
    const reversed = await provinceManager.get('/api/v1/audit-log?from=2024-03-02&to=2024-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details.map((d: { path: string }) => d.path)).toEqual(['query.to']);
  });
});

describe('GET /api/v1/audit-log/entity-types', () => {
  it('lists the entity types of the entries the caller may read', async () => {
    await write('thu-loai-trong', tree.commune);
    await write('thu-loai-ngoai', tree.otherCommune);
    const mine = await provinceManager.get('/api/v1/audit-log/entity-types');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toContain('thu-loai-trong');
    expect(mine.json().items).not.toContain('thu-loai-ngoai');
    expect(mine.json().items).toEqual([...mine.json().items].sort());
    expect((await centralAdmin.get('/api/v1/audit-log/entity-types')).json().items).toContain('thu-loai-ngoai');
  });

  it('answers 401 anonymous and 403 to a viewer', async () => {
    expect((await client(t.app).get('/api/v1/audit-log/entity-types')).statusCode).toBe(401);
    expect((await provinceViewer.get('/api/v1/audit-log/entity-types')).statusCode).toBe(403);
  });
});
