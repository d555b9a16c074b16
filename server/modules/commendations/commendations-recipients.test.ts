import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, createTree, signedIn } from '../../test/factories';
import { createTestContext, type Client, type TestContext } from '../../test/harness';

// Recipients edited one by one against the decision's version, and the 409 a user reads when someone was faster.

const URL = '/api/v1/commendations';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceManager: Client;
let provinceEditor: Client;
let provinceViewer: Client;
let otherEditor: Client;
let campaignId: string;
let campaignCode: string;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  otherEditor = await signedIn(t.app, db, tree.otherProvince, 'editor');
  const campaign = await createCampaign(db, tree.central, {
    code: `05-CT/TW-${crypto.randomBytes(3).toString('hex')}`,
  });
  campaignId = campaign.id;
  campaignCode = campaign.code;
});

afterAll(async () => {
  await t?.close();
});

async function createDecision() {
  const response = await provinceEditor.post(URL, {
    number: `${crypto.randomInt(1, 999999)}-QĐ/TU`,
    decisionDate: '2019-08-20',
    system: 'party',
    issuerName: 'Tỉnh ủy Thử Nghiệm',
    issuerUnitId: tree.province.id,
    level: 'province',
    form: 'BANG_KHEN',
    type: 'thematic',
    recipients: [
      { recipientType: 'collective', name: 'Chi bộ ấp 1', unitId: tree.cellA.id },
      { recipientType: 'individual', name: 'Nguyễn Văn Ấn', unitId: tree.cellB.id, position: 'Bí thư chi bộ' },
    ],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; number: string; recipients: { id: string; name: string }[] };
}

const lastChange = (summary: string) =>
  expect.stringMatching(
    new RegExp(
      `^Lần sửa gần nhất: Người dùng u[0-9a-f]+ lúc \\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4} — ${summary.replace(/[/.]/g, '\\$&')}\\.$`,
    ),
  );

describe('409 on a decision, read as a user reads it', () => {
  it('names the unit, the campaign, the date and the system instead of ids and codes', async () => {
    const created = await createDecision();
    const moved = await provinceEditor.patch(`${URL}/${created.id}`, {
      campaignId,
      system: 'state',
      achievementFrom: '2018-01-01',
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const stale = await provinceManager.patch(`${URL}/${created.id}`, {
      campaignId: null,
      system: 'party',
      achievementFrom: '2017-01-01',
      unitId: tree.commune.id,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.slice(0, 4)).toEqual([
      { path: 'body.system', message: 'Hệ thống hiện là "Nhà nước"' },
      { path: 'body.unitId', message: `Đơn vị quản lý hồ sơ hiện là "Tỉnh ủy Thử Nghiệm (${tree.province.code})"` },
      { path: 'body.campaignId', message: `Chương trình hiện là "${campaignCode}"` },
      { path: 'body.achievementFrom', message: 'Thành tích từ hiện là "01/01/2018"' },
    ]);
  });
});

describe('recipients against a stale decision version', () => {
  it('says which recipient fields changed, naming the unit', async () => {
    const created = await createDecision();
    const an = created.recipients.find((r) => r.name === 'Nguyễn Văn Ấn')!;
    const first = await provinceEditor.patch(`${URL}/${created.id}/recipients/${an.id}`, {
      unitId: tree.cellA.id,
      recipientType: 'individual',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await provinceManager.patch(`${URL}/${created.id}/recipients/${an.id}`, {
      unitId: tree.cellB.id,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual([
      { path: 'body.unitId', message: `Đơn vị hiện là "Chi bộ ấp 1 (${tree.cellA.code})"` },
      { path: 'lastChange', message: lastChange(`Sửa Nguyễn Văn Ấn trong quyết định ${created.number}`) },
      { path: 'body.version', message: 'Phiên bản hiện tại là 2, bạn sửa từ 1.' },
    ]);
  });

  it('adding or removing says who changed the decision, when, and whom it now commends; nothing is written', async () => {
    const created = await createDecision();
    const added = await provinceEditor.post(`${URL}/${created.id}/recipients`, {
      recipientType: 'individual',
      name: 'Lê Thị Mai',
      unitId: tree.cellA.id,
      version: 1,
    });
    expect(added.statusCode, added.body).toBe(201);

    const staleAdd = await provinceManager.post(`${URL}/${created.id}/recipients`, {
      recipientType: 'collective',
      name: 'Chi bộ ấp 2',
      unitId: tree.cellB.id,
      version: 1,
    });
    expect(staleAdd.statusCode).toBe(409);
    expect(staleAdd.json().details).toEqual([
      { path: 'lastChange', message: lastChange(`Thêm Lê Thị Mai vào quyết định ${created.number}`) },
      { path: 'recipients', message: 'Quyết định hiện khen 1 tập thể, 2 cá nhân.' },
      { path: 'body.version', message: 'Phiên bản hiện tại là 2, bạn sửa từ 1.' },
    ]);

    const staleDelete = await provinceManager.delete(
      `${URL}/${created.id}/recipients/${created.recipients[0].id}?version=1`,
    );
    expect(staleDelete.statusCode).toBe(409);
    expect(staleDelete.json().details.map((d: { path: string }) => d.path)).toEqual([
      'lastChange',
      'recipients',
      'body.version',
    ]);
    const now = (await provinceViewer.get(`${URL}/${created.id}`)).json();
    expect(now).toMatchObject({ version: 2, collectiveCount: 1, individualCount: 2 });
  });
});

describe('PATCH and DELETE /api/v1/commendations/:id/recipients/:recipientId', () => {
  it('answers 403 to a viewer, 404 out of the subtree or for a recipient of another decision, 400 for bad input', async () => {
    const created = await createDecision();
    const other = await createDecision();
    const recipient = created.recipients[0];
    const at = `${URL}/${created.id}/recipients/${recipient.id}`;

    expect((await provinceViewer.patch(at, { name: 'Chi bộ mới', version: 1 })).statusCode).toBe(403);
    expect((await provinceViewer.delete(`${at}?version=1`)).statusCode).toBe(403);
    expect((await otherEditor.patch(at, { name: 'Chi bộ mới', version: 1 })).statusCode).toBe(404);
    expect((await otherEditor.delete(`${at}?version=1`)).statusCode).toBe(404);
    const foreign = `${URL}/${other.id}/recipients/${recipient.id}`;
    expect((await provinceEditor.patch(foreign, { name: 'Chi bộ mới', version: 1 })).statusCode).toBe(404);
    expect((await provinceEditor.delete(`${foreign}?version=1`)).statusCode).toBe(404);

    const badType = await provinceEditor.patch(at, { recipientType: 'team', version: 1 });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().details.map((d: { path: string }) => d.path)).toContain('body.recipientType');
    expect((await provinceEditor.patch(at, { name: '', version: 1 })).statusCode).toBe(400);
    expect((await provinceEditor.patch(at, { name: 'Chi bộ mới' })).statusCode).toBe(400);
    const outside = await provinceEditor.patch(at, { unitId: tree.otherCommune.id, version: 1 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details.map((d: { path: string }) => d.path)).toEqual(['body.unitId']);
    expect((await provinceEditor.patch(`${URL}/${created.id}/recipients/not-a-uuid`, { version: 1 })).statusCode).toBe(
      400,
    );
    expect((await provinceEditor.delete(`${at}?version=abc`)).statusCode).toBe(400);

    const unchanged = (await provinceViewer.get(`${URL}/${created.id}`)).json();
    expect(unchanged.version).toBe(1);
    expect(unchanged.recipients.map((r: { name: string }) => r.name)).toEqual(['Chi bộ ấp 1', 'Nguyễn Văn Ấn']);
    expect((await provinceManager.delete(`${at}?version=1`)).statusCode).toBe(200);
  });
});
