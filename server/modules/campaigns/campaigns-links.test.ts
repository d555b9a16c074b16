import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { createTree, signedIn } from '../../test/factories';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let centralAdmin: Client;
let provinceManager: Client;
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

describe('campaign links', () => {
  it('links a provincial plan to the national directive and shows the link from both sides', async () => {
    const created = await create(provinceManager, campaignBody(tree.province.id));
    const response = await provinceManager.post(`/api/v1/campaigns/${created.id}/links`, {
      relatedCampaignId: national.id,
      relation: 'implements',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().links).toEqual([
      {
        relation: 'implements',
        direction: 'outgoing',
        label: 'Triển khai',
        campaign: expect.objectContaining({ id: national.id, code: '05-CT/TW', kind: 'directive' }),
      },
    ]);
    const fromNational = await communeViewer.get(`/api/v1/campaigns/${national.id}`);
    expect(fromNational.json().links).toContainEqual(
      expect.objectContaining({
        relation: 'implements',
        direction: 'incoming',
        label: 'Được triển khai bởi',
        campaign: expect.objectContaining({ id: created.id }),
      }),
    );
    // The other province sees the national directive but not this province's plan, so not the link either.
    const fromOther = await otherManager.get(`/api/v1/campaigns/${national.id}`);
    expect(fromOther.json().links.map((l: { campaign: { id: string } }) => l.campaign.id)).not.toContain(created.id);

    const again = await provinceManager.post(`/api/v1/campaigns/${created.id}/links`, {
      relatedCampaignId: national.id,
      relation: 'related',
    });
    expect(again.statusCode).toBe(409);

    const removed = await provinceManager.delete(`/api/v1/campaigns/${created.id}/links/${national.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await provinceManager.get(`/api/v1/campaigns/${created.id}`)).json().links).toEqual([]);
    expect((await provinceManager.delete(`/api/v1/campaigns/${created.id}/links/${national.id}`)).statusCode).toBe(404);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.id)
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['campaign.create', 'campaign.link', 'campaign.unlink']);
  });

  it('labels “continues” and “implemented with” from both sides', async () => {
    const successor = await create(centralAdmin, {
      ...campaignBody(tree.central.id),
      code: '01-KL/TW',
      kind: 'conclusion',
      issuedOn: '2021-05-18',
    });
    const resolution = await create(centralAdmin, { ...campaignBody(tree.central.id), code: '04-NQ/TW' });
    await centralAdmin.post(`/api/v1/campaigns/${successor.id}/links`, {
      relatedCampaignId: national.id,
      relation: 'continues',
    });
    await centralAdmin.post(`/api/v1/campaigns/${national.id}/links`, {
      relatedCampaignId: resolution.id,
      relation: 'implemented_with',
    });
    const links = (await communeViewer.get(`/api/v1/campaigns/${national.id}`)).json().links;
    const byCode = Object.fromEntries(
      links.map((l: { campaign: { code: string }; label: string }) => [l.campaign.code, l.label]),
    );
    expect(byCode).toMatchObject({ '01-KL/TW': 'Được tiếp tục bởi', '04-NQ/TW': 'Thực hiện cùng' });
    const fromSuccessor = (await communeViewer.get(`/api/v1/campaigns/${successor.id}`)).json().links;
    expect(fromSuccessor).toEqual([expect.objectContaining({ label: 'Tiếp tục', direction: 'outgoing' })]);
    const listed = (await communeViewer.get('/api/v1/campaigns?search=05-CT')).json().items[0];
    expect(listed.links.length).toBeGreaterThanOrEqual(2);
  });

  it('answers 403 to a commune manager, 404 for an unseen related campaign, 400 on self or bad relation', async () => {
    const body = { relatedCampaignId: plan.id, relation: 'related' };
    expect((await communeManager.post(`/api/v1/campaigns/${national.id}/links`, body)).statusCode).toBe(403);
    const unseen = { relatedCampaignId: otherPlan.id, relation: 'related' };
    expect((await provinceManager.post(`/api/v1/campaigns/${plan.id}/links`, unseen)).statusCode).toBe(404);
    const self = await provinceManager.post(`/api/v1/campaigns/${plan.id}/links`, {
      ...body,
      relatedCampaignId: plan.id,
    });
    expect(self.statusCode).toBe(400);
    expect(paths(self)).toEqual(['body.relatedCampaignId']);
    const badRelation = await provinceManager.post(`/api/v1/campaigns/${plan.id}/links`, {
      relatedCampaignId: national.id,
      relation: 'supersedes',
    });
    expect(badRelation.statusCode).toBe(400);
    expect(paths(badRelation)).toEqual(['body.relation']);
    expect((await communeManager.delete(`/api/v1/campaigns/${national.id}/links/${plan.id}`)).statusCode).toBe(403);
    expect((await client(t.app).post(`/api/v1/campaigns/${plan.id}/links`, body)).statusCode).toBe(401);
  });

  it('DELETE a link: 404 for another province’s campaign, 403 where only seen, 400 on a malformed id; keeps the link', async () => {
    const linked = await otherManager.post(`/api/v1/campaigns/${otherPlan.id}/links`, {
      relatedCampaignId: national.id,
      relation: 'implements',
    });
    expect(linked.statusCode, linked.body).toBe(201);
    expect((await provinceManager.delete(`/api/v1/campaigns/${otherPlan.id}/links/${national.id}`)).statusCode).toBe(
      404,
    );
    // The national directive is seen by the province but managed above it.
    expect((await provinceManager.delete(`/api/v1/campaigns/${national.id}/links/${otherPlan.id}`)).statusCode).toBe(
      403,
    );
    expect((await otherManager.delete(`/api/v1/campaigns/${plan.id}/links/${national.id}`)).statusCode).toBe(404);
    const badRelated = await provinceManager.delete(`/api/v1/campaigns/${plan.id}/links/not-a-uuid`);
    expect(badRelated.statusCode).toBe(400);
    expect(paths(badRelated)).toEqual(['params.relatedId']);
    const badId = await provinceManager.delete(`/api/v1/campaigns/123/links/${national.id}`);
    expect(badId.statusCode).toBe(400);
    expect(paths(badId)).toEqual(['params.id']);
    expect((await client(t.app).delete(`/api/v1/campaigns/${otherPlan.id}/links/${national.id}`)).statusCode).toBe(401);
    const kept = (await otherManager.get(`/api/v1/campaigns/${otherPlan.id}`)).json().links;
    expect(kept.map((l: { campaign: { id: string } }) => l.campaign.id)).toEqual([national.id]);
  });
});
