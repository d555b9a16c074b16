import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, signedIn } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { readSheetRows } from '../../test/spreadsheets';

const URL = '/api/v1/commendations';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceManager: Client;
let provinceEditor: Client;
let provinceViewer: Client;
let communeEditor: Client;
let otherEditor: Client;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  otherEditor = await signedIn(t.app, db, tree.otherProvince, 'editor');
});

afterAll(async () => {
  await t?.close();
});

const number = () => `${crypto.randomInt(1, 99999)}-QĐ/TU`;

function decisionBody(overrides: Record<string, unknown> = {}) {
  return {
    number: number(),
    decisionDate: '2019-08-20',
    system: 'party',
    issuerName: 'Tỉnh ủy Thử Nghiệm',
    issuerUnitId: tree.province.id,
    level: 'province',
    form: 'BANG_KHEN',
    type: 'thematic',
    signer: 'Nguyễn Tiến Hải',
    recipients: [
      { recipientType: 'collective', name: 'Chi bộ ấp 1', unitId: tree.cellA.id, reason: 'Thành tích xuất sắc' },
      {
        recipientType: 'individual',
        name: 'Nguyễn Văn Ấn',
        unitId: tree.cellB.id,
        position: 'Bí thư chi bộ',
        reason: null,
      },
    ],
    ...overrides,
  };
}

async function createDecision(by: Client = provinceEditor, overrides: Record<string, unknown> = {}) {
  const response = await by.post(URL, decisionBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const detailPaths = (response: { json(): { details: { path: string }[] } }) =>
  response.json().details.map((d) => d.path);

describe('POST /api/v1/commendations', () => {
  it('creates a decision with its recipients, owned by the issuing unit, and audits it', async () => {
    const created = await createDecision();
    expect(created).toMatchObject({
      decisionDate: '2019-08-20',
      issuerUnit: { id: tree.province.id, code: tree.province.code },
      unit: { id: tree.province.id },
      level: 'province',
      form: 'BANG_KHEN',
      version: 1,
      collectiveCount: 1,
      individualCount: 1,
      abilities: { canEdit: true, canDelete: false },
    });
    expect(created.recipients.map((r: { name: string; unit: { id: string } }) => [r.name, r.unit.id])).toEqual([
      ['Chi bộ ấp 1', tree.cellA.id],
      ['Nguyễn Văn Ấn', tree.cellB.id],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id'])
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit).toEqual([{ action: 'commendation.create', unit_id: tree.province.id }]);
  });

  it('refuses an owner out of reach (404), a viewer (403), anonymous callers (401)', async () => {
    expect((await otherEditor.post(URL, decisionBody())).statusCode).toBe(404);
    expect((await provinceViewer.post(URL, decisionBody())).statusCode).toBe(403);
    expect((await client(t.app).post(URL, decisionBody())).statusCode).toBe(401);
  });

  it('lets a commune editor record a State decision for its commune, chosen as owner', async () => {
    const created = await createDecision(communeEditor, {
      number: '1436/QĐ-UBND',
      system: 'state',
      issuerName: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
      issuerUnitId: null,
      unitId: tree.commune.id,
    });
    expect(created).toMatchObject({ issuerUnit: null, unit: { id: tree.commune.id }, system: 'state' });
  });

  it('answers 400 naming the field: bad enum, recipient out of reach, unit not active on the date, period', async () => {
    const bad = await provinceEditor.post(URL, decisionBody({ level: 'national' }));
    expect(bad.statusCode).toBe(400);
    expect(detailPaths(bad)).toContain('body.level');
    const outside = await provinceEditor.post(
      URL,
      decisionBody({ recipients: [{ recipientType: 'collective', name: 'Xã khác', unitId: tree.otherCommune.id }] }),
    );
    expect(outside.statusCode).toBe(400);
    expect(detailPaths(outside)).toEqual(['body.recipients.0.unitId']);
    const early = await provinceEditor.post(URL, decisionBody({ decisionDate: '2014-05-01' }));
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0]).toMatchObject({ path: 'body.issuerUnitId' });
    const period = await provinceEditor.post(
      URL,
      decisionBody({ achievementFrom: '2019-01-01', achievementTo: '2018-01-01' }),
    );
    expect(detailPaths(period)).toEqual(['body.achievementTo']);
    const noOwner = await provinceEditor.post(URL, decisionBody({ issuerUnitId: null }));
    expect(detailPaths(noOwner)).toEqual(['body.unitId']);
  });

  it('answers 409 on the same number, date and issuer', async () => {
    const first = await createDecision();
    const again = await provinceEditor.post(URL, decisionBody({ number: first.number }));
    expect(again.statusCode).toBe(409);
    expect(detailPaths(again)).toEqual(['body.number']);
  });
});

describe('GET /api/v1/commendations', () => {
  it('filters by level, type, recipient type, unit subtree and dates, and searches without diacritics', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const a = await createDecision(provinceEditor, {
      number: `${tag}-QĐ/TU`,
      recipients: [{ recipientType: 'individual', name: 'Trần Thị Thu Hương', unitId: tree.cellA.id }],
    });
    const b = await createDecision(provinceEditor, {
      number: `${tag}b-QĐ/HU`,
      decisionDate: '2018-01-05',
      level: 'district',
      form: 'GIAY_KHEN',
      recipients: [{ recipientType: 'collective', name: 'Chi bộ ấp 2', unitId: tree.cellB.id }],
    });
    const ids = async (query: string) =>
      (await provinceViewer.get(`${URL}?pageSize=200&${query}`)).json().items.map((d: { id: string }) => d.id);
    expect(await ids(`search=${tag}`)).toEqual([a.id, b.id]);
    expect(await ids(`search=${tag}&level=district`)).toEqual([b.id]);
    expect(await ids(`search=${tag}&form=BANG_KHEN`)).toEqual([a.id]);
    expect(await ids(`search=${tag}&recipientType=collective`)).toEqual([b.id]);
    expect(await ids(`search=${tag}&unit=${tree.cellB.id}`)).toEqual([b.id]);
    expect(await ids(`search=${tag}&from=2019-01-01&to=2019-12-31`)).toEqual([a.id]);
    expect(await ids(`search=tran thi thu huong`)).toEqual([a.id]);
    expect(await ids(`search=${encodeURIComponent(`${tag}-qd/tu`)}`)).toEqual([a.id]);
    expect(await ids(`search=${tag}&type=periodic`)).toEqual([]);
    const page = (await provinceViewer.get(`${URL}?search=${tag}&pageSize=1&page=2`)).json();
    expect(page).toMatchObject({ total: 2, items: [{ id: b.id }] });
  });

  it('shows other provinces nothing, 404s a unit filter out of reach, 400s bad input, 401s anonymous', async () => {
    const created = await createDecision();
    const other = (await otherEditor.get(`${URL}?pageSize=200`)).json();
    expect(other.items.map((d: { id: string }) => d.id)).not.toContain(created.id);
    expect((await otherEditor.get(`${URL}?unit=${tree.province.id}`)).statusCode).toBe(404);
    const bad = await provinceViewer.get(`${URL}?from=20-08-2019`);
    expect(bad.statusCode).toBe(400);
    expect(detailPaths(bad)[0]).toContain('from');
    expect((await provinceViewer.get(`${URL}?campaign=KHONG-CO`)).statusCode).toBe(400);
    expect((await client(t.app).get(URL)).statusCode).toBe(401);
  });
});

describe('GET /api/v1/commendations/:id', () => {
  it('returns the decision to viewers of its owner, 404 elsewhere and for unknown ids, 400 for a bad id', async () => {
    const created = await createDecision();
    const seen = await provinceViewer.get(`${URL}/${created.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: created.id, abilities: { canEdit: false, canDelete: false } });
    expect((await otherEditor.get(`${URL}/${created.id}`)).statusCode).toBe(404);
    expect((await communeEditor.get(`${URL}/${created.id}`)).statusCode).toBe(404);
    expect((await provinceViewer.get(`${URL}/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await provinceViewer.get(`${URL}/not-a-uuid`)).statusCode).toBe(400);
    expect((await client(t.app).get(`${URL}/${created.id}`)).statusCode).toBe(401);
  });
});

describe('PATCH /api/v1/commendations/:id', () => {
  it('updates fields, keeps the recipients’ copies in step, and answers 409 with what changed', async () => {
    const created = await createDecision();
    const first = await provinceEditor.patch(`${URL}/${created.id}`, { level: 'district', version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ level: 'district', version: 2 });
    const copies = await t.database.db
      .selectFrom('commendation_recipient')
      .select('level')
      .where('decision_id', '=', created.id)
      .execute();
    expect(copies.map((c) => c.level)).toEqual(['district', 'district']);

    const stale = await provinceManager.patch(`${URL}/${created.id}`, {
      level: 'central',
      form: 'GIAY_KHEN',
      type: 'thematic',
      signer: 'Lê Văn B',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    // Labels users see, not stored codes; unchanged fields (type) are not listed; who changed it and when.
    expect(stale.json().details).toEqual([
      { path: 'body.level', message: 'Cấp khen hiện là "Cấp huyện"' },
      { path: 'body.form', message: 'Hình thức hiện là "Bằng khen"' },
      { path: 'body.signer', message: 'Người ký hiện là "Nguyễn Tiến Hải"' },
      {
        path: 'lastChange',
        message: expect.stringMatching(
          /^Lần sửa gần nhất: Người dùng u[0-9a-f]+ lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} — Sửa quyết định khen thưởng .+ ngày 20\/08\/2019\.$/,
        ),
      },
      { path: 'body.version', message: 'Phiên bản hiện tại là 2, bạn sửa từ 1.' },
    ]);
  });

  it('refuses a new date on which a recipient’s unit did not exist, and checks roles and reach', async () => {
    const created = await createDecision();
    const early = await provinceEditor.patch(`${URL}/${created.id}`, { decisionDate: '2014-01-01', version: 1 });
    expect(early.statusCode).toBe(400);
    expect((await provinceViewer.patch(`${URL}/${created.id}`, { level: 'district', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await otherEditor.patch(`${URL}/${created.id}`, { level: 'district', version: 1 })).statusCode).toBe(404);
    expect((await provinceEditor.patch(`${URL}/${created.id}`, { level: 'x', version: 1 })).statusCode).toBe(400);
    expect((await client(t.app).patch(`${URL}/${created.id}`, { version: 1 })).statusCode).toBe(401);
  });
});

describe('recipients edited inline', () => {
  it('adds, updates and deletes recipients, each bumping the decision’s version', async () => {
    const created = await createDecision();
    const added = await provinceEditor.post(`${URL}/${created.id}/recipients`, {
      recipientType: 'individual',
      name: 'Lê Thị Mai',
      unitId: tree.cellA.id,
      position: 'Đảng viên',
      version: 1,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ version: 2, individualCount: 2 });
    const mai = added.json().recipients.find((r: { name: string }) => r.name === 'Lê Thị Mai');

    const updated = await provinceEditor.patch(`${URL}/${created.id}/recipients/${mai.id}`, {
      position: 'Phó Bí thư chi bộ',
      version: 2,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().version).toBe(3);
    expect(updated.json().recipients.find((r: { id: string }) => r.id === mai.id).position).toBe('Phó Bí thư chi bộ');

    const stale = await provinceManager.patch(`${URL}/${created.id}/recipients/${mai.id}`, {
      name: 'Lê Thị Mai Anh',
      version: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.at(-1)).toEqual({
      path: 'body.version',
      message: 'Phiên bản hiện tại là 3, bạn sửa từ 2.',
    });

    const removed = await provinceEditor.delete(`${URL}/${created.id}/recipients/${mai.id}?version=3`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ version: 4, individualCount: 1 });
    expect((await provinceEditor.delete(`${URL}/${created.id}/recipients/${mai.id}?version=4`)).statusCode).toBe(404);
  });

  it('checks reach, role, unit and input on recipient edits', async () => {
    const created = await createDecision();
    const body = { recipientType: 'collective', name: 'Chi bộ ấp 2', unitId: tree.cellB.id, version: 1 };
    expect((await otherEditor.post(`${URL}/${created.id}/recipients`, body)).statusCode).toBe(404);
    expect((await provinceViewer.post(`${URL}/${created.id}/recipients`, body)).statusCode).toBe(403);
    expect((await client(t.app).post(`${URL}/${created.id}/recipients`, body)).statusCode).toBe(401);
    const outside = await provinceEditor.post(`${URL}/${created.id}/recipients`, {
      ...body,
      unitId: tree.otherCommune.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(detailPaths(outside)).toEqual(['body.unitId']);
    expect((await provinceEditor.post(`${URL}/${created.id}/recipients`, { ...body, name: '' })).statusCode).toBe(400);
    const recipientId = created.recipients[0].id;
    expect((await provinceViewer.delete(`${URL}/${created.id}/recipients/${recipientId}?version=1`)).statusCode).toBe(
      403,
    );
    expect((await provinceEditor.delete(`${URL}/${created.id}/recipients/${recipientId}`)).statusCode).toBe(400);
  });
});

describe('DELETE /api/v1/commendations/:id', () => {
  it('lets a manager delete (with its recipients), not an editor; 404 out of reach; 401 anonymous', async () => {
    const created = await createDecision();
    expect((await provinceEditor.delete(`${URL}/${created.id}`)).statusCode).toBe(403);
    expect((await otherEditor.delete(`${URL}/${created.id}`)).statusCode).toBe(404);
    expect((await client(t.app).delete(`${URL}/${created.id}`)).statusCode).toBe(401);
    expect((await provinceManager.delete(`${URL}/${created.id}?version=7`)).statusCode).toBe(409);
    expect((await provinceManager.delete(`${URL}/${created.id}?version=x`)).statusCode).toBe(400);
    expect((await provinceManager.delete(`${URL}/${created.id}?version=1`)).statusCode).toBe(204);
    expect((await provinceManager.get(`${URL}/${created.id}`)).statusCode).toBe(404);
    const left = await t.database.db
      .selectFrom('commendation_recipient')
      .select('id')
      .where('decision_id', '=', created.id)
      .execute();
    expect(left).toEqual([]);
  });
});

describe('GET /api/v1/commendations/export', () => {
  it('exports what the filters show, one row per recipient, in the import format', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    await createDecision(provinceEditor, { number: `${tag}-QĐ/TU` });
    const response = await provinceViewer.get(`${URL}/export?search=${tag}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheetRows(response.rawPayload);
    expect(rows[0].slice(0, 9)).toEqual([
      'Số quyết định',
      'Ngày quyết định',
      'Cấp khen',
      'Hình thức',
      'Cơ quan ban hành',
      'Mã chương trình',
      'Tập thể/cá nhân',
      'Tên tập thể, cá nhân',
      'Mã đơn vị',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[6], r[7], r[8]])).toEqual([
      [`${tag}-QĐ/TU`, 'Cấp tỉnh', 'Bằng khen', 'Tập thể', 'Chi bộ ấp 1', tree.cellA.code],
      [`${tag}-QĐ/TU`, 'Cấp tỉnh', 'Bằng khen', 'Cá nhân', 'Nguyễn Văn Ấn', tree.cellB.code],
    ]);
    const only = await readSheetRows(
      (await provinceViewer.get(`${URL}/export?search=${tag}&recipientType=individual`)).rawPayload,
    );
    expect(only.length).toBe(2);
    expect((await otherEditor.get(`${URL}/export?unit=${tree.province.id}`)).statusCode).toBe(404);
    expect((await provinceViewer.get(`${URL}/export?level=x`)).statusCode).toBe(400);
    expect((await client(t.app).get(`${URL}/export`)).statusCode).toBe(401);
  });
});
