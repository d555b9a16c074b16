import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { createTree, createUnit, linkUnits, signedIn, type TestUnit } from '../../test/factories';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceViewer: Client;
let provinceManager: Client;
let communeEditor: Client;
let centralAdmin: Client;

beforeAll(async () => {
  t = await createTestContext();
  tree = await createTree(t.database.db);
  provinceViewer = await signedIn(t.app, t.database.db, tree.province, 'viewer');
  provinceManager = await signedIn(t.app, t.database.db, tree.province, 'manager');
  communeEditor = await signedIn(t.app, t.database.db, tree.commune, 'editor');
  centralAdmin = await signedIn(t.app, t.database.db, tree.central, 'admin');
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/org-units', () => {
  it('answers 401 to an anonymous caller', async () => {
    const response = await client(t.app).get('/api/v1/org-units');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(response.json().requestId).toBeTruthy();
  });

  it('lists the top of the caller’s reach, then children level by level', async () => {
    const top = await provinceViewer.get('/api/v1/org-units');
    expect(top.statusCode).toBe(200);
    expect(top.json().items.map((u: TestUnit) => u.id)).toEqual([tree.province.id]);
    expect(top.json().items[0].hasChildren).toBe(true);

    const children = await provinceViewer.get(`/api/v1/org-units?parent=${tree.province.id}`);
    expect(children.json().items.map((u: TestUnit) => u.name)).toEqual(['Đảng ủy xã Hòa Bình']);
    const byCode = await provinceViewer.get(`/api/v1/org-units?parent=${tree.commune.code}`);
    expect(byCode.json().items.map((u: TestUnit) => u.name)).toEqual(['Chi bộ ấp 1', 'Chi bộ ấp 2']);
  });

  it('answers 404 for a parent outside the caller’s subtree', async () => {
    const response = await provinceViewer.get(`/api/v1/org-units?parent=${tree.otherProvince.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it('searches ignoring diacritics, case and tone placement, only within reach', async () => {
    for (const q of ['hoa binh', 'HÒA BÌNH', 'hoà bình']) {
      const response = await provinceViewer.get(`/api/v1/org-units?search=${encodeURIComponent(q)}`);
      expect(response.json().items.map((u: TestUnit) => u.id)).toContain(tree.commune.id);
    }
    const outside = await provinceViewer.get(`/api/v1/org-units?search=${encodeURIComponent('xã khác')}`);
    expect(outside.json().items).toEqual([]);
    const admin = await centralAdmin.get(`/api/v1/org-units?search=${encodeURIComponent('xa khac')}`);
    expect(admin.json().items.map((u: TestUnit) => u.id)).toEqual([tree.otherCommune.id]);
  });

  it('searches below a unit when `under` is given: any depth, never the unit itself, 404 out of reach', async () => {
    const cells = await provinceViewer.get(`/api/v1/org-units?search=ap&under=${tree.province.id}`);
    expect(cells.statusCode).toBe(200);
    const names: string[] = cells.json().items.map((u: TestUnit) => u.name);
    expect(names.sort()).toEqual(['Chi bộ ấp 1', 'Chi bộ ấp 2']);
    const self = await provinceViewer.get(`/api/v1/org-units?search=hoa%20binh&under=${tree.commune.code}`);
    expect(self.json().items.map((u: TestUnit) => u.id)).not.toContain(tree.commune.id);
    const outside = await provinceViewer.get(`/api/v1/org-units?search=xa&under=${tree.otherProvince.id}`);
    expect(outside.statusCode).toBe(404);
  });

  it('rejects a malformed date with details naming the field', async () => {
    const response = await provinceViewer.get('/api/v1/org-units?at=15-05-2019');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().details[0].path).toBe('query.at');
  });
});

describe('the tree as it was on a date', () => {
  it('shows closed units on their dates and their successors afterwards; lineage widens a grant', async () => {
    const db = t.database.db;
    const province = await createUnit(db, { kind: 'province', parent: tree.central, validFrom: '2015-10-01' });
    const oldA = await createUnit(db, {
      kind: 'district',
      parent: province,
      validFrom: '2015-10-01',
      validTo: '2025-06-30',
      name: 'Huyện ủy Đầm Dơi',
    });
    const oldCommune = await createUnit(db, {
      kind: 'commune',
      parent: oldA,
      validFrom: '2015-10-01',
      validTo: '2025-06-30',
    });
    const newCommune = await createUnit(db, { kind: 'commune', parent: province, validFrom: '2025-07-01' });
    await linkUnits(db, oldCommune, newCommune);
    const user = await signedIn(t.app, db, newCommune, 'viewer');

    const in2019 = await centralAdmin.get(`/api/v1/org-units?parent=${province.id}&at=2019-05-15`);
    expect(in2019.json().items.map((u: TestUnit) => u.id)).toEqual([oldA.id]);
    const today = await centralAdmin.get(`/api/v1/org-units?parent=${province.id}`);
    expect(today.json().items.map((u: TestUnit) => u.id)).toEqual([newCommune.id]);

    const top2019 = await user.get('/api/v1/org-units?at=2019-05-15');
    expect(top2019.json().items.map((u: TestUnit) => u.id)).toEqual([oldCommune.id]);
    const detail = await user.get(`/api/v1/org-units/${oldCommune.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().successors[0].unit.id).toBe(newCommune.id);
    const sibling = await user.get(`/api/v1/org-units/${oldA.id}`);
    expect(sibling.statusCode).toBe(404);

    const search = await centralAdmin.get(`/api/v1/org-units?search=dam%20doi`);
    expect(search.json().items[0]).toMatchObject({ id: oldA.id, validTo: '2025-06-30' });
  });
});

describe('managing units', () => {
  it('lets a manager create a unit below, rename it keeping the old name, and close it', async () => {
    const created = await provinceManager.post('/api/v1/org-units', {
      code: 'T-NEW-1',
      name: 'Đảng ủy phường Mới',
      kind: 'commune',
      parentId: tree.province.id,
      validFrom: '2020-01-01',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit.abilities.canManage).toBe(true);

    const renamed = await provinceManager.patch(`/api/v1/org-units/${unit.id}`, {
      name: 'Đảng ủy phường Đổi Tên',
      effectiveDate: '2024-03-01',
      version: unit.version,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().names).toEqual([
      { name: 'Đảng ủy phường Mới', validFrom: '2020-01-01', validTo: '2024-02-29' },
      { name: 'Đảng ủy phường Đổi Tên', validFrom: '2024-03-01', validTo: null },
    ]);
    const asOf2021 = await provinceManager.get(`/api/v1/org-units/${unit.id}?at=2021-01-01`);
    expect(asOf2021.json().name).toBe('Đảng ủy phường Mới');
    const byOldName = await provinceManager.get('/api/v1/org-units?search=phuong%20moi');
    expect(byOldName.json().items.map((u: TestUnit) => u.id)).toContain(unit.id);

    const stale = await provinceManager.patch(`/api/v1/org-units/${unit.id}`, {
      name: 'Tên khác',
      effectiveDate: '2024-06-01',
      version: unit.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');

    const closed = await provinceManager.post(`/api/v1/org-units/${unit.id}/close`, {
      validTo: '2025-06-30',
      version: renamed.json().version,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().validTo).toBe('2025-06-30');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', unit.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['org-unit.create', 'org-unit.rename', 'org-unit.close']);
  });

  it('refuses a duplicate code on overlapping dates and writes nothing', async () => {
    const response = await provinceManager.post('/api/v1/org-units', {
      code: tree.commune.code,
      name: 'Trùng mã',
      kind: 'commune',
      parentId: tree.province.id,
      validFrom: '2020-01-01',
    });
    expect(response.statusCode).toBe(409);
    const count = await t.database.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('name', '=', 'Trùng mã')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a kind that cannot hang under the parent', async () => {
    const response = await provinceManager.post('/api/v1/org-units', {
      code: 'T-BAD-1',
      name: 'Tỉnh ủy lồng',
      kind: 'province',
      parentId: tree.province.id,
      validFrom: '2020-01-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].path).toBe('body.parentId');
  });

  it('answers 403 to a viewer or editor, 404 outside the subtree, 400 on bad input', async () => {
    const body = { code: 'T-X', name: 'Đơn vị X', kind: 'cell', parentId: tree.commune.id, validFrom: '2020-01-01' };
    expect((await provinceViewer.post('/api/v1/org-units', body)).statusCode).toBe(403);
    expect((await communeEditor.post('/api/v1/org-units', body)).statusCode).toBe(403);
    const outside = await provinceManager.post('/api/v1/org-units', { ...body, parentId: tree.otherCommune.id });
    expect(outside.statusCode).toBe(404);
    const bad = await provinceManager.post('/api/v1/org-units', { ...body, code: 'có dấu', validFrom: 'hôm qua' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.code', 'body.validFrom']);
  });

  it('guards rename and close: anonymous 401, out of subtree 404, viewer or the unit’s own manager 403', async () => {
    const cell = (await provinceManager.get(`/api/v1/org-units/${tree.cellA.id}`)).json();
    const rename = { name: 'Chi bộ ấp Một', effectiveDate: '2024-01-01', version: cell.version };
    const close = { validTo: '2024-12-31', version: cell.version };
    expect((await client(t.app).patch(`/api/v1/org-units/${tree.cellA.id}`, rename)).statusCode).toBe(401);
    expect((await provinceViewer.patch(`/api/v1/org-units/${tree.cellA.id}`, rename)).statusCode).toBe(403);
    expect((await communeEditor.post(`/api/v1/org-units/${tree.cellA.id}/close`, close)).statusCode).toBe(403);
    const communeManager = await signedIn(t.app, t.database.db, tree.commune, 'manager');
    expect((await communeManager.patch(`/api/v1/org-units/${tree.commune.id}`, rename)).statusCode).toBe(403);
    const outside = (await centralAdmin.get(`/api/v1/org-units/${tree.otherCommune.id}`)).json();
    const outsideRename = { ...rename, version: outside.version };
    expect((await provinceManager.patch(`/api/v1/org-units/${tree.otherCommune.id}`, outsideRename)).statusCode).toBe(
      404,
    );
    const badDate = await communeManager.patch(`/api/v1/org-units/${tree.cellA.id}`, {
      ...rename,
      effectiveDate: '2099-01-01',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().details[0].path).toBe('body.effectiveDate');
    const renamed = await communeManager.patch(`/api/v1/org-units/${tree.cellA.id}`, rename);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Chi bộ ấp Một');
  });

  it('refuses to close a unit whose children are still active', async () => {
    const detail = await provinceManager.get(`/api/v1/org-units/${tree.commune.id}`);
    const response = await provinceManager.post(`/api/v1/org-units/${tree.commune.id}/close`, {
      validTo: '2025-06-30',
      version: detail.json().version,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('INVALID_STATE');
  });

  it('refuses a state-changing request from another origin', async () => {
    const response = await provinceManager.request({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { origin: 'https://evil.example' },
      payload: { code: 'T-Y', name: 'Đơn vị Y', kind: 'cell', parentId: tree.commune.id, validFrom: '2020-01-01' },
    });
    expect(response.statusCode).toBe(403);
  });
});
