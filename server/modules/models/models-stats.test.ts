import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access';
import { createTree, createUnit, signedIn, type TestUnit, createCampaign } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { countModels } from './models-stats';
import { fieldId, modelBody } from './models.fixtures';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let centralManager: Client;
let centralAdmin: Client;
let provinceManager: Client;
let provinceAdmin: Client;
let provinceViewer: Client;
let communeEditor: Client;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  centralManager = await signedIn(t.app, db, tree.central, 'manager');
  centralAdmin = await signedIn(t.app, db, tree.central, 'admin');
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceAdmin = await signedIn(t.app, db, tree.province, 'admin');
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

describe('GET /api/v1/stats/models', () => {
  it('counts by status, kind, field and child unit, within the dates and the campaign', async () => {
    const db = t.database.db;
    const [economy, culture] = [await fieldId(db, 'economy'), await fieldId(db, 'culture')];
    const campaign = await createCampaign(db, tree.central);
    const commune = await createUnit(db, { kind: 'commune', parent: tree.province });
    const cellA = await createUnit(db, { kind: 'cell', parent: commune, name: 'Chi bộ ấp An' });
    const cellB = await createUnit(db, { kind: 'cell', parent: commune, name: 'Chi bộ ấp Bình' });
    const closedCell = await createUnit(db, { kind: 'cell', parent: commune, validTo: '2019-12-31' });
    const add = async (unit: TestUnit, body: Record<string, unknown>) =>
      (await provinceManager.post('/api/v1/models', modelBody(unit, economy, body))).json() as {
        id: string;
        version: number;
      };
    const a1 = await add(cellA, { startedOn: '2018-01-01', campaignIds: [campaign.id] });
    await add(cellA, { startedOn: '2019-01-01', kind: 'good_practice', fieldId: culture });
    await add(cellB, { startedOn: '2019-06-01', campaignIds: [campaign.id] });
    await add(commune, { startedOn: '2019-07-01', kind: 'creative_approach' });
    await add(closedCell, { startedOn: '2019-02-01' });
    await add(cellB, { startedOn: '2021-02-01' });
    await provinceManager.post(`/api/v1/models/${a1.id}/recognise`, {
      level: 'province',
      recognisedOn: '2018-06-01',
      version: 1,
    });

    const response = await provinceViewer.get(
      `/api/v1/stats/models?unit=${commune.code}&from=2018-01-01&to=2020-12-31`,
    );
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    expect(stats).toMatchObject({
      unit: { id: commune.id, code: commune.code, kind: 'commune' },
      from: '2018-01-01',
      to: '2020-12-31',
      campaign: null,
      total: 5,
      byStatus: { proposed: 4, recognised: 1, replicated: 0, archived: 0 },
      byKind: { collective_model: 3, individual_example: 0, good_practice: 1, creative_approach: 1 },
      notInChildren: 2,
    });
    const fieldCounts = Object.fromEntries(
      stats.byField.map((f: { field: { code: string }; count: number }) => [f.field.code, f.count]),
    );
    expect(fieldCounts).toMatchObject({ economy: 4, culture: 1, health: 0 });
    expect(stats.byField).toHaveLength(10);
    // The closed cell no longer existed on 2020-12-31; its model counts for the commune, not for a child.
    expect(
      stats.children.map((c: { unit: { name: string }; total: number; byStatus: { recognised: number } }) => [
        c.unit.name,
        c.total,
        c.byStatus.recognised,
      ]),
    ).toEqual([
      ['Chi bộ ấp An', 2, 1],
      ['Chi bộ ấp Bình', 1, 0],
    ]);

    const byCampaign = await provinceViewer.get(
      `/api/v1/stats/models?unit=${commune.id}&to=2025-01-01&campaign=${encodeURIComponent(campaign.code)}`,
    );
    expect(byCampaign.json()).toMatchObject({ total: 2, campaign: { id: campaign.id, code: campaign.code } });
    const service = await countModels(db, systemActor(), { unit: commune.code, to: '2025-01-01' });
    expect(service.total).toBe(6);
    expect(service.children.map((c) => c.total)).toEqual([2, 2]);
  });

  it('answers 404 for a unit out of reach, 400 on bad input, 401 anonymous', async () => {
    expect((await provinceViewer.get(`/api/v1/stats/models?unit=${tree.otherProvince.code}`)).statusCode).toBe(404);
    expect((await communeEditor.get(`/api/v1/stats/models?unit=${tree.province.code}`)).statusCode).toBe(404);
    expect(paths(await provinceViewer.get('/api/v1/stats/models?from=2019'))).toEqual(['query.from', 'query.unit']);
    expect(
      paths(await provinceViewer.get(`/api/v1/stats/models?unit=${tree.province.code}&from=2020-01-01&to=2019-01-01`)),
    ).toEqual(['query.from']);
    expect((await client(t.app).get(`/api/v1/stats/models?unit=${tree.province.code}`)).statusCode).toBe(401);
  });
});

describe('/api/v1/model-fields', () => {
  it('lists the seeded fields in order to anyone signed in; 401 anonymous', async () => {
    const response = await communeEditor.get('/api/v1/model-fields');
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .items.slice(0, 3)
        .map((f: { nameVi: string }) => f.nameVi),
    ).toEqual(['Xây dựng Đảng', 'Kinh tế', 'An sinh xã hội']);
    expect(response.json().items.map((f: { code: string }) => f.code)).toContain('mass_mobilisation');
    expect(response.json().abilities).toEqual({ canManage: false });
    expect((await centralManager.get('/api/v1/model-fields')).json().abilities).toEqual({ canManage: true });
    expect((await client(t.app).get('/api/v1/model-fields')).statusCode).toBe(401);
    expect(paths(await communeEditor.get('/api/v1/model-fields?includeInactive=yes'))).toEqual([
      'query.includeInactive',
    ]);
  });

  it('lets a manager at the root or an administrator add, rename and retire a field', async () => {
    const created = await centralManager.post('/api/v1/model-fields', {
      code: 'digital_transformation',
      nameVi: 'Chuyển đổi số',
      nameEn: 'Digital transformation',
      sortOrder: 110,
    });
    expect(created.statusCode).toBe(201);
    const field = created.json();
    expect(field).toMatchObject({ code: 'digital_transformation', isActive: true, version: 1 });
    const duplicate = await provinceAdmin.post('/api/v1/model-fields', {
      code: 'digital_transformation',
      nameVi: 'Trùng',
      nameEn: 'Duplicate',
    });
    expect(duplicate.statusCode).toBe(409);

    const retired = await provinceAdmin.patch(`/api/v1/model-fields/${field.id}`, { isActive: false, version: 1 });
    expect(retired.json()).toMatchObject({ isActive: false, version: 2 });
    const listed = (await communeEditor.get('/api/v1/model-fields')).json().items.map((f: { id: string }) => f.id);
    expect(listed).not.toContain(field.id);
    const all = (await communeEditor.get('/api/v1/model-fields?includeInactive=true')).json().items;
    expect(all.map((f: { id: string }) => f.id)).toContain(field.id);

    const stale = await centralAdmin.patch(`/api/v1/model-fields/${field.id}`, { nameVi: 'Số hóa', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual(
      expect.arrayContaining([{ path: 'body.version', message: 'Phiên bản hiện tại là 2, bạn sửa từ 1.' }]),
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', field.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['model-field.create', 'model-field.update']);

    const newModel = await communeEditor.post('/api/v1/models', modelBody(tree.commune, field.id));
    expect(newModel.statusCode).toBe(400);
    expect(paths(newModel)).toEqual(['body.fieldId']);
  });

  it('refuses other managers and editors (403), bad input (400), unknown ids (404), anonymous (401)', async () => {
    const body = { code: 'tourism', nameVi: 'Du lịch', nameEn: 'Tourism' };
    expect((await provinceManager.post('/api/v1/model-fields', body)).statusCode).toBe(403);
    expect((await communeEditor.post('/api/v1/model-fields', body)).statusCode).toBe(403);
    expect((await client(t.app).post('/api/v1/model-fields', body)).statusCode).toBe(401);
    expect(paths(await centralManager.post('/api/v1/model-fields', { code: 'Du Lịch', nameVi: '' }))).toEqual([
      'body.code',
      'body.nameEn',
      'body.nameVi',
    ]);
    const missing = await centralManager.patch('/api/v1/model-fields/00000000-0000-4000-8000-000000000000', {
      nameVi: 'Không có',
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
    const economy = await fieldId(t.database.db, 'economy');
    expect(
      (await provinceManager.patch(`/api/v1/model-fields/${economy}`, { nameVi: 'Kinh tế số', version: 1 })).statusCode,
    ).toBe(403);
    expect(paths(await centralManager.patch(`/api/v1/model-fields/${economy}`, { version: 1 }))).toEqual(['body']);
  });
});
