import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestContext, signIn, type Client, type TestContext } from '../../test/harness';
import { createTree, createUnit, createUser, signedIn } from '../../test/factories';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let centralAdmin: Client;
let provinceManager: Client;
let provinceEditor: Client;
let communeViewer: Client;
let communeManager: Client;
let otherManager: Client;
let national: { id: string; code: string };
let plan: { id: string; code: string };
let otherPlan: { id: string; code: string };
let counter = 0;

/** A code no other test in this file uses. */
function nextCode(kind = 'KH', issuer = 'TU'): string {
  counter += 1;
  return `${100 + counter}-${kind}/${issuer}`;
}

function campaignBody(scopeUnitId: string, overrides: Record<string, unknown> = {}) {
  return {
    code: nextCode(),
    kind: 'plan',
    title: 'Kế hoạch thực hiện Chỉ thị về học tập và làm theo',
    issuingBody: 'Ban Thường vụ',
    issuedOn: '2016-06-01',
    scopeUnitId,
    ...overrides,
  };
}

async function create(as: Client, body: Record<string, unknown>) {
  const response = await as.post('/api/v1/campaigns', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; code: string; version: number };
}

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
  national = await create(centralAdmin, {
    code: '05-CT/TW',
    kind: 'directive',
    title: 'Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    issuingBody: 'Bộ Chính trị',
    issuedOn: '2016-05-15',
    summary: 'Học tập chuyên đề hằng năm',
    scopeUnitId: tree.central.id,
  });
  plan = await create(provinceManager, campaignBody(tree.province.id, { title: 'Kế hoạch triển khai của Tỉnh ủy' }));
  otherPlan = await create(otherManager, campaignBody(tree.otherProvince.id, { title: 'Kế hoạch của tỉnh bên cạnh' }));
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/campaigns', () => {
  it('shows a commune user the national directive and its province’s plan, never another province’s', async () => {
    const response = await communeViewer.get('/api/v1/campaigns');
    expect(response.statusCode).toBe(200);
    const codes = response.json().items.map((c: { code: string }) => c.code);
    expect(codes).toContain('05-CT/TW');
    expect(codes).toContain(plan.code);
    expect(codes).not.toContain(otherPlan.code);
    expect(response.json().abilities).toEqual({ canCreate: false });
    const item = response.json().items.find((c: { code: string }) => c.code === '05-CT/TW');
    expect(item).toMatchObject({
      kind: 'directive',
      issuedOn: '2016-05-15',
      scopeUnit: { id: tree.central.id, code: tree.central.code },
      themesCount: 0,
      links: [],
      version: 1,
    });
  });

  it('searches code and title without diacritics, filters by kind, subtree and “applies to”', async () => {
    for (const q of ['chi thi', 'PHONG CÁCH', '05-ct', '05 ct tw', 'phong cach 05-ct']) {
      const response = await communeViewer.get(`/api/v1/campaigns?search=${encodeURIComponent(q)}`);
      expect(response.json().items.map((c: { id: string }) => c.id)).toEqual([national.id]);
    }
    const plans = await communeViewer.get('/api/v1/campaigns?kind=plan');
    expect(plans.json().items.map((c: { id: string }) => c.id)).toEqual([plan.id]);
    const inProvince = await provinceManager.get(`/api/v1/campaigns?unit=${tree.province.id}`);
    expect(inProvince.json().items.map((c: { id: string }) => c.id)).toEqual([plan.id]);
    const applying = await communeViewer.get(`/api/v1/campaigns?appliesTo=${tree.commune.id}`);
    expect(
      applying
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([national.id, plan.id].sort());
    const all = await centralAdmin.get('/api/v1/campaigns?pageSize=1');
    expect(all.json().items).toHaveLength(1);
    expect(all.json().total).toBeGreaterThanOrEqual(3);
    expect(all.json().abilities).toEqual({ canCreate: true });
  });

  it('matches every word in any order, and puts the campaign whose code matches first', async () => {
    const newer = await create(
      provinceManager,
      campaignBody(tree.province.id, { title: 'Kế hoạch thực hiện Chỉ thị số 05-CT/TW', issuedOn: '2017-03-01' }),
    );
    const response = await communeViewer.get(`/api/v1/campaigns?search=${encodeURIComponent('05 chỉ thị')}`);
    expect(response.json().items.map((c: { id: string }) => c.id)).toEqual([national.id, newer.id]);
    const none = await communeViewer.get(`/api/v1/campaigns?search=${encodeURIComponent('chi thi 06')}`);
    expect(none.json().items).toEqual([]);
  });

  it('answers 404 for a unit filter out of reach, 400 on bad filters, 401 anonymous; no grant sees nothing', async () => {
    expect((await communeViewer.get(`/api/v1/campaigns?unit=${tree.otherProvince.id}`)).statusCode).toBe(404);
    const bad = await communeViewer.get('/api/v1/campaigns?kind=decree&pageSize=0&unit=abc');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['query.kind', 'query.pageSize', 'query.unit']);
    expect((await client(t.app).get('/api/v1/campaigns')).statusCode).toBe(401);
    const nobody = await createUser(t.database.db, tree.commune, null);
    const noGrant = await signIn(t.app, nobody.username, nobody.password);
    expect((await noGrant.get('/api/v1/campaigns')).json()).toMatchObject({ items: [], total: 0 });
  });
});

describe('GET /api/v1/campaigns/:id', () => {
  it('shows the national directive to a commune viewer, read-only', async () => {
    const response = await communeViewer.get(`/api/v1/campaigns/${national.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: '05-CT/TW',
      issuingBody: 'Bộ Chính trị',
      summary: 'Học tập chuyên đề hằng năm',
      abilities: { canEdit: false, canAttach: false },
    });
    const own = await provinceManager.get(`/api/v1/campaigns/${plan.id}`);
    expect(own.json().abilities).toEqual({ canEdit: true, canAttach: true });
    const editor = await provinceEditor.get(`/api/v1/campaigns/${plan.id}`);
    expect(editor.json().abilities).toEqual({ canEdit: false, canAttach: true });
  });

  it('answers 404 out of reach and for an unknown id, 400 on a malformed id, 401 anonymous', async () => {
    expect((await communeViewer.get(`/api/v1/campaigns/${otherPlan.id}`)).statusCode).toBe(404);
    const unknown = await centralAdmin.get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const bad = await communeViewer.get('/api/v1/campaigns/05-CT');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['params.id']);
    expect((await client(t.app).get(`/api/v1/campaigns/${national.id}`)).statusCode).toBe(401);
  });
});

describe('POST /api/v1/campaigns', () => {
  it('lets a manager create a plan for their unit, audited', async () => {
    const body = campaignBody(tree.province.id, { summary: '  ' });
    const response = await provinceManager.post('/api/v1/campaigns', body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: body.code, summary: null, version: 1, themesCount: 0 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id', 'after'])
      .where('entity_id', '=', response.json().id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'campaign.create',
        unit_id: tree.province.id,
        after: expect.objectContaining({ code: body.code, scopeUnitId: tree.province.id }),
      }),
    ]);
  });

  it('lets an admin above create for a unit below', async () => {
    await create(centralAdmin, campaignBody(tree.commune.id));
  });

  it('answers 404 for a scope out of reach (TW, another province), 403 to an editor, 401 anonymous', async () => {
    expect((await provinceManager.post('/api/v1/campaigns', campaignBody(tree.central.id))).statusCode).toBe(404);
    expect((await provinceManager.post('/api/v1/campaigns', campaignBody(tree.otherProvince.id))).statusCode).toBe(404);
    const editor = await provinceEditor.post('/api/v1/campaigns', campaignBody(tree.province.id));
    expect(editor.statusCode).toBe(403);
    expect((await client(t.app).post('/api/v1/campaigns', campaignBody(tree.province.id))).statusCode).toBe(401);
  });

  it('refuses a taken code (any case) with 409, bad fields with 400 naming each, a closed unit with 400', async () => {
    const taken = await provinceManager.post('/api/v1/campaigns', campaignBody(tree.province.id, { code: plan.code }));
    expect(taken.statusCode).toBe(409);
    expect(paths(taken)).toEqual(['body.code']);
    const lower = campaignBody(tree.province.id, { code: plan.code.toLowerCase() });
    expect((await provinceManager.post('/api/v1/campaigns', lower)).statusCode).toBe(409);

    const bad = await provinceManager.post('/api/v1/campaigns', {
      code: '05 CT TW',
      kind: 'decree',
      title: '',
      issuingBody: 'Bộ Chính trị',
      issuedOn: '15/05/2016',
      scopeUnitId: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.code', 'body.issuedOn', 'body.kind', 'body.scopeUnitId', 'body.title']);

    const closed = await createUnit(t.database.db, {
      kind: 'district',
      parent: tree.province,
      validFrom: '2015-01-01',
      validTo: '2015-12-31',
    });
    const tooLate = await provinceManager.post('/api/v1/campaigns', campaignBody(closed.id));
    expect(tooLate.statusCode).toBe(400);
    expect(paths(tooLate)).toEqual(['body.scopeUnitId']);
    expect(tooLate.json().message).toContain('01/06/2016');
  });
});

describe('PATCH /api/v1/campaigns/:id', () => {
  it('saves a change with the current version, audited with before and after', async () => {
    const created = await create(provinceManager, campaignBody(tree.province.id));
    const response = await provinceManager.patch(`/api/v1/campaigns/${created.id}`, {
      title: 'Kế hoạch đã sửa trích yếu',
      version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ title: 'Kế hoạch đã sửa trích yếu', version: 2 });
    const search = await provinceManager.get(`/api/v1/campaigns?search=${encodeURIComponent('da sua trich')}`);
    expect(search.json().items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_id', '=', created.id)
      .where('action', '=', 'campaign.update')
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ title: 'Kế hoạch thực hiện Chỉ thị về học tập và làm theo' });
    expect(audit.after).toMatchObject({ title: 'Kế hoạch đã sửa trích yếu' });
  });

  it('answers 409 with what changed when someone else saved first', async () => {
    const created = await create(provinceManager, campaignBody(tree.province.id));
    await provinceManager.patch(`/api/v1/campaigns/${created.id}`, { title: 'Bản của người thứ nhất', version: 1 });
    const late = await provinceManager.patch(`/api/v1/campaigns/${created.id}`, {
      title: 'Bản của người thứ hai',
      kind: 'directive',
      version: 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CONFLICT');
    expect(late.json().details).toEqual([
      { path: 'body.kind', message: 'Loại văn bản hiện là "Kế hoạch"' },
      { path: 'body.title', message: 'Trích yếu hiện là "Bản của người thứ nhất"' },
      { path: 'body.version', message: 'Phiên bản hiện tại là 2, bạn sửa từ 1.' },
    ]);
    const stored = await provinceManager.get(`/api/v1/campaigns/${created.id}`);
    expect(stored.json().title).toBe('Bản của người thứ nhất');
  });

  it('answers 403 to a commune manager on the national directive and to an editor, 404 out of reach', async () => {
    const patch = { title: 'Không được sửa văn bản này', version: 1 };
    expect((await communeManager.patch(`/api/v1/campaigns/${national.id}`, patch)).statusCode).toBe(403);
    expect((await provinceEditor.patch(`/api/v1/campaigns/${plan.id}`, patch)).statusCode).toBe(403);
    expect((await otherManager.patch(`/api/v1/campaigns/${plan.id}`, patch)).statusCode).toBe(404);
    expect((await client(t.app).patch(`/api/v1/campaigns/${plan.id}`, patch)).statusCode).toBe(401);
  });

  it('answers 400 on bad fields, and when moving the scope would leave a theme outside', async () => {
    const bad = await provinceManager.patch(`/api/v1/campaigns/${plan.id}`, { kind: 'law', issuedOn: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.issuedOn', 'body.kind', 'body.version']);
    const created = await create(provinceManager, campaignBody(tree.province.id));
    const theme = await provinceManager.post('/api/v1/study-themes', {
      campaignId: created.id,
      code: nextCode('CD'),
      title: 'Chuyên đề của tỉnh',
      periodStart: '2017-01-01',
      periodEnd: '2017-12-31',
      scopeUnitId: tree.province.id,
    });
    expect(theme.statusCode).toBe(201);
    const move = await provinceManager.patch(`/api/v1/campaigns/${created.id}`, {
      scopeUnitId: tree.commune.id,
      version: 1,
    });
    expect(move.statusCode).toBe(400);
    expect(paths(move)).toEqual(['body.scopeUnitId']);
  });
});
