import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestContext, signIn, type TestContext } from '../../test/harness';
import { createTree, createUser, TEST_PASSWORD } from '../../test/factories';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;

beforeAll(async () => {
  t = await createTestContext();
  tree = await createTree(t.database.db);
});

afterAll(async () => {
  await t?.close();
});

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe('sign-in', () => {
  it('opens a session with an HttpOnly SameSite=Lax cookie and answers who is signed in', async () => {
    const user = await createUser(t.database.db, tree.province, 'manager');
    const response = await login(user.username.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/lantoa_sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(response.json().user).toMatchObject({
      username: user.username,
      unit: { id: tree.province.id },
      grants: [{ role: 'manager', unit: { id: tree.province.id, kind: 'province' } }],
      abilities: { manageUnits: true, manageUsers: true, readAudit: true, isAdmin: false },
    });
    const me = await client(t.app, cookie.split(';')[0]).get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(user.username);
  });

  it('says clearly when the password is wrong, then locks the name out for a while', async () => {
    const user = await createUser(t.database.db, tree.commune, 'viewer');
    const first = await login(user.username, 'sai-mat-khau');
    expect(first.statusCode).toBe(401);
    expect(first.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(first.json().message).toContain('không đúng');
    for (let i = 0; i < 4; i++) {
      await login(user.username, 'sai-mat-khau');
    }
    const locked = await login(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('RATE_LIMITED');
    expect(locked.json().message).toMatch(/thử lại sau \d+ phút/);
  });

  it('answers the same for an unknown name as for a wrong password', async () => {
    const response = await login('khong-co-ai', 'mat-khau-bat-ky');
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('refuses a disabled account', async () => {
    const user = await createUser(t.database.db, tree.commune, 'viewer', { isDisabled: true });
    const response = await login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toContain('khóa');
  });

  it('rejects an empty body with details naming the fields', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.password', 'body.username']);
  });
});

describe('sessions', () => {
  it('signs out one session, or every session at once', async () => {
    const user = await createUser(t.database.db, tree.commune, 'viewer');
    const a = await signIn(t.app, user.username, user.password);
    const b = await signIn(t.app, user.username, user.password);
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
    const c = await signIn(t.app, user.username, user.password);
    expect((await c.post('/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends a session once it has expired', async () => {
    const user = await createUser(t.database.db, tree.commune, 'viewer');
    const session = await signIn(t.app, user.username, user.password);
    await t.database.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const response = await session.get('/api/v1/auth/me');
    expect(response.statusCode).toBe(401);
  });

  it('lets users change their own password; other sessions end, this one stays', async () => {
    const user = await createUser(t.database.db, tree.commune, 'editor');
    const here = await signIn(t.app, user.username, user.password);
    const elsewhere = await signIn(t.app, user.username, user.password);
    const wrong = await here.post('/api/v1/auth/change-password', {
      currentPassword: 'sai',
      newPassword: 'mat-khau-moi-456',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].path).toBe('body.currentPassword');
    const short = await here.post('/api/v1/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ngan',
    });
    expect(short.statusCode).toBe(400);
    const ok = await here.post('/api/v1/auth/change-password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'mat-khau-moi-456',
    });
    expect(ok.statusCode).toBe(204);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(user.username, 'mat-khau-moi-456')).statusCode).toBe(200);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('answers 401 to anonymous calls of signed-in routes', async () => {
    expect((await client(t.app).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await client(t.app).post('/api/v1/auth/logout-all')).statusCode).toBe(401);
    expect(
      (await client(t.app).post('/api/v1/auth/change-password', { currentPassword: 'a', newPassword: 'bbbbbbbbb' }))
        .statusCode,
    ).toBe(401);
  });

  it('lists no demo accounts when the demo is not loaded', async () => {
    const response = await client(t.app).get('/api/v1/auth/demo-accounts');
    expect(response.json()).toEqual({ accounts: [] });
  });
});

describe('platform', () => {
  it('answers health and readiness, and serves the OpenAPI document', async () => {
    expect((await client(t.app).get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await client(t.app).get('/readyz')).json()).toMatchObject({ status: 'ready' });
    const doc = (await client(t.app).get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/org-units/']));
    expect((await client(t.app).get('/api/docs/')).statusCode).toBe(200);
  });

  it('answers an unknown API path with the error body', async () => {
    const response = await client(t.app).get('/api/v1/khong-co');
    expect(response.statusCode).toBe(401);
  });
});

describe('sessions held for a few seconds in the process', () => {
  it('refuses a revoked session and applies a changed scope on the very next request', async () => {
    const managerUser = await createUser(t.database.db, tree.province, 'manager');
    const manager = await signIn(t.app, managerUser.username, managerUser.password);
    const user = await createUser(t.database.db, tree.commune, 'editor');
    const session = await signIn(t.app, user.username, user.password);
    const province = `/api/v1/org-units/${tree.province.id}`;
    // Each first look is cached; the change must still show at once.
    expect((await session.get(province)).statusCode).toBe(404);
    const granted = await manager.post(`/api/v1/users/${user.id}/grants`, { unitId: tree.province.id, role: 'viewer' });
    expect(granted.statusCode).toBe(201);
    expect((await session.get(province)).statusCode).toBe(200);
    const revoked = await manager.delete(`/api/v1/users/${user.id}/grants/${granted.json().grant.id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await session.get(province)).statusCode).toBe(404);

    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
    const reset = await manager.request({ method: 'POST', url: `/api/v1/users/${user.id}/reset-password` });
    expect(reset.statusCode).toBe(200);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);

    const other = await createUser(t.database.db, tree.commune, 'viewer');
    const otherSession = await signIn(t.app, other.username, other.password);
    expect((await otherSession.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await manager.patch(`/api/v1/users/${other.id}`, { isDisabled: true, version: 1 })).statusCode).toBe(200);
    expect((await otherSession.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});
