import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { createTree, createUser, signedIn, signedInUser, type TestUser } from '../../test/factories';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let centralAdmin: Client;
let provinceManager: Client;
let provinceViewer: Client;

beforeAll(async () => {
  t = await createTestContext();
  tree = await createTree(t.database.db);
  centralAdmin = await signedIn(t.app, t.database.db, tree.central, 'admin');
  provinceManager = await signedIn(t.app, t.database.db, tree.province, 'manager');
  provinceViewer = await signedIn(t.app, t.database.db, tree.province, 'viewer');
});

afterAll(async () => {
  await t?.close();
});

async function grantsOf(user: TestUser) {
  return t.database.db
    .selectFrom('user_grant')
    .select(['id', 'unit_id', 'role'])
    .where('user_id', '=', user.id)
    .orderBy('created_at')
    .execute();
}

async function versionOf(user: TestUser) {
  const row = await t.database.db
    .selectFrom('app_user')
    .select('version')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe('POST /api/v1/users/:id/grants', () => {
  it('grants a role on a unit, replaces it on the same unit, bumps the version and audits both', async () => {
    const user = await createUser(t.database.db, tree.commune, null);
    const first = await provinceManager.post(`/api/v1/users/${user.id}/grants`, {
      unitId: tree.cellA.id,
      role: 'editor',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().grant).toMatchObject({ role: 'editor', unit: { id: tree.cellA.id, kind: 'cell' } });
    const second = await provinceManager.post(`/api/v1/users/${user.id}/grants`, {
      unitId: tree.cellA.id,
      role: 'manager',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().grant).toMatchObject({ id: first.json().grant.id, role: 'manager' });
    expect(await grantsOf(user)).toEqual([{ id: first.json().grant.id, unit_id: tree.cellA.id, role: 'manager' }]);
    expect(await versionOf(user)).toBe(3);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id', 'before', 'after'])
      .where('entity_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'user.grant',
        unit_id: tree.commune.id,
        before: null,
        after: { unitId: tree.cellA.id, role: 'editor' },
      },
      {
        action: 'user.grant',
        unit_id: tree.commune.id,
        before: { unitId: tree.cellA.id, role: 'editor' },
        after: { unitId: tree.cellA.id, role: 'manager' },
      },
    ]);
  });

  it('lets a manager grant up to manager but never admin (403); an admin of the unit may', async () => {
    const user = await createUser(t.database.db, tree.commune, null);
    const denied = await provinceManager.post(`/api/v1/users/${user.id}/grants`, {
      unitId: tree.commune.id,
      role: 'admin',
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toContain('Quản trị');
    expect(await grantsOf(user)).toEqual([]);
    const allowed = await centralAdmin.post(`/api/v1/users/${user.id}/grants`, {
      unitId: tree.commune.id,
      role: 'admin',
    });
    expect(allowed.statusCode).toBe(201);
    // Replacing an admin grant takes admin away: a manager may not do that either.
    const demote = await provinceManager.post(`/api/v1/users/${user.id}/grants`, {
      unitId: tree.commune.id,
      role: 'viewer',
    });
    expect(demote.statusCode).toBe(403);
    expect((await grantsOf(user))[0].role).toBe('admin');
  });

  it('answers 404 for a unit or a user out of reach, 403 to a viewer, 401 anonymous', async () => {
    const user = await createUser(t.database.db, tree.commune, null);
    const outsideUser = await createUser(t.database.db, tree.otherCommune, null);
    const body = { unitId: tree.commune.id, role: 'viewer' };
    const outsideUnit = await provinceManager.post(`/api/v1/users/${user.id}/grants`, {
      ...body,
      unitId: tree.otherCommune.id,
    });
    expect(outsideUnit.statusCode).toBe(404);
    expect((await provinceManager.post(`/api/v1/users/${outsideUser.id}/grants`, body)).statusCode).toBe(404);
    expect((await provinceViewer.post(`/api/v1/users/${user.id}/grants`, body)).statusCode).toBe(403);
    expect((await client(t.app).post(`/api/v1/users/${user.id}/grants`, body)).statusCode).toBe(401);
    expect(await grantsOf(user)).toEqual([]);
  });

  it('rejects a bad role and unit with details and writes nothing', async () => {
    const user = await createUser(t.database.db, tree.commune, null);
    const response = await provinceManager.post(`/api/v1/users/${user.id}/grants`, { unitId: 'x', role: 'chief' });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.role', 'body.unitId']);
    expect(await grantsOf(user)).toEqual([]);
  });
});

describe('DELETE /api/v1/users/:id/grants/:grantId', () => {
  it('revokes a grant and audits it', async () => {
    const user = await createUser(t.database.db, tree.commune, 'editor');
    const [grant] = await grantsOf(user);
    const response = await provinceManager.delete(`/api/v1/users/${user.id}/grants/${grant.id}`);
    expect(response.statusCode).toBe(204);
    expect(await grantsOf(user)).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'user.revoke', before: { unitId: tree.commune.id, role: 'editor' }, after: null });
  });

  it('refuses to remove one’s own last manager grant, but allows it when another remains', async () => {
    const { user, client: self } = await signedInUser(t.app, t.database.db, tree.commune, 'manager');
    const [own] = await grantsOf(user);
    const last = await self.delete(`/api/v1/users/${user.id}/grants/${own.id}`);
    expect(last.statusCode).toBe(403);
    expect(last.json().message).toContain('cuối cùng');
    const downgrade = await self.post(`/api/v1/users/${user.id}/grants`, { unitId: tree.commune.id, role: 'viewer' });
    expect(downgrade.statusCode).toBe(403);
    expect(await grantsOf(user)).toEqual([own]);

    await centralAdmin.post(`/api/v1/users/${user.id}/grants`, { unitId: tree.cellA.id, role: 'manager' });
    expect((await self.delete(`/api/v1/users/${user.id}/grants/${own.id}`)).statusCode).toBe(204);
  });

  it('answers 403 for an admin grant revoked by a manager, and to a viewer; 404 for a foreign grant or user', async () => {
    const user = await createUser(t.database.db, tree.commune, 'admin');
    const [adminGrant] = await grantsOf(user);
    expect((await provinceManager.delete(`/api/v1/users/${user.id}/grants/${adminGrant.id}`)).statusCode).toBe(403);
    expect((await provinceViewer.delete(`/api/v1/users/${user.id}/grants/${adminGrant.id}`)).statusCode).toBe(403);
    const other = await createUser(t.database.db, tree.commune, 'viewer');
    const [otherGrant] = await grantsOf(other);
    expect((await provinceManager.delete(`/api/v1/users/${user.id}/grants/${otherGrant.id}`)).statusCode).toBe(404);
    const outside = await createUser(t.database.db, tree.otherCommune, 'viewer');
    const [outsideGrant] = await grantsOf(outside);
    const response = await provinceManager.delete(`/api/v1/users/${outside.id}/grants/${outsideGrant.id}`);
    expect(response.statusCode).toBe(404);
    expect((await client(t.app).delete(`/api/v1/users/${user.id}/grants/${adminGrant.id}`)).statusCode).toBe(401);
    expect(await grantsOf(user)).toEqual([adminGrant]);
    expect(await grantsOf(outside)).toEqual([outsideGrant]);
  });

  it('rejects a malformed grant id with details', async () => {
    const user = await createUser(t.database.db, tree.commune, 'viewer');
    const response = await provinceManager.delete(`/api/v1/users/${user.id}/grants/abc`);
    expect(response.statusCode).toBe(400);
    expect(response.json().details.map((d: { path: string }) => d.path)).toEqual(['params.grantId']);
    expect(await grantsOf(user)).toHaveLength(1);
  });
});
