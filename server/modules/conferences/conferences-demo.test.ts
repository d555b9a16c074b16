import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.service';
import { loadDemoConferences } from './conferences-demo';
import { createTestContext, signIn, type TestContext } from '../../test/harness';

let t: TestContext;
let loadMs = 0;

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  // What the conferences add to the demo load: load them again on their own and time it.
  const db = t.database.db;
  const province = await db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', '96')
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  await db.deleteFrom('conference').execute();
  const started = performance.now();
  await db
    .transaction()
    .execute((trx) => loadDemoConferences(trx, { newProvinceId: province.id, demoCommuneCode: '32152' }));
  loadMs = performance.now() - started;
});

afterAll(async () => {
  await t?.close();
});

describe('the demo conferences', () => {
  it('holds the 2019 review seen from Cà Mau and the 2026 provincial conference over 64 communes', async () => {
    const province = await signIn(t.app, 'tinh.quanly', DEMO_PASSWORD);
    const list = (await province.get('/api/v1/conferences')).json().items;
    expect(list.map((c: { startsAt: string }) => c.startsAt.slice(0, 10)).sort()).toEqual(['2019-08-20', '2026-12-10']);
    const review = list.find((c: { startsAt: string }) => c.startsAt.startsWith('2019'));
    const provincial = list.find((c: { startsAt: string }) => c.startsAt.startsWith('2026'));
    expect(review.isOrganiser).toBe(true);
    // The province point and the districts and committees valid on 20/8/2019.
    const board2019 = (await province.get(`/api/v1/conferences/${review.id}/board`)).json();
    expect(board2019.bridges.length).toBeGreaterThanOrEqual(10);
    expect(board2019.totals.connected).toBe(board2019.bridges.length);
    expect(board2019.totals.present).toBeGreaterThan(500);
    const host = board2019.bridges.find((b: { unitCode: string }) => b.unitCode === '96');
    const paragraph = (
      await province.get(`/api/v1/conferences/${review.id}/bridges/${host.id}/attendance-text`)
    ).json();
    expect(paragraph.text).toMatch(
      /^Tham dự Hội nghị tại điểm cầu Cà Mau, có các đồng chí thành viên Ban Chấp hành Đảng bộ tỉnh, thủ trưởng các sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cấp tỉnh; các đồng chí báo cáo viên cấp tỉnh/,
    );
    // 64 communes plus the province's own point.
    const board2026 = (await province.get(`/api/v1/conferences/${provincial.id}/board`)).json();
    expect(board2026.bridges.filter((b: { unitCode: string }) => b.unitCode !== '96')).toHaveLength(64);

    const commune = await signIn(t.app, 'xa.nhaplieu', DEMO_PASSWORD);
    const mine = (await commune.get(`/api/v1/conferences/${provincial.id}/bridges`)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].unit.code).toBe('32152');
    expect(mine[0].rosterCount).toBeGreaterThan(20);
    console.info(`demo conferences load: ${Math.round(loadMs)} ms`);
  });
});
