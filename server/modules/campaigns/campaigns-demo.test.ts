import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/harness';
import { createUnit, linkUnits, signedIn } from '../../test/factories';
import { loadDemoCampaigns } from './campaigns-demo';

let t: TestContext;
let ids: Map<string, string>;
let newCommuneViewer: Client;
let oldCommuneId: string;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const central = await createUnit(db, { kind: 'central', code: 'TW', validFrom: '1930-02-03' });
  const oldProvince = await createUnit(db, {
    kind: 'province',
    parent: central,
    code: '96',
    name: 'Tỉnh ủy Cà Mau',
    validFrom: '2015-10-01',
    validTo: '2025-06-30',
  });
  const oldCommune = await createUnit(db, {
    kind: 'commune',
    parent: oldProvince,
    validFrom: '2015-10-01',
    validTo: '2025-06-30',
  });
  oldCommuneId = oldCommune.id;
  const newProvince = await createUnit(db, { kind: 'province', parent: central, code: '96', validFrom: '2025-07-01' });
  const newCommune = await createUnit(db, { kind: 'commune', parent: newProvince, validFrom: '2025-07-01' });
  await linkUnits(db, oldProvince, newProvince);
  await linkUnits(db, oldCommune, newCommune);
  ids = await loadDemoCampaigns(db, { centralId: central.id, newProvinceId: newProvince.id });
  newCommuneViewer = await signedIn(t.app, db, newCommune, 'viewer');
});

afterAll(async () => {
  await t?.close();
});

describe('loadDemoCampaigns', () => {
  it('creates the campaigns and themes of DOMAIN-NOTES and returns their ids by code', () => {
    expect([...ids.keys()]).toEqual([
      '03-CT/TW',
      '05-CT/TW',
      '04-NQ/TW',
      '01-KL/TW',
      '07-KH/TU',
      '05-CT/TW-2016',
      '05-CT/TW-2017',
      '05-CT/TW-2018',
      '05-CT/TW-2019',
      '05-CT/TW-2020',
      '01-KL/TW-2021-2025',
      '01-KL/TW-96-2022',
    ]);
  });

  it('links CT 05 to CT 03, KL 01, NQ TW4 and the Cà Mau plan, seen from a commune formed after the merger', async () => {
    const response = await newCommuneViewer.get(`/api/v1/campaigns/${ids.get('05-CT/TW')}`);
    expect(response.statusCode).toBe(200);
    const links = response
      .json()
      .links.map((l: { label: string; campaign: { code: string } }) => [l.label, l.campaign.code]);
    expect(links).toEqual([
      ['Tiếp tục', '03-CT/TW'],
      ['Được triển khai bởi', '07-KH/TU'],
      ['Thực hiện cùng', '04-NQ/TW'],
      ['Được tiếp tục bởi', '01-KL/TW'],
    ]);
    expect(response.json().themesCount).toBe(5);
  });

  it('gives an old Cà Mau commune the provincial sub-theme and the term theme in 2022', async () => {
    const response = await newCommuneViewer.get(`/api/v1/study-themes?appliesTo=${oldCommuneId}&at=2022-05-19`);
    expect(response.json().items.map((theme: { code: string }) => theme.code)).toEqual([
      '01-KL/TW-96-2022',
      '01-KL/TW-2021-2025',
    ]);
    const in2019 = await newCommuneViewer.get(`/api/v1/study-themes?appliesTo=${oldCommuneId}&at=2019-08-20`);
    expect(in2019.json().items[0]).toMatchObject({
      code: '05-CT/TW-2019',
      title: expect.stringContaining('tôn trọng Nhân dân'),
      campaign: { code: '05-CT/TW' },
    });
  });
});
