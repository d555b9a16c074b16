import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestContext, signIn, type Client, type TestContext } from '../../test/harness';
import {
  createTree,
  createUnit,
  createUser,
  signedIn,
  signedInUser,
  TEST_PASSWORD,
  type TestUser,
} from '../../test/factories';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let centralAdmin: Client;
let provinceManager: Client;
let provinceManagerUser: TestUser;
let provinceViewer: Client;
let communeEditor: Client;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  centralAdmin = await signedIn(t.app, db, tree.central, 'admin');
  ({ client: provinceManager, user: provinceManagerUser } = await signedInUser(t.app, db, tree.province, 'manager'));
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
});

afterAll(async () => {
  await t?.close();
});

const paths = (response: { json(): { details: { path: string }[] } }) =>
  response
    .json()
    .details.map((d) => d.path)
    .sort();

async function userRow(username: string) {
  return t.database.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

async function auditFor(userId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'unit_id', 'before', 'after', 'summary'])
    .where('entity_type', '=', 'user')
    .where('entity_id', '=', userId)
    .orderBy('id')
    .execute();
}

describe('GET /api/v1/users', () => {
  it('lists the accounts of the caller’s subtree only, ordered by username, with grants', async () => {
    const inCommune = await createUser(t.database.db, tree.cellA, 'editor', { username: 'zz.cell-a' });
    const outside = await createUser(t.database.db, tree.otherCommune, 'editor');
    const response = await provinceManager.get('/api/v1/users?pageSize=200');
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json();
    const names = items.map((u: { username: string }) => u.username);
    expect(names).toContain(inCommune.username);
    expect(names).not.toContain(outside.username);
    expect(names).toEqual([...names].sort());
    expect(total).toBe(items.length);
    expect(items.find((u: { id: string }) => u.id === inCommune.id)).toMatchObject({
      unit: { id: tree.cellA.id, code: tree.cellA.code },
      isDisabled: false,
      version: 1,
      grants: [{ role: 'editor', unit: { id: tree.cellA.id, kind: 'cell' } }],
    });
    const all = await centralAdmin.get('/api/v1/users?pageSize=200');
    expect(all.json().items.map((u: { id: string }) => u.id)).toContain(outside.id);
  });

  it('finds “Nguyễn Văn An” by “nguyen van”, ignoring diacritics and case', async () => {
    const created = await provinceManager.post('/api/v1/users', {
      username: 'an.nguyen',
      fullName: 'Nguyễn Văn An',
      unitId: tree.commune.id,
    });
    expect(created.statusCode).toBe(201);
    for (const q of ['nguyen van', 'NGUYỄN VĂN', 'an.ngu']) {
      const response = await provinceManager.get(`/api/v1/users?search=${encodeURIComponent(q)}`);
      expect(response.json().items.map((u: { username: string }) => u.username)).toContain('an.nguyen');
    }
    const none = await provinceManager.get('/api/v1/users?search=nguyen%20van%20binh');
    expect(none.json()).toEqual({ items: [], total: 0 });
  });

  it('pages and narrows to a unit’s subtree; a unit out of reach answers 404', async () => {
    const cell = await createUnit(t.database.db, { kind: 'cell', parent: tree.commune });
    const a = await createUser(t.database.db, cell, null);
    const b = await createUser(t.database.db, cell, null);
    const page1 = await provinceManager.get(`/api/v1/users?unit=${cell.id}&pageSize=1`);
    const page2 = await provinceManager.get(`/api/v1/users?unit=${cell.id}&pageSize=1&page=2`);
    expect(page1.json().total).toBe(2);
    const ids = [page1.json().items[0].id, page2.json().items[0].id];
    expect(ids).toEqual([a, b].sort((x, y) => (x.username < y.username ? -1 : 1)).map((u) => u.id));
    const outside = await provinceManager.get(`/api/v1/users?unit=${tree.otherProvince.id}`);
    expect(outside.statusCode).toBe(404);
  });

  it('answers 401 anonymous, 403 to viewers and editors, 400 on bad paging', async () => {
    expect((await client(t.app).get('/api/v1/users')).statusCode).toBe(401);
    expect((await provinceViewer.get('/api/v1/users')).statusCode).toBe(403);
    expect((await communeEditor.get('/api/v1/users')).statusCode).toBe(403);
    const bad = await provinceManager.get('/api/v1/users?pageSize=0&unit=abc');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['query.pageSize', 'query.unit']);
  });
});

describe('GET /api/v1/users/:id', () => {
  it('shows an account in reach, 404 out of reach, 403 to a viewer, 400 on a bad id, 401 anonymous', async () => {
    const inside = await createUser(t.database.db, tree.commune, 'viewer');
    const outside = await createUser(t.database.db, tree.otherCommune, 'viewer');
    const ok = await provinceManager.get(`/api/v1/users/${inside.id}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ id: inside.id, username: inside.username, unit: { id: tree.commune.id } });
    expect((await provinceManager.get(`/api/v1/users/${outside.id}`)).statusCode).toBe(404);
    expect((await provinceViewer.get(`/api/v1/users/${inside.id}`)).statusCode).toBe(403);
    const bad = await provinceManager.get('/api/v1/users/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['params.id']);
    expect((await client(t.app).get(`/api/v1/users/${inside.id}`)).statusCode).toBe(401);
  });
});

describe('POST /api/v1/users', () => {
  it('creates an account with a first role and a generated password that works, and audits it', async () => {
    const response = await provinceManager.post('/api/v1/users', {
      username: 'Tran.Thi-Binh',
      fullName: 'Trần Thị Bình',
      unitId: tree.commune.id,
      role: 'editor',
    });
    expect(response.statusCode).toBe(201);
    const { user, generatedPassword } = response.json();
    expect(user).toMatchObject({
      username: 'tran.thi-binh',
      fullName: 'Trần Thị Bình',
      unit: { id: tree.commune.id },
      version: 1,
      grants: [{ role: 'editor', unit: { id: tree.commune.id } }],
    });
    expect(generatedPassword).toMatch(/^.{4}-.{4}-.{4}-.{4}$/);
    const session = await signIn(t.app, 'tran.thi-binh', generatedPassword);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);

    const audit = await auditFor(user.id);
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.grant']);
    expect(audit[0]).toMatchObject({
      unit_id: tree.commune.id,
      after: { username: 'tran.thi-binh', fullName: 'Trần Thị Bình', unitId: tree.commune.id, isDisabled: false },
    });
    expect(audit[1].after).toEqual({ unitId: tree.commune.id, role: 'editor' });
    expect(JSON.stringify(audit)).not.toMatch(/argon2|password_hash|passwordHash/i);
  });

  it('keeps a given password and does not echo it back', async () => {
    const response = await provinceManager.post('/api/v1/users', {
      username: 'le.van.cuong',
      fullName: 'Lê Văn Cường',
      unitId: tree.cellA.id,
      password: 'mat-khau-rieng',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().generatedPassword).toBeUndefined();
    await signIn(t.app, 'le.van.cuong', 'mat-khau-rieng');
  });

  it('refuses a name already taken, whatever its case (409), and writes nothing', async () => {
    const existing = await createUser(t.database.db, tree.commune, null);
    const response = await provinceManager.post('/api/v1/users', {
      username: existing.username.toUpperCase(),
      fullName: 'Trùng Tên',
      unitId: tree.commune.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CONFLICT', message: 'Tên đăng nhập đã được dùng' });
    expect((await userRow(existing.username))?.full_name).not.toBe('Trùng Tên');
  });

  it('answers 404 for a unit out of reach, 403 to an editor and to a manager granting admin; writes nothing', async () => {
    const body = { username: 'x.outside', fullName: 'Ngoài Phạm Vi', unitId: tree.otherCommune.id };
    expect((await provinceManager.post('/api/v1/users', body)).statusCode).toBe(404);
    const inside = { ...body, unitId: tree.commune.id };
    expect((await communeEditor.post('/api/v1/users', inside)).statusCode).toBe(403);
    const admin = await provinceManager.post('/api/v1/users', { ...inside, role: 'admin' });
    expect(admin.statusCode).toBe(403);
    expect(await userRow('x.outside')).toBeUndefined();
    expect((await client(t.app).post('/api/v1/users', inside)).statusCode).toBe(401);
  });

  it('rejects a bad name and a short password with details, and writes nothing', async () => {
    const response = await provinceManager.post('/api/v1/users', {
      username: 'có dấu',
      fullName: 'Sai Dữ Liệu',
      unitId: tree.commune.id,
      password: 'ngan',
    });
    expect(response.statusCode).toBe(400);
    expect(paths(response)).toEqual(['body.password', 'body.username']);
    const count = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('full_name', '=', 'Sai Dữ Liệu')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it('renames with the current version, bumps it, and refuses a stale one (409)', async () => {
    const user = await createUser(t.database.db, tree.commune, 'viewer');
    const renamed = await provinceManager.patch(`/api/v1/users/${user.id}`, { fullName: 'Phạm Thị Dung', version: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().user).toMatchObject({ fullName: 'Phạm Thị Dung', version: 2 });
    const stale = await provinceManager.patch(`/api/v1/users/${user.id}`, { fullName: 'Tên Khác', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect(stale.json().message).toContain('người khác thay đổi');
    expect((await userRow(user.username))?.full_name).toBe('Phạm Thị Dung');
    const audit = await auditFor(user.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'user.update',
      before: { fullName: `Người dùng ${user.username}` },
      after: { fullName: 'Phạm Thị Dung' },
    });
  });

  it('lets only one of two concurrent edits of the same version win', async () => {
    const user = await createUser(t.database.db, tree.commune, 'viewer');
    const results = await Promise.all([
      provinceManager.patch(`/api/v1/users/${user.id}`, { fullName: 'Bản Một', version: 1 }),
      centralAdmin.patch(`/api/v1/users/${user.id}`, { fullName: 'Bản Hai', version: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await userRow(user.username))?.version).toBe(2);
  });

  it('disables an account: its sessions end and it cannot sign in; enabling lets it back', async () => {
    const user = await createUser(t.database.db, tree.cellA, 'editor');
    const session = await signIn(t.app, user.username, user.password);
    const disabled = await provinceManager.patch(`/api/v1/users/${user.id}`, { isDisabled: true, version: 1 });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().user.isDisabled).toBe(true);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const sessions = await t.database.db
      .selectFrom('user_session')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([]);
    await expect(signIn(t.app, user.username, user.password)).rejects.toThrow(/401/);
    const enabled = await provinceManager.patch(`/api/v1/users/${user.id}`, { isDisabled: false, version: 2 });
    expect(enabled.statusCode).toBe(200);
    await signIn(t.app, user.username, user.password);
    expect((await auditFor(user.id)).map((a) => a.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('refuses to let a manager disable themselves (403)', async () => {
    const self = await provinceManager.get(`/api/v1/users/${provinceManagerUser.id}`);
    const response = await provinceManager.patch(`/api/v1/users/${provinceManagerUser.id}`, {
      isDisabled: true,
      version: self.json().user.version,
    });
    expect(response.statusCode).toBe(403);
    expect((await userRow(provinceManagerUser.username))?.is_disabled).toBe(false);
  });

  it('moves an account within reach; 404 to move it out of reach or to touch one outside; 403 to a viewer', async () => {
    const user = await createUser(t.database.db, tree.commune, null);
    const moved = await provinceManager.patch(`/api/v1/users/${user.id}`, { unitId: tree.cellB.id, version: 1 });
    expect(moved.json().user.unit.id).toBe(tree.cellB.id);
    const away = await provinceManager.patch(`/api/v1/users/${user.id}`, { unitId: tree.otherCommune.id, version: 2 });
    expect(away.statusCode).toBe(404);
    const outside = await createUser(t.database.db, tree.otherCommune, null);
    expect((await provinceManager.patch(`/api/v1/users/${outside.id}`, { version: 1 })).statusCode).toBe(404);
    expect((await provinceViewer.patch(`/api/v1/users/${user.id}`, { version: 2 })).statusCode).toBe(403);
    expect((await client(t.app).patch(`/api/v1/users/${user.id}`, { version: 2 })).statusCode).toBe(401);
  });

  it('rejects bad input with details and changes nothing', async () => {
    const user = await createUser(t.database.db, tree.commune, null);
    const response = await provinceManager.patch(`/api/v1/users/${user.id}`, { fullName: '', isDisabled: 'có' });
    expect(response.statusCode).toBe(400);
    expect(paths(response)).toEqual(['body.fullName', 'body.isDisabled', 'body.version']);
    expect(await userRow(user.username)).toMatchObject({ full_name: `Người dùng ${user.username}`, version: 1 });
  });
});

describe('POST /api/v1/users/:id/reset-password', () => {
  it('sets a new password, ends every session; the new password works and the old does not', async () => {
    const user = await createUser(t.database.db, tree.commune, 'editor');
    const session = await signIn(t.app, user.username, user.password);
    const response = await provinceManager.request({ method: 'POST', url: `/api/v1/users/${user.id}/reset-password` });
    expect(response.statusCode).toBe(200);
    const { password } = response.json();
    expect(password).toMatch(/^.{4}-.{4}-.{4}-.{4}$/);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(signIn(t.app, user.username, TEST_PASSWORD)).rejects.toThrow(/401/);
    await signIn(t.app, user.username, password);

    const chosen = await centralAdmin.post(`/api/v1/users/${user.id}/reset-password`, { password: 'mat-khau-moi-9' });
    expect(chosen.json()).toEqual({ password: 'mat-khau-moi-9' });
    await signIn(t.app, user.username, 'mat-khau-moi-9');
    const audit = await auditFor(user.id);
    expect(audit.map((a) => a.action)).toEqual(['user.reset-password', 'user.reset-password']);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|mat-khau-moi-9/);
  });

  it('lifts a sign-in lock-out so the new password works at once', async () => {
    const user = await createUser(t.database.db, tree.commune, 'viewer');
    const login = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password } });
    for (let i = 0; i < 5; i++) {
      await login('sai-mat-khau');
    }
    expect((await login(TEST_PASSWORD)).statusCode).toBe(429);
    const reset = await provinceManager.post(`/api/v1/users/${user.id}/reset-password`, { password: 'mat-khau-moi-7' });
    expect(reset.statusCode).toBe(200);
    expect((await login('mat-khau-moi-7')).statusCode).toBe(200);
  });

  it('answers 404 out of reach, 403 to an editor and for one’s own account, 400 on a short password', async () => {
    const user = await createUser(t.database.db, tree.commune, null);
    const outside = await createUser(t.database.db, tree.otherCommune, null);
    const before = (await userRow(user.username))?.password_hash;
    expect((await provinceManager.post(`/api/v1/users/${outside.id}/reset-password`, {})).statusCode).toBe(404);
    expect((await communeEditor.post(`/api/v1/users/${user.id}/reset-password`, {})).statusCode).toBe(403);
    const self = await provinceManager.post(`/api/v1/users/${provinceManagerUser.id}/reset-password`, {});
    expect(self.statusCode).toBe(403);
    const short = await provinceManager.post(`/api/v1/users/${user.id}/reset-password`, { password: 'ngan' });
    expect(short.statusCode).toBe(400);
    expect(paths(short)).toEqual(['body.password']);
    expect((await userRow(user.username))?.password_hash).toBe(before);
    expect((await client(t.app).post(`/api/v1/users/${user.id}/reset-password`, {})).statusCode).toBe(401);
  });
});
