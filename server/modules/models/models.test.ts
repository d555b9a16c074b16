import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, createUnit, signedIn, createCampaign, createTheme } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { fieldId, modelBody } from './models.fixtures';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceManager: Client;
let provinceViewer: Client;
let communeEditor: Client;
let cellEditor: Client;
let otherEditor: Client;
let economy: string;
let partyBuilding: string;
let campaign: { id: string; code: string };

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  cellEditor = await signedIn(t.app, db, tree.cellA, 'editor');
  otherEditor = await signedIn(t.app, db, tree.otherCommune, 'editor');
  economy = await fieldId(db, 'economy');
  partyBuilding = await fieldId(db, 'party_building');
  campaign = await createCampaign(db, tree.central);
});

afterAll(async () => {
  await t?.close();
});

const paths = (response: { json(): { details: { path: string }[] } }) =>
  response
    .json()
    .details.map((d) => d.path)
    .sort();

async function auditOf(modelId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'unit_id', 'before', 'after'])
    .where('entity_type', '=', 'model')
    .where('entity_id', '=', modelId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

describe('POST /api/v1/models', () => {
  it('registers a proposed model with campaigns, theme, people and results, audited', async () => {
    const theme = await createTheme(t.database.db, campaign.id, tree.central);
    const response = await communeEditor.post(
      '/api/v1/models',
      modelBody(tree.cellA, economy, {
        title: 'Gương đảng viên giúp dân thoát nghèo',
        kind: 'individual_example',
        people: [{ name: 'Nguyễn Văn An', position: 'Bí thư chi bộ' }],
        indicators: [{ indicator: 'Hộ thoát nghèo', value: 35, unit: 'hộ' }],
        campaignIds: [campaign.id],
        themeId: theme.id,
      }),
    );
    expect(response.statusCode).toBe(201);
    const model = response.json();
    expect(model).toMatchObject({
      title: 'Gương đảng viên giúp dân thoát nghèo',
      kind: 'individual_example',
      status: 'proposed',
      unit: { id: tree.cellA.id, code: tree.cellA.code },
      field: { code: 'economy', nameVi: 'Kinh tế' },
      people: [{ name: 'Nguyễn Văn An', position: 'Bí thư chi bộ' }],
      indicators: [{ indicator: 'Hộ thoát nghèo', value: 35, unit: 'hộ' }],
      campaigns: [{ id: campaign.id, code: campaign.code }],
      theme: { id: theme.id, code: theme.code },
      replications: [],
      documentsCount: 0,
      version: 1,
      abilities: { canEdit: true, canRecognise: false, canReplicate: false, canArchive: false },
    });
    expect(model.timeline).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'proposed', note: 'Đăng ký mô hình' }),
    ]);
    const audit = await auditOf(model.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'model.create', unit_id: tree.cellA.id })]);
  });

  it('refuses bad input with details naming each field, and writes nothing', async () => {
    const before = await t.database.db
      .selectFrom('model')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const bad = await communeEditor.post('/api/v1/models', {
      title: 'x',
      kind: 'statue',
      unitId: 'nope',
      fieldId: economy,
      startedOn: '15/03/2018',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.kind', 'body.startedOn', 'body.title', 'body.unitId']);

    const noPeople = await communeEditor.post(
      '/api/v1/models',
      modelBody(tree.commune, economy, { kind: 'individual_example' }),
    );
    expect(noPeople.statusCode).toBe(400);
    expect(paths(noPeople)).toEqual(['body.people']);

    const future = await communeEditor.post(
      '/api/v1/models',
      modelBody(tree.commune, economy, { startedOn: '2999-01-01' }),
    );
    expect(paths(future)).toEqual(['body.startedOn']);

    const unknownCampaign = await communeEditor.post(
      '/api/v1/models',
      modelBody(tree.commune, economy, { campaignIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(paths(unknownCampaign)).toEqual(['body.campaignIds']);
    const after = await t.database.db
      .selectFrom('model')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('needs the unit as it was on the start date', async () => {
    const closed = await createUnit(t.database.db, {
      kind: 'cell',
      parent: tree.commune,
      validFrom: '2015-01-01',
      validTo: '2019-12-31',
    });
    const late = await communeEditor.post('/api/v1/models', modelBody(closed, economy, { startedOn: '2021-01-01' }));
    expect(late.statusCode).toBe(400);
    expect(paths(late)).toEqual(['body.unitId']);
    expect(late.json().details[0].message).toContain('không hoạt động vào ngày 01/01/2021');
    const inTime = await communeEditor.post('/api/v1/models', modelBody(closed, economy, { startedOn: '2019-06-01' }));
    expect(inTime.statusCode).toBe(201);
  });

  it('answers 401 anonymous, 403 to a viewer, 404 for a unit out of the subtree', async () => {
    expect((await client(t.app).post('/api/v1/models', modelBody(tree.commune, economy))).statusCode).toBe(401);
    expect((await provinceViewer.post('/api/v1/models', modelBody(tree.commune, economy))).statusCode).toBe(403);
    expect((await cellEditor.post('/api/v1/models', modelBody(tree.commune, economy))).statusCode).toBe(404);
    expect((await otherEditor.post('/api/v1/models', modelBody(tree.commune, economy))).statusCode).toBe(404);
  });
});

describe('GET /api/v1/models and /:id', () => {
  it('lists the caller’s subtree only, filtered, paged, with counts by status', async () => {
    const db = t.database.db;
    const unit = await createUnit(db, { kind: 'cell', parent: tree.commune });
    const mine = [];
    for (const [i, field] of [economy, economy, partyBuilding].entries()) {
      const response = await communeEditor.post(
        '/api/v1/models',
        modelBody(unit, field, { startedOn: `201${6 + i}-05-01`, campaignIds: i === 0 ? [campaign.id] : [] }),
      );
      mine.push(response.json());
    }
    await otherEditor.post('/api/v1/models', modelBody(tree.otherCommune, economy));

    const list = await provinceViewer.get(`/api/v1/models?unit=${unit.code}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(3);
    expect(list.json().items.map((m: { id: string }) => m.id)).toEqual([mine[2].id, mine[1].id, mine[0].id]);
    expect(list.json().counts).toEqual({ proposed: 3, recognised: 0, replicated: 0, archived: 0 });
    expect(list.json().abilities).toEqual({ canCreate: false, canManageFields: false });
    expect((await communeEditor.get('/api/v1/models?pageSize=1')).json().abilities.canCreate).toBe(true);

    const byField = await provinceViewer.get(`/api/v1/models?unit=${unit.id}&field=economy&from=2017-01-01`);
    expect(byField.json().items.map((m: { id: string }) => m.id)).toEqual([mine[1].id]);
    const byCampaign = await provinceViewer.get(
      `/api/v1/models?unit=${unit.id}&campaign=${encodeURIComponent(campaign.code)}`,
    );
    expect(byCampaign.json().items.map((m: { id: string }) => m.id)).toEqual([mine[0].id]);
    const byStatus = await provinceViewer.get(`/api/v1/models?unit=${unit.id}&status=recognised`);
    expect(byStatus.json()).toMatchObject({ items: [], total: 0, counts: { proposed: 3 } });
    const paged = await provinceViewer.get(`/api/v1/models?unit=${unit.id}&pageSize=2&page=2`);
    expect(paged.json().items.map((m: { id: string }) => m.id)).toEqual([mine[0].id]);

    const all = await provinceViewer.get('/api/v1/models?pageSize=200');
    expect(all.json().items.every((m: { unit: { id: string } }) => m.unit.id !== tree.otherCommune.id)).toBe(true);
  });

  it('finds "Dân vận khéo" by "dan van kheo", and people by name, ignoring diacritics', async () => {
    const created = await communeEditor.post(
      '/api/v1/models',
      modelBody(tree.commune, partyBuilding, {
        title: 'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới',
        kind: 'collective_model',
        people: [{ name: 'Trần Thị Bích Hạnh', position: 'Chủ tịch Hội Phụ nữ' }],
      }),
    );
    const id = created.json().id;
    for (const q of ['dan van kheo', 'DÂN VẬN', 'bich hanh', 'nong thon moi dan van']) {
      const response = await provinceViewer.get(`/api/v1/models?search=${encodeURIComponent(q)}`);
      expect(response.json().items.map((m: { id: string }) => m.id)).toContain(id);
    }
    const none = await provinceViewer.get('/api/v1/models?search=dan%20van%20vung');
    expect(none.json().items.map((m: { id: string }) => m.id)).not.toContain(id);
  });

  it('shows one model in reach; 404 out of reach, 400 on a bad id, 401 anonymous', async () => {
    const created = (await communeEditor.post('/api/v1/models', modelBody(tree.commune, economy))).json();
    expect((await provinceViewer.get(`/api/v1/models/${created.id}`)).json()).toMatchObject({
      id: created.id,
      abilities: { canEdit: false, canRecognise: false, canArchive: false },
    });
    expect((await provinceManager.get(`/api/v1/models/${created.id}`)).json().abilities).toEqual({
      canEdit: true,
      canRecognise: true,
      canReplicate: false,
      canArchive: true,
    });
    expect((await otherEditor.get(`/api/v1/models/${created.id}`)).statusCode).toBe(404);
    expect((await cellEditor.get(`/api/v1/models/${created.id}`)).statusCode).toBe(404);
    expect(paths(await provinceViewer.get('/api/v1/models/abc'))).toEqual(['params.id']);
    expect((await client(t.app).get(`/api/v1/models/${created.id}`)).statusCode).toBe(401);
    expect((await client(t.app).get('/api/v1/models')).statusCode).toBe(401);
    expect((await provinceViewer.get(`/api/v1/models?unit=${tree.otherProvince.code}`)).statusCode).toBe(404);
    expect(paths(await provinceViewer.get('/api/v1/models?status=done&from=2019'))).toEqual([
      'query.from',
      'query.status',
    ]);
  });
});

describe('PATCH /api/v1/models/:id', () => {
  it('edits fields, keeps the audit trail, and answers 409 with what changed on a stale version', async () => {
    const created = (
      await communeEditor.post('/api/v1/models', modelBody(tree.commune, economy, { campaignIds: [campaign.id] }))
    ).json();
    const first = await communeEditor.patch(`/api/v1/models/${created.id}`, {
      title: 'Tuyến đường hoa',
      fieldId: partyBuilding,
      indicators: [{ indicator: 'Cây xanh trồng mới', value: 1200, unit: 'cây' }],
      campaignIds: [],
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ title: 'Tuyến đường hoa', field: { code: 'party_building' }, campaigns: [] });
    expect(first.json().version).toBe(2);

    const stale = await provinceManager.patch(`/api/v1/models/${created.id}`, {
      title: 'Ngày thứ Bảy tình nguyện',
      description: 'Mô tả khác',
      kind: 'good_practice',
      fieldId: economy,
      startedOn: '2018-04-01',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect(stale.json().details).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: 'Tên mô hình hiện là "Tuyến đường hoa"' },
        { path: 'body.description', message: 'Mô tả hiện là "Cán bộ, đảng viên gương mẫu đi đầu."' },
        { path: 'body.kind', message: 'Loại hiện là "Mô hình tập thể"' },
        { path: 'body.fieldId', message: `Lĩnh vực hiện là "${first.json().field.nameVi}"` },
        { path: 'body.startedOn', message: 'Ngày bắt đầu hiện là "15/03/2018"' },
        { path: 'body.version', message: 'Phiên bản hiện tại là 2, bạn sửa từ 1.' },
      ]),
    );
    const audit = await auditOf(created.id);
    expect(audit.map((entry) => entry.action)).toEqual(['model.create', 'model.update']);
    expect(audit[1].before).toMatchObject({ title: created.title, fieldId: economy, campaignIds: [campaign.id] });
    expect(audit[1].after).toMatchObject({ title: 'Tuyến đường hoa', fieldId: partyBuilding, campaignIds: [] });
  });

  it('answers 403 to a viewer, 404 out of reach, 400 on bad input, 401 anonymous', async () => {
    const created = (await communeEditor.post('/api/v1/models', modelBody(tree.commune, economy))).json();
    const url = `/api/v1/models/${created.id}`;
    expect((await provinceViewer.patch(url, { title: 'Chi bộ 4 tốt', version: 1 })).statusCode).toBe(403);
    expect((await otherEditor.patch(url, { title: 'Chi bộ 4 tốt', version: 1 })).statusCode).toBe(404);
    expect((await client(t.app).patch(url, { title: 'Chi bộ 4 tốt', version: 1 })).statusCode).toBe(401);
    const bad = await communeEditor.patch(url, { title: '', people: [{ name: '' }] });
    expect(paths(bad)).toEqual(['body.people.0.name', 'body.title', 'body.version']);
    const moveOut = await communeEditor.patch(url, { unitId: tree.otherCommune.id, version: 1 });
    expect(moveOut.statusCode).toBe(404);
  });
});
