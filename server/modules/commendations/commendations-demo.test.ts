import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/connection';
import { ensureCentralUnit } from '../demo/bootstrap';
import { loadDemoOrganisation } from '../demo/demo-organisation';
import { createUser } from '../../test/factories';
import { createTestContext, signIn, type Client, type TestContext } from '../../test/harness';
import { DEMO_FIGURES, DEMO_PERIOD, loadDemoCommendations } from './commendations-demo';

let t: TestContext;
let provinceViewer: Client;
let loaded: { decisions: number; recipients: number };

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const newProvinceId = await inTransaction(db, async (trx) => {
    const central = await ensureCentralUnit(trx);
    const organisation = await loadDemoOrganisation(trx, central.id);
    loaded = await loadDemoCommendations(trx, { centralId: central.id, ...organisation });
    return organisation.newProvinceId;
  });
  // A viewer of today's Tỉnh ủy Cà Mau reads the old province's history through lineage.
  const user = await createUser(db, { id: newProvinceId, code: '96', name: '', kind: 'province' }, 'viewer');
  provinceViewer = await signIn(t.app, user.username, user.password);
});

afterAll(async () => {
  await t?.close();
});

describe('demo commendations', () => {
  it('reproduce the article: district 281 + 410, province 46 + 56, central 02 + 02 for Tỉnh ủy Cà Mau', async () => {
    const response = await provinceViewer.get(
      `/api/v1/stats/commendations?unit=96&from=${DEMO_PERIOD.from}&to=${DEMO_PERIOD.to}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.unit.name).toBe('Tỉnh ủy Cà Mau');
    expect(body.counts.byLevel).toEqual({
      ...DEMO_FIGURES,
      commune: { collective: 0, individual: 0 },
      grassroots: { collective: 0, individual: 0 },
    });
    expect(DEMO_FIGURES).toEqual({
      district: { collective: 281, individual: 410 },
      province: { collective: 46, individual: 56 },
      central: { collective: 2, individual: 2 },
    });
    // Spread over the nine district committees, each with its own decisions.
    const active = body.children.filter((c: { counts: { total: number } }) => c.counts.total > 0);
    expect(active.length).toBeGreaterThanOrEqual(9);
  });

  it('has more: Bạc Liêu, Cà Mau after the period, and Giấy khen of the new communes', async () => {
    expect(loaded.recipients).toBeGreaterThan(1000);
    const after = (
      await provinceViewer.get('/api/v1/stats/commendations?unit=96&from=2025-07-01&to=2025-12-31')
    ).json();
    expect(after.counts.byLevel.commune.individual).toBeGreaterThan(0);
    const later = (
      await provinceViewer.get('/api/v1/stats/commendations?unit=96&from=2019-08-21&to=2025-06-30')
    ).json();
    expect(later.counts.total).toBeGreaterThan(0);
    const bacLieu = (
      await provinceViewer.get('/api/v1/stats/commendations?unit=95&from=2016-05-15&to=2019-08-20')
    ).json();
    expect(bacLieu.counts.total).toBeGreaterThan(0);
    const list = (await provinceViewer.get('/api/v1/commendations?level=commune&pageSize=5')).json();
    expect(list.items[0]).toMatchObject({ form: 'GIAY_KHEN', level: 'commune' });
    expect(list.items[0].number).toMatch(/-QĐ\/ĐU$/);
  });
});
