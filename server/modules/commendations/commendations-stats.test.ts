import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScope, systemActor } from '../../platform/access';
import { createUnit, createUser, signedIn, type TestUnit, createCampaign } from '../../test/factories';
import { client, createTestContext, signIn, type Client, type TestContext } from '../../test/harness';
import { closeOrgUnit, renameOrgUnit } from '../org-units/org-units.service';
import { countCommendations } from './commendations-stats';

const URL = '/api/v1/stats/commendations';

let t: TestContext;
let province: TestUnit;
let renamed: TestUnit;
let closed: TestUnit;
let commune: TestUnit;
let cell: TestUnit;
let otherCommune: TestUnit;
let viewer: Client;
let editor: Client;
let outsider: Client;
let campaignCode: string;

const zero = { collective: 0, individual: 0 };
const levels = (counts: Record<string, { collective: number; individual: number }>) =>
  Object.fromEntries(Object.entries(counts).filter(([, c]) => c.collective + c.individual > 0));

async function decision(date: string, level: string, recipients: [string, TestUnit][], campaignId?: string) {
  const response = await editor.post('/api/v1/commendations', {
    number: `${crypto.randomInt(1, 999999)}-QĐ/TU`,
    decisionDate: date,
    system: 'party',
    issuerName: 'Tỉnh ủy Thống Kê',
    issuerUnitId: province.id,
    level,
    form: 'BANG_KHEN',
    type: 'thematic',
    campaignId,
    recipients: recipients.map(([type, unit], i) => ({ recipientType: type, name: `Người ${i}`, unitId: unit.id })),
  });
  expect(response.statusCode, response.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const central = await createUnit(db, { kind: 'central' });
  province = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Thống Kê' });
  renamed = await createUnit(db, { kind: 'district', parent: province, name: 'Huyện ủy Cũ' });
  closed = await createUnit(db, { kind: 'district', parent: province, name: 'Huyện ủy Đã Giải Thể' });
  await createUnit(db, { kind: 'district', parent: province, name: 'Huyện ủy Yên Tĩnh' });
  commune = await createUnit(db, { kind: 'commune', parent: renamed, name: 'Đảng ủy xã Một' });
  cell = await createUnit(db, { kind: 'cell', parent: commune, name: 'Chi bộ ấp Một' });
  const otherProvince = await createUnit(db, { kind: 'province', parent: central });
  otherCommune = await createUnit(db, { kind: 'commune', parent: otherProvince });
  viewer = await signedIn(t.app, db, province, 'viewer');
  editor = await signedIn(t.app, db, central, 'editor');
  outsider = await signedIn(t.app, db, otherProvince, 'manager');
  const campaign = await createCampaign(db, central, { code: `05-CT/TW-${crypto.randomBytes(3).toString('hex')}` });
  campaignCode = campaign.code;

  await decision('2017-06-01', 'district', [
    ['collective', cell],
    ['individual', cell],
    ['individual', commune],
  ]);
  await decision(
    '2018-06-01',
    'province',
    [
      ['collective', closed],
      ['individual', closed],
      ['individual', province],
      ['collective', renamed],
    ],
    campaign.id,
  );
  await decision('2020-01-15', 'province', [['collective', cell]]);
  await decision('2018-03-01', 'central', [['individual', otherCommune]]);
  await renameOrgUnit(db, systemActor(), renamed.id, { name: 'Huyện ủy Mới', effectiveDate: '2019-01-01', version: 1 });
  await closeOrgUnit(db, systemActor(), closed.id, { validTo: '2018-12-31', version: 1 });
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/stats/commendations', () => {
  it('counts by level × type in the subtree and period, per child valid on `to`, named as on `to`', async () => {
    const response = await viewer.get(`${URL}?unit=${province.code}&from=2016-05-15&to=2019-08-20`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.unit).toEqual({ id: province.id, code: province.code, name: 'Tỉnh ủy Thống Kê' });
    expect(levels(body.counts.byLevel)).toEqual({
      district: { collective: 1, individual: 2 },
      province: { collective: 2, individual: 2 },
    });
    expect(body.counts).toMatchObject({ collective: 3, individual: 4, total: 7 });
    // The closed district is no child on 2019-08-20: its records and the province's own stay in the total only.
    expect(body.children.map((c: { unit: { name: string } }) => c.unit.name)).toEqual([
      'Huyện ủy Mới',
      'Huyện ủy Yên Tĩnh',
    ]);
    const [renamedRow, quietRow] = body.children;
    expect(levels(renamedRow.counts.byLevel)).toEqual({
      district: { collective: 1, individual: 2 },
      province: { collective: 1, individual: 0 },
    });
    expect(quietRow.counts.total).toBe(0);
    expect(levels(body.outsideChildren.byLevel)).toEqual({ province: { collective: 1, individual: 2 } });
  });

  it('shows the closed child and the old name when `to` is before the change', async () => {
    const body = (await viewer.get(`${URL}?unit=${province.id}&from=2016-01-01&to=2018-12-31`)).json();
    const names = body.children.map((c: { unit: { name: string } }) => c.unit.name);
    expect(names).toEqual(['Huyện ủy Cũ', 'Huyện ủy Đã Giải Thể', 'Huyện ủy Yên Tĩnh']);
    expect(body.children[1].counts.byLevel.province).toEqual({ collective: 1, individual: 1 });
    expect(body.outsideChildren.total).toBe(1);
  });

  it('narrows to one campaign and to a child unit', async () => {
    const byCampaign = (
      await viewer.get(
        `${URL}?unit=${province.code}&from=2016-01-01&to=2020-12-31&campaign=${encodeURIComponent(campaignCode)}`,
      )
    ).json();
    expect(levels(byCampaign.counts.byLevel)).toEqual({ province: { collective: 2, individual: 2 } });
    expect(byCampaign.campaign).toMatchObject({ code: campaignCode });
    const communeOnly = (await viewer.get(`${URL}?unit=${commune.code}&from=2016-01-01&to=2020-12-31`)).json();
    expect(levels(communeOnly.counts.byLevel)).toEqual({
      district: { collective: 1, individual: 2 },
      province: { collective: 1, individual: 0 },
    });
    expect(communeOnly.children).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: cell.id }) })]);
    expect(communeOnly.children[0].counts.total).toBe(3);
  });

  it('answers 404 out of reach or without any grant, 400 for bad input, 401 anonymous', async () => {
    expect((await outsider.get(`${URL}?unit=${province.code}&from=2016-01-01&to=2019-08-20`)).statusCode).toBe(404);
    const user = await createUser(t.database.db, province, null);
    const noGrant = await signIn(t.app, user.username, user.password);
    expect((await noGrant.get(`${URL}?unit=${province.code}&from=2016-01-01&to=2019-08-20`)).statusCode).toBe(404);
    const reversed = await viewer.get(`${URL}?unit=${province.code}&from=2019-08-20&to=2016-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details[0].path).toBe('query.to');
    expect((await viewer.get(`${URL}?from=2016-01-01&to=2019-08-20`)).statusCode).toBe(400);
    expect((await viewer.get(`${URL}?unit=${province.code}&from=2016&to=2019-08-20`)).statusCode).toBe(400);
    expect((await viewer.get(`${URL}?unit=${province.code}&from=2016-01-01&to=2019-08-20&campaign=X`)).statusCode).toBe(
      400,
    );
    expect((await client(t.app).get(`${URL}?unit=${province.code}&from=2016-01-01&to=2019-08-20`)).statusCode).toBe(
      401,
    );
  });
});

describe('countCommendations (service, for the dashboard and reports)', () => {
  it('gives the same figures as the endpoint for an actor', async () => {
    const user = await createUser(t.database.db, province, 'viewer');
    const actor = { userId: user.id, username: user.username, scope: await loadScope(t.database.db, user.id) };
    const stats = await countCommendations(t.database.db, actor, {
      unitId: province.id,
      from: '2016-05-15',
      to: '2019-08-20',
    });
    expect(stats.counts.total).toBe(7);
    expect(stats.counts.byLevel.central).toEqual(zero);
  });
});
