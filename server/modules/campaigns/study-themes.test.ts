import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScope, type Actor } from '../../platform/access';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { createTree, createUnit, createUser, signedIn, type TestUnit } from '../../test/factories';
import { findCurrentThemes, getTheme } from './campaigns.service';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let centralAdmin: Client;
let provinceManager: Client;
let provinceEditor: Client;
let communeViewer: Client;
let communeManager: Client;
let otherManager: Client;
let national: { id: string };
let otherPlan: { id: string };
let themes: Record<string, { id: string; version: number }>;

function themeBody(campaignId: string, code: string, scopeUnitId: string, start: string, end: string) {
  return { campaignId, code, title: `Chuyên đề ${code}`, periodStart: start, periodEnd: end, scopeUnitId };
}

async function post(as: Client, url: string, body: Record<string, unknown>) {
  const response = await as.post(url, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((item) => item.id);
const paths = (response: { json(): { details: { path: string }[] } }) =>
  response
    .json()
    .details.map((d) => d.path)
    .sort();

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  centralAdmin = await signedIn(t.app, db, tree.central, 'admin');
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  communeViewer = await signedIn(t.app, db, tree.commune, 'viewer');
  communeManager = await signedIn(t.app, db, tree.commune, 'manager');
  otherManager = await signedIn(t.app, db, tree.otherProvince, 'manager');
  national = await post(centralAdmin, '/api/v1/campaigns', {
    code: '01-KL/TW',
    kind: 'conclusion',
    title: 'Kết luận về tiếp tục thực hiện Chỉ thị 05',
    issuingBody: 'Bộ Chính trị',
    issuedOn: '2021-05-18',
    scopeUnitId: tree.central.id,
  });
  otherPlan = await post(otherManager, '/api/v1/campaigns', {
    code: '09-KH/TU',
    kind: 'plan',
    title: 'Kế hoạch của tỉnh bên cạnh',
    issuingBody: 'Tỉnh ủy',
    issuedOn: '2021-06-01',
    scopeUnitId: tree.otherProvince.id,
  });
  const url = '/api/v1/study-themes';
  themes = {
    term: await post(
      centralAdmin,
      url,
      themeBody(national.id, '01-KL/TW-2021-2025', tree.central.id, '2021-01-01', '2025-12-31'),
    ),
    province2022: await post(
      provinceManager,
      url,
      themeBody(national.id, '01-KL/TW-P-2022', tree.province.id, '2022-01-01', '2022-12-31'),
    ),
    other2022: await post(
      otherManager,
      url,
      themeBody(national.id, '01-KL/TW-O-2022', tree.otherProvince.id, '2022-01-01', '2022-12-31'),
    ),
    otherPlan: await post(
      otherManager,
      url,
      themeBody(otherPlan.id, '09-KH/TU-2022', tree.otherProvince.id, '2022-01-01', '2022-12-31'),
    ),
  };
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/study-themes', () => {
  it('shows a commune user the national and provincial themes, never another province’s', async () => {
    const response = await communeViewer.get('/api/v1/study-themes');
    expect(response.statusCode).toBe(200);
    expect(ids(response).sort()).toEqual([themes.term.id, themes.province2022.id].sort());
    expect(response.json().items[0]).toMatchObject({
      campaign: { id: national.id, code: '01-KL/TW', kind: 'conclusion' },
      scopeUnit: expect.objectContaining({ code: expect.any(String) }),
    });
    const counted = await communeViewer.get(`/api/v1/campaigns/${national.id}`);
    expect(counted.json().themesCount).toBe(2);
  });

  it('filters by campaign (id or code), period overlap, subtree and search', async () => {
    const byCode = await centralAdmin.get(`/api/v1/study-themes?campaign=${encodeURIComponent('01-kl/tw')}`);
    expect(ids(byCode)).toHaveLength(3);
    const byId = await centralAdmin.get(`/api/v1/study-themes?campaign=${otherPlan.id}`);
    expect(ids(byId)).toEqual([themes.otherPlan.id]);
    const in2023 = await communeViewer.get('/api/v1/study-themes?from=2023-01-01&to=2023-06-30');
    expect(ids(in2023)).toEqual([themes.term.id]);
    const straddling = await communeViewer.get('/api/v1/study-themes?from=2020-06-01&to=2022-01-01');
    expect(ids(straddling).sort()).toEqual([themes.term.id, themes.province2022.id].sort());
    const subtree = await centralAdmin.get(`/api/v1/study-themes?unit=${tree.province.id}`);
    expect(ids(subtree)).toEqual([themes.province2022.id]);
    const search = await communeViewer.get(`/api/v1/study-themes?search=${encodeURIComponent('CHUYÊN ĐỀ 01-kl/tw-p')}`);
    expect(ids(search)).toEqual([themes.province2022.id]);
  });

  it('gives the themes current for a unit on a date, narrowest scope first', async () => {
    const response = await communeViewer.get(`/api/v1/study-themes?appliesTo=${tree.cellA.id}&at=2022-03-01`);
    expect(ids(response)).toEqual([themes.province2022.id, themes.term.id]);
    const later = await communeViewer.get(`/api/v1/study-themes?appliesTo=${tree.cellA.id}&at=2024-03-01`);
    expect(ids(later)).toEqual([themes.term.id]);
    const before = await communeViewer.get(`/api/v1/study-themes?appliesTo=${tree.cellA.id}&at=2019-03-01`);
    expect(ids(before)).toEqual([]);
  });

  it('answers 404 for a campaign or unit out of reach, 400 on bad filters, 401 anonymous', async () => {
    expect((await communeViewer.get(`/api/v1/study-themes?campaign=${otherPlan.id}`)).statusCode).toBe(404);
    expect((await communeViewer.get('/api/v1/study-themes?campaign=99-XX/TW')).statusCode).toBe(404);
    expect((await communeViewer.get(`/api/v1/study-themes?appliesTo=${tree.otherCommune.id}`)).statusCode).toBe(404);
    const bad = await communeViewer.get('/api/v1/study-themes?at=2022-13-01&from=2023-01-01&to=2022-01-01');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['query.at', 'query.to']);
    expect((await client(t.app).get('/api/v1/study-themes')).statusCode).toBe(401);
  });
});

describe('findCurrentThemes and getTheme (for the meetings module)', () => {
  async function actorFor(unit: TestUnit): Promise<Actor> {
    const user = await createUser(t.database.db, unit, 'viewer');
    return { userId: user.id, username: user.username, scope: await loadScope(t.database.db, user.id) };
  }

  it('returns the province’s sub-theme and the term theme for a cell in 2022; 404 out of reach', async () => {
    const actor = await actorFor(tree.commune);
    const current = await findCurrentThemes(t.database.db, actor, tree.cellB.id, '2022-09-02');
    expect(current.map((theme) => theme.code)).toEqual(['01-KL/TW-P-2022', '01-KL/TW-2021-2025']);
    await expect(findCurrentThemes(t.database.db, actor, tree.otherCommune.id, '2022-09-02')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const theme = await getTheme(t.database.db, actor, themes.term.id);
    expect(theme).toMatchObject({ code: '01-KL/TW-2021-2025', abilities: { canEdit: false, canAttach: false } });
    await expect(getTheme(t.database.db, actor, themes.other2022.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('GET /api/v1/study-themes/:id', () => {
  it('shows a visible theme with abilities; 404 out of reach; 400 bad id; 401 anonymous', async () => {
    const mine = await provinceManager.get(`/api/v1/study-themes/${themes.province2022.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      abilities: { canEdit: true, canAttach: true },
    });
    expect((await communeViewer.get(`/api/v1/study-themes/${themes.other2022.id}`)).statusCode).toBe(404);
    expect((await communeViewer.get('/api/v1/study-themes/2022')).statusCode).toBe(400);
    expect((await client(t.app).get(`/api/v1/study-themes/${themes.term.id}`)).statusCode).toBe(401);
  });
});

describe('POST /api/v1/study-themes', () => {
  const url = '/api/v1/study-themes';

  it('lets a commune manager add their own sub-theme to the national campaign, audited', async () => {
    const response = await communeManager.post(
      url,
      themeBody(national.id, '01-KL/TW-X-2023', tree.commune.id, '2023-01-01', '2023-12-31'),
    );
    expect(response.statusCode).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id'])
      .where('entity_id', '=', response.json().id)
      .execute();
    expect(audit).toEqual([{ action: 'study-theme.create', unit_id: tree.commune.id }]);
  });

  it('answers 404 for a scope above the caller or an unseen campaign, 403 to an editor, 401 anonymous', async () => {
    const atCentral = themeBody(national.id, '01-KL/TW-A', tree.central.id, '2023-01-01', '2023-12-31');
    expect((await provinceManager.post(url, atCentral)).statusCode).toBe(404);
    const unseen = themeBody(otherPlan.id, '09-KH/TU-B', tree.province.id, '2023-01-01', '2023-12-31');
    expect((await provinceManager.post(url, unseen)).statusCode).toBe(404);
    const editor = themeBody(national.id, '01-KL/TW-C', tree.province.id, '2023-01-01', '2023-12-31');
    expect((await provinceEditor.post(url, editor)).statusCode).toBe(403);
    expect((await client(t.app).post(url, editor)).statusCode).toBe(401);
  });

  it('answers 400 for a scope outside the campaign’s, reversed periods and bad fields; 409 on a taken code', async () => {
    const outside = themeBody(otherPlan.id, '09-KH/TU-D', tree.province.id, '2023-01-01', '2023-12-31');
    const outsideResponse = await centralAdmin.post(url, outside);
    expect(outsideResponse.statusCode).toBe(400);
    expect(paths(outsideResponse)).toEqual(['body.scopeUnitId']);
    const reversed = themeBody(national.id, '01-KL/TW-E', tree.province.id, '2023-12-31', '2023-01-01');
    const reversedResponse = await provinceManager.post(url, reversed);
    expect(reversedResponse.statusCode).toBe(400);
    expect(paths(reversedResponse)).toEqual(['body.periodEnd']);
    const bad = await provinceManager.post(url, { campaignId: 'x', code: 'a b', title: 'x', periodStart: '2023' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual([
      'body.campaignId',
      'body.code',
      'body.periodEnd',
      'body.periodStart',
      'body.scopeUnitId',
      'body.title',
    ]);
    const taken = themeBody(national.id, '01-kl/tw-p-2022', tree.province.id, '2023-01-01', '2023-12-31');
    const takenResponse = await provinceManager.post(url, taken);
    expect(takenResponse.statusCode).toBe(409);
    expect(paths(takenResponse)).toEqual(['body.code']);
    const closed = await createUnit(t.database.db, { kind: 'commune', parent: tree.province, validTo: '2020-12-31' });
    const closedResponse = await provinceManager.post(
      url,
      themeBody(national.id, '01-KL/TW-F', closed.id, '2023-01-01', '2023-12-31'),
    );
    expect(closedResponse.statusCode).toBe(400);
    expect(paths(closedResponse)).toEqual(['body.scopeUnitId']);
  });
});

describe('PATCH /api/v1/study-themes/:id', () => {
  it('saves with the current version and answers 409 with what changed to a stale one', async () => {
    const created = await post(
      provinceManager,
      '/api/v1/study-themes',
      themeBody(national.id, '01-KL/TW-P-2024', tree.province.id, '2024-01-01', '2024-12-31'),
    );
    const first = await provinceManager.patch(`/api/v1/study-themes/${created.id}`, {
      periodEnd: '2024-06-30',
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ periodEnd: '2024-06-30', version: 2 });
    const stale = await provinceManager.patch(`/api/v1/study-themes/${created.id}`, {
      periodEnd: '2024-09-30',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual([
      { path: 'body.periodEnd', message: 'Kết thúc hiện là "30/06/2024"' },
      { path: 'body.version', message: 'Phiên bản hiện tại là 2, bạn sửa từ 1.' },
    ]);
    const reversed = await provinceManager.patch(`/api/v1/study-themes/${created.id}`, {
      periodEnd: '2023-01-01',
      version: 2,
    });
    expect(reversed.statusCode).toBe(400);
    expect(paths(reversed)).toEqual(['body.periodEnd']);
  });

  it('answers 403 to a commune manager on the national theme, 404 out of reach, 400 bad body, 401 anonymous', async () => {
    const patch = { title: 'Tên mới của chuyên đề', version: 1 };
    expect((await communeManager.patch(`/api/v1/study-themes/${themes.term.id}`, patch)).statusCode).toBe(403);
    expect((await provinceManager.patch(`/api/v1/study-themes/${themes.other2022.id}`, patch)).statusCode).toBe(404);
    const bad = await provinceManager.patch(`/api/v1/study-themes/${themes.province2022.id}`, { title: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.title', 'body.version']);
    expect((await client(t.app).patch(`/api/v1/study-themes/${themes.term.id}`, patch)).statusCode).toBe(401);
  });
});
