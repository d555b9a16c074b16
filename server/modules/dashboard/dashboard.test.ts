import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, createUser, linkUnits, signedIn, type TestUnit, createCampaign } from '../../test/factories';
import { client, createTestContext, signIn, type Client, type TestContext } from '../../test/harness';
import { addDays, todayIso } from '../../../common/dates';
import { addDecision, addInspection, addModel } from './dashboard.fixtures';
import type { Overview, RecordsPage } from './dashboard.schemas';

let t: TestContext;
let u: Record<string, TestUnit>;
let campaignCode: string;
let centralViewer: Client;
let newProvinceViewer: Client;
let newCommuneViewer: Client;
let otherViewer: Client;

const ALL = 'from=2016-01-01&to=2026-12-31';
/** Reaches deadlines years ahead, whatever today is (overdue is judged on today). */
const WIDE = 'from=2016-01-01&to=2035-12-31';
const TODAY = todayIso();

/**
 * A province that merged on 1/7/2025: old province P1 with district D (communes K1, K2 and their cells) closed on
 * 30/6/2025; new province P2 with commune N (cell N1) from 1/7/2025. Lineage P1→P2, D→P2, K1→N, K2→N, cell1→N1;
 * cell2 and cell3 closed without a successor (their records go where their commune's go).
 */
beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const old = { validFrom: '2015-10-01', validTo: '2025-06-30' };
  const central = await createUnit(db, { kind: 'central', name: 'Trung ương thử' });
  const p1 = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Cũ', ...old });
  const d = await createUnit(db, { kind: 'district', parent: p1, name: 'Huyện ủy Đầm Dơi thử', ...old });
  const k1 = await createUnit(db, { kind: 'commune', parent: d, name: 'Đảng ủy xã Một', ...old });
  const k2 = await createUnit(db, { kind: 'commune', parent: d, name: 'Đảng ủy xã Hai', ...old });
  const cell1 = await createUnit(db, { kind: 'cell', parent: k1, name: 'Chi bộ ấp 1', ...old });
  const cell2 = await createUnit(db, { kind: 'cell', parent: k1, name: 'Chi bộ ấp 2', ...old });
  const cell3 = await createUnit(db, { kind: 'cell', parent: k2, name: 'Chi bộ ấp 3', ...old });
  const fresh = { validFrom: '2025-07-01' };
  const p2 = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Mới', ...fresh });
  const n = await createUnit(db, { kind: 'commune', parent: p2, name: 'Đảng ủy xã Mới', ...fresh });
  const n1 = await createUnit(db, { kind: 'cell', parent: n, name: 'Chi bộ ấp 1 mới', ...fresh });
  const other = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Bên Cạnh' });
  const otherCommune = await createUnit(db, { kind: 'commune', parent: other, name: 'Đảng ủy xã Khác' });
  await linkUnits(db, p1, p2);
  await linkUnits(db, d, p2, { kind: 'dissolve' });
  await linkUnits(db, k1, n);
  await linkUnits(db, k2, n);
  await linkUnits(db, cell1, n1, { kind: 'move' });
  u = { central, p1, d, k1, k2, cell1, cell2, cell3, p2, n, n1, other, otherCommune };

  const campaign = await createCampaign(db, central);
  campaignCode = campaign.code;
  await addDecision(db, { ownerId: d.id, date: '2019-03-10', level: 'district', campaignId: campaign.id }, [
    { unitId: cell1.id, type: 'collective' },
    { unitId: cell1.id, type: 'collective' },
    { unitId: cell1.id, type: 'individual' },
    { unitId: cell3.id, type: 'individual' },
    { unitId: k1.id, type: 'collective' },
  ]);
  await addDecision(db, { ownerId: p1.id, date: '2019-05-20', level: 'province' }, [
    { unitId: d.id, type: 'individual' },
  ]);
  await addDecision(db, { ownerId: n.id, date: '2026-02-03', level: 'commune' }, [
    { unitId: n1.id, type: 'collective' },
    { unitId: n.id, type: 'individual' },
  ]);
  await addDecision(db, { ownerId: other.id, date: '2019-04-01', level: 'province' }, [
    { unitId: otherCommune.id, type: 'collective' },
    { unitId: otherCommune.id, type: 'individual' },
  ]);
  await addModel(db, {
    unitId: cell2.id,
    startedOn: '2019-06-01',
    status: 'recognised',
    field: 'economy',
    campaignId: campaign.id,
  });
  await addModel(db, { unitId: n1.id, startedOn: '2026-01-15', status: 'proposed', field: 'culture' });
  await addModel(db, { unitId: otherCommune.id, startedOn: '2019-02-01', status: 'replicated', field: 'economy' });
  // The district inspected its communes in 2019 (started late): one recommendation done, one left open (overdue).
  await addInspection(
    db,
    { conductingId: d.id, plannedStart: '2019-03-25', actualStart: '2019-04-10', campaignId: campaign.id },
    [
      { ownerId: k1.id, deadline: '2019-09-30', status: 'done' },
      { ownerId: cell3.id, deadline: '2019-12-31', status: 'open' },
    ],
  );
  // The new commune supervised its cell this year: due yesterday (overdue), today (not yet), and years ahead.
  await addInspection(db, { conductingId: n.id, plannedStart: '2026-03-01', kind: 'supervision', form: 'regular' }, [
    { ownerId: n1.id, deadline: addDays(TODAY, -1), status: 'in_progress' },
    { ownerId: n1.id, deadline: TODAY, status: 'open' },
    { ownerId: n1.id, deadline: '2034-06-30', status: 'open' },
  ]);
  await addInspection(db, { conductingId: other.id, plannedStart: '2019-05-05' }, [
    { ownerId: otherCommune.id, deadline: '2019-08-31', status: 'done' },
  ]);

  centralViewer = await signedIn(t.app, db, central, 'viewer');
  newProvinceViewer = await signedIn(t.app, db, p2, 'viewer');
  newCommuneViewer = await signedIn(t.app, db, n, 'viewer');
  otherViewer = await signedIn(t.app, db, other, 'viewer');
});

afterAll(async () => {
  await t?.close();
});

async function overview(as: Client, query: string): Promise<Overview> {
  const response = await as.get(`/api/v1/stats/overview?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Overview;
}

const childTotal = (o: Overview, code: string, figure: keyof Overview['own'] = 'commendations') =>
  o.children.find((c) => c.unit.code === code)?.counts[figure];

/** The unit's figure is the sum over its children plus its own records, and the month series adds up to it too. */
function expectConserved(o: Overview) {
  for (const figure of ['commendations', 'models', 'inspections', 'recommendations'] as const) {
    const sum = o.children.reduce((s, c) => s + c.counts[figure], 0) + o.own[figure];
    expect(sum).toBe(o[figure].total);
    expect(o.series.reduce((s, m) => s + m.counts[figure], 0)).toBe(o[figure].total);
  }
}

describe('GET /api/v1/stats/overview', () => {
  it('counts the old province as recorded: its district, by level and type, month by month', async () => {
    const o = await overview(centralViewer, `unit=${u.p1.id}&${ALL}&structure=recorded`);
    expect(o.unit).toMatchObject({ code: u.p1.code, name: 'Tỉnh ủy Cũ', validTo: '2025-06-30' });
    expect(o.commendations.total).toBe(6);
    expect(o.commendations.byLevel.district).toEqual({ collective: 3, individual: 2 });
    expect(o.commendations.byLevel.province).toEqual({ collective: 0, individual: 1 });
    expect(o.models.byStatus.recognised).toBe(1);
    expect(o.children.map((c) => c.unit.code)).toEqual([u.d.code]);
    expect(childTotal(o, u.d.code)).toBe(6);
    expect(o.series.find((m) => m.month === '2019-03')?.counts.commendations).toBe(5);
    expect(o.currentOf).toMatchObject({ id: u.p2.id });
    expectConserved(o);
  });

  it("carries the old units' records to their successors on today's structure", async () => {
    const o = await overview(newProvinceViewer, `unit=${u.p2.code}&${ALL}&structure=current`);
    expect(o.commendations.total).toBe(8);
    // The district's own record goes to the province; the communes' and cells' to the new commune.
    expect(o.own.commendations).toBe(1);
    expect(childTotal(o, u.n.code)).toBe(7);
    expect(childTotal(o, u.n.code, 'models')).toBe(2);
    expectConserved(o);
    const recorded = await overview(newProvinceViewer, `unit=${u.p2.code}&${ALL}&structure=recorded`);
    expect(recorded.commendations.total).toBe(2);
    expectConserved(recorded);
  });

  it('gives the same national totals in either structure', async () => {
    const recorded = await overview(centralViewer, `unit=${u.central.id}&${ALL}&structure=recorded`);
    const current = await overview(centralViewer, `unit=${u.central.id}&${ALL}&structure=current`);
    expect(recorded.commendations.total).toBe(10);
    expect(current.commendations).toEqual(recorded.commendations);
    expect(current.models).toEqual(recorded.models);
    // As recorded the old province is a child of the period; today it is not.
    expect(recorded.children.map((c) => c.unit.code).sort()).toEqual([u.p1.code, u.p2.code, u.other.code].sort());
    expect(current.children.map((c) => c.unit.code).sort()).toEqual([u.p2.code, u.other.code].sort());
    expectConserved(recorded);
    expectConserved(current);
  });

  it('counts inspections by kind and form, recommendations by status, and those overdue as of today', async () => {
    const old = await overview(centralViewer, `unit=${u.p1.id}&${ALL}&structure=recorded`);
    expect(old.inspections.total).toBe(1);
    expect(old.inspections.byKind.inspection).toEqual({ thematic: 1, regular: 0 });
    expect(old.recommendations).toMatchObject({ total: 2, overdue: 1, byStatus: { open: 1, in_progress: 0, done: 1 } });
    expect(old.recommendations.asOf).toBe(TODAY);
    // Dated by the actual start: April, not March.
    expect(old.series.find((m) => m.month === '2019-04')?.counts.inspections).toBe(1);
    expectConserved(old);

    // Today's structure: the district's inspection comes to the province itself, its communes' recommendations to
    // the new commune. The rollup (province level) and the records (commune level) judge overdue alike.
    // (The central viewer reaches every record placed there, so the province is read from the rollup; the province's
    // own viewer does not reach the old province's units, so it is read from the records — and must agree.)
    const province = await overview(centralViewer, `unit=${u.p2.id}&${WIDE}&structure=current`);
    const fromRecords = await overview(newProvinceViewer, `unit=${u.p2.id}&${WIDE}&structure=current`);
    expect(fromRecords.inspections).toEqual(province.inspections);
    expect(fromRecords.recommendations).toEqual(province.recommendations);
    expect(province.inspections.total).toBe(2);
    expect(province.inspections.byKind.supervision.regular).toBe(1);
    expect(province.own.inspections).toBe(1);
    expect(province.recommendations).toMatchObject({ total: 5, overdue: 2 });
    expect(province.recommendations.byStatus).toEqual({ open: 3, in_progress: 1, done: 1 });
    expect(childTotal(province, u.n.code, 'recommendations')).toBe(5);
    expectConserved(province);
    const commune = await overview(newCommuneViewer, `unit=${u.n.id}&${WIDE}&structure=current`);
    expect(commune.recommendations).toMatchObject({ total: 5, overdue: 2 });
    expect(commune.inspections.total).toBe(1);

    // The same totals nationally in either structure; the campaign narrows to the district's inspection.
    const recorded = await overview(centralViewer, `unit=${u.central.id}&${WIDE}&structure=recorded`);
    const current = await overview(centralViewer, `unit=${u.central.id}&${WIDE}&structure=current`);
    expect(recorded.inspections.total).toBe(3);
    expect(recorded.recommendations).toMatchObject({ total: 6, overdue: 2 });
    expect(current.inspections).toEqual(recorded.inspections);
    expect(current.recommendations).toEqual(recorded.recommendations);
    const campaign = await overview(
      centralViewer,
      `unit=${u.central.id}&${WIDE}&campaign=${encodeURIComponent(campaignCode)}`,
    );
    expect(campaign.inspections.total).toBe(1);
    expect(campaign.recommendations).toMatchObject({ total: 2, overdue: 1 });
  });

  it('shows a recommendation done or an inspection started just before the request', async () => {
    const db = t.database.db;
    const query = `unit=${u.p2.id}&${WIDE}&structure=current`;
    const before = await overview(centralViewer, query);
    const { id, recommendationIds } = await addInspection(db, { conductingId: u.n.id, plannedStart: '2026-05-02' }, [
      { ownerId: u.n1.id, deadline: '2026-06-30' },
    ]);
    const added = await overview(centralViewer, query);
    expect(added.inspections.total).toBe(before.inspections.total + 1);
    expect(added.recommendations.overdue).toBe(before.recommendations.overdue + 1);
    await db
      .updateTable('recommendation')
      .set({ status: 'done', done_on: '2026-06-20' })
      .where('id', '=', recommendationIds[0])
      .execute();
    await db.updateTable('inspection').set({ actual_start: '2026-06-01' }).where('id', '=', id).execute();
    const after = await overview(centralViewer, query);
    expect(after.recommendations.overdue).toBe(before.recommendations.overdue);
    expect(after.recommendations.byStatus.done).toBe(before.recommendations.byStatus.done + 1);
    expect(after.series.find((m) => m.month === '2026-06')?.counts.inspections).toBe(
      (before.series.find((m) => m.month === '2026-06')?.counts.inspections ?? 0) + 1,
    );
    await db.deleteFrom('recommendation').where('id', '=', recommendationIds[0]).execute();
    await db.deleteFrom('inspection').where('id', '=', id).execute();
    expect((await overview(centralViewer, query)).recommendations).toEqual(before.recommendations);
  });

  it('works for a dissolved district in the years it existed, found by its code', async () => {
    const o = await overview(centralViewer, `unit=${u.d.code}&from=2019-01-01&to=2019-12-31&structure=recorded`);
    expect(o.unit.id).toBe(u.d.id);
    expect(o.commendations.total).toBe(6);
    expect(childTotal(o, u.k1.code)).toBe(4);
    expect(childTotal(o, u.k2.code)).toBe(1);
    expect(o.own.commendations).toBe(1);
    expect(o.ancestors.map((a) => a.id)).toEqual([u.central.id, u.p1.id]);
    expectConserved(o);
    // A period after its dissolution still finds it by code (and finds nothing in it).
    const later = await overview(centralViewer, `unit=${u.d.code}&from=2026-01-01&to=2026-12-31&structure=recorded`);
    expect(later.unit.id).toBe(u.d.id);
    expect(later.commendations.total).toBe(0);
  });

  it("refuses today's structure for a unit that no longer exists, naming where its records went", async () => {
    const response = await centralViewer.get(`/api/v1/stats/overview?unit=${u.d.id}&${ALL}&structure=current`);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('Tỉnh ủy Mới');
    expect(response.json().details[0].path).toBe('query.structure');
  });

  it('filters by campaign (code or id)', async () => {
    const o = await overview(centralViewer, `unit=${u.central.id}&${ALL}&campaign=${encodeURIComponent(campaignCode)}`);
    expect(o.commendations.total).toBe(5);
    expect(o.models.total).toBe(1);
    expect(o.campaign?.code).toBe(campaignCode);
  });

  it('scopes to the caller: a commune sees what it inherited, never a neighbour', async () => {
    const o = await overview(newCommuneViewer, `unit=${u.n.id}&${ALL}&structure=current`);
    expect(o.commendations.total).toBe(7);
    expect(o.ancestors).toEqual([]);
    const response = await newCommuneViewer.get(`/api/v1/stats/overview?unit=${u.p2.id}&${ALL}`);
    expect(response.statusCode).toBe(404);
    expect((await otherViewer.get(`/api/v1/stats/overview?unit=${u.p2.id}&${ALL}`)).statusCode).toBe(404);
    expect(
      (await otherViewer.get(`/api/v1/stats/overview?unit=${u.d.code}&${ALL}&structure=recorded`)).statusCode,
    ).toBe(404);
  });

  it('refuses callers without a grant (404) and anonymous ones (401)', async () => {
    const user = await createUser(t.database.db, u.p2, null);
    const nobody = await signIn(t.app, user.username, user.password);
    expect((await nobody.get(`/api/v1/stats/overview?unit=${u.p2.id}&${ALL}`)).statusCode).toBe(404);
    expect((await client(t.app).get(`/api/v1/stats/overview?unit=${u.p2.id}&${ALL}`)).statusCode).toBe(401);
  });

  it('says in Vietnamese what is wrong with the query and where', async () => {
    const backwards = await centralViewer.get(
      `/api/v1/stats/overview?unit=${u.central.id}&from=2020-01-01&to=2019-01-01`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toContain('Ngày kết thúc (01/01/2019) trước ngày bắt đầu (01/01/2020)');
    expect(backwards.json().details[0].path).toBe('query.to');
    const badStructure = await centralViewer.get(`/api/v1/stats/overview?unit=${u.central.id}&${ALL}&structure=x`);
    expect(badStructure.statusCode).toBe(400);
    expect(JSON.stringify(badStructure.json().details)).toContain('Cơ cấu phải là');
    const badDate = await centralViewer.get(`/api/v1/stats/overview?unit=${u.central.id}&from=20190101&to=2019-12-31`);
    expect(badDate.statusCode).toBe(400);
    expect(JSON.stringify(badDate.json().details)).toContain('YYYY-MM-DD');
    const campaign = await centralViewer.get(`/api/v1/stats/overview?unit=${u.central.id}&${ALL}&campaign=KHONG-CO`);
    expect(campaign.statusCode).toBe(400);
    expect(campaign.json().details[0]).toMatchObject({ path: 'query.campaign' });
  });

  it('shows a write made just before the request, and a reorganisation at once', async () => {
    const db = t.database.db;
    const before = await overview(newProvinceViewer, `unit=${u.p2.id}&${ALL}`);
    const manager = await signedIn(t.app, db, u.central, 'admin');
    const created = await manager.post('/api/v1/commendations', {
      number: '77-QĐ/TU',
      decisionDate: '2026-03-01',
      system: 'party',
      issuerName: 'Tỉnh ủy Mới',
      issuerUnitId: u.p2.id,
      level: 'province',
      form: 'BANG_KHEN',
      type: 'periodic',
      recipients: [{ recipientType: 'collective', name: 'Chi bộ ấp 1 mới', unitId: u.n1.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await overview(newProvinceViewer, `unit=${u.p2.id}&${ALL}`);
    expect(after.commendations.total).toBe(before.commendations.total + 1);
    expect(after.commendations.byLevel.province.collective).toBe(before.commendations.byLevel.province.collective + 1);

    // A cell closed today with a successor elsewhere: its records move with it on today's structure at once.
    const movedFrom = await createUnit(db, { kind: 'cell', parent: u.otherCommune, validFrom: '2020-01-01' });
    await addDecision(db, { ownerId: u.other.id, date: '2021-01-01', level: 'province' }, [
      { unitId: movedFrom.id, type: 'individual' },
    ]);
    const otherBefore = await overview(centralViewer, `unit=${u.other.id}&${ALL}`);
    const version = (await manager.get(`/api/v1/org-units/${movedFrom.id}`)).json().version as number;
    const closed = await manager.post(`/api/v1/org-units/${movedFrom.id}/close`, {
      validTo: '2026-06-30',
      successorId: u.n1.id,
      version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const otherAfter = await overview(centralViewer, `unit=${u.other.id}&${ALL}`);
    expect(otherAfter.commendations.total).toBe(otherBefore.commendations.total - 1);
    const newAfter = await overview(centralViewer, `unit=${u.p2.id}&${ALL}`);
    expect(newAfter.commendations.total).toBe(after.commendations.total + 1);
    // As recorded nothing moved.
    const recorded = await overview(centralViewer, `unit=${u.other.id}&${ALL}&structure=recorded`);
    expect(recorded.commendations.total).toBe(otherBefore.commendations.total);
  });
});

async function records(as: Client, query: string): Promise<RecordsPage> {
  const response = await as.get(`/api/v1/stats/overview/records?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as RecordsPage;
}

describe('GET /api/v1/stats/overview/records', () => {
  it('lists exactly the records behind each figure and each part of it', async () => {
    for (const structure of ['recorded', 'current'] as const) {
      for (const unit of [u.central, u.p2, u.n]) {
        {
          const base = `unit=${unit.id}&${ALL}&structure=${structure}`;
          const o = await overview(centralViewer, base);
          expect((await records(centralViewer, `${base}&figure=commendations`)).total).toBe(o.commendations.total);
          for (const [level, types] of Object.entries(o.commendations.byLevel)) {
            for (const [type, n] of Object.entries(types)) {
              const page = await records(
                centralViewer,
                `${base}&figure=commendations&level=${level}&recipientType=${type}`,
              );
              expect(page.total).toBe(n);
              expect(page.rows).toHaveLength(Math.min(n, 50));
            }
          }
          for (const field of o.models.byField) {
            expect((await records(centralViewer, `${base}&figure=models&field=${field.code}`)).total).toBe(field.count);
          }
          for (const [status, n] of Object.entries(o.models.byStatus)) {
            expect((await records(centralViewer, `${base}&figure=models&status=${status}`)).total).toBe(n);
          }
          expect((await records(centralViewer, `${base}&figure=inspections`)).total).toBe(o.inspections.total);
          for (const [kind, forms] of Object.entries(o.inspections.byKind)) {
            for (const [form, n] of Object.entries(forms)) {
              const page = await records(
                centralViewer,
                `${base}&figure=inspections&inspectionKind=${kind}&form=${form}`,
              );
              expect(page.total).toBe(n);
            }
          }
          for (const [status, n] of Object.entries(o.recommendations.byStatus)) {
            const page = await records(centralViewer, `${base}&figure=recommendations&recommendationStatus=${status}`);
            expect(page.total).toBe(n);
          }
          const overdue = await records(centralViewer, `${base}&figure=recommendations&overdue=overdue`);
          expect(overdue.total).toBe(o.recommendations.overdue);
          expect(overdue.rows.every((r) => r.values.status === 'overdue')).toBe(true);
        }
      }
    }
  });

  it('names the unit as recorded and as today, pages, and links to the record', async () => {
    const base = `unit=${u.p2.id}&${ALL}&structure=current&figure=commendations&level=district`;
    const page = await records(newProvinceViewer, `${base}&pageSize=2&page=2`);
    expect(page.total).toBe(5);
    expect(page.rows).toHaveLength(2);
    const all = await records(newProvinceViewer, `${base}&pageSize=10`);
    const cell3 = all.rows.find((r) => r.unitName === 'Chi bộ ấp 3');
    expect(cell3).toMatchObject({ currentUnitName: 'Đảng ủy xã Mới', date: '2019-03-10' });
    expect(cell3?.link).toMatch(/^\/commendations\/[0-9a-f-]{36}$/);
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(5);
  });

  it('never lists a record outside the caller’s subtree', async () => {
    const page = await records(newCommuneViewer, `unit=${u.n.id}&${ALL}&figure=commendations&pageSize=200`);
    expect(page.rows.map((r) => r.unitName)).not.toContain('Đảng ủy xã Khác');
    expect(
      (await otherViewer.get(`/api/v1/stats/overview/records?unit=${u.n.id}&${ALL}&figure=models`)).statusCode,
    ).toBe(404);
  });

  it('refuses a filter of another figure and an unknown figure, in Vietnamese', async () => {
    const foreign = await centralViewer.get(
      `/api/v1/stats/overview/records?unit=${u.central.id}&${ALL}&figure=models&level=province`,
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].path).toBe('query.level');
    const unknown = await centralViewer.get(
      `/api/v1/stats/overview/records?unit=${u.central.id}&${ALL}&figure=meetingz`,
    );
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().details)).toContain('Chỉ tiêu phải là');
    const kind = await centralViewer.get(
      `/api/v1/stats/overview/records?unit=${u.central.id}&${ALL}&figure=inspections&level=province`,
    );
    expect(kind.json().details[0].path).toBe('query.level');
    const overdue = await centralViewer.get(
      `/api/v1/stats/overview/records?unit=${u.central.id}&${ALL}&figure=models&overdue=overdue`,
    );
    expect(overdue.json().details[0].path).toBe('query.overdue');
    const status = await centralViewer.get(
      `/api/v1/stats/overview/records?unit=${u.central.id}&${ALL}&figure=recommendations&recommendationStatus=x`,
    );
    expect(status.statusCode).toBe(400);
    expect(JSON.stringify(status.json().details)).toContain('Tình trạng kiến nghị phải là');
    const field = await centralViewer.get(
      `/api/v1/stats/overview/records?unit=${u.central.id}&${ALL}&figure=models&field=khong`,
    );
    expect(field.json().details[0]).toMatchObject({ path: 'query.field' });
  });

  it('exports the same rows to XLSX', async () => {
    const query = `unit=${u.p2.id}&${ALL}&structure=current&figure=commendations`;
    const page = await records(newProvinceViewer, `${query}&pageSize=200`);
    const response = await newProvinceViewer.get(`/api/v1/stats/overview/records.xlsx?${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain('Tập thể, cá nhân được khen thưởng');
    expect(String(sheet.getCell('A2').value)).toContain('theo cơ cấu hiện nay');
    expect(sheet.getRow(4).values).toContain('Đơn vị (khi ghi nhận)');
    const names = [];
    for (let r = 5; r <= sheet.rowCount; r++) {
      names.push(String(sheet.getRow(r).getCell(5).value));
    }
    expect(names).toHaveLength(page.total);
    expect(names.sort()).toEqual(page.rows.map((r) => r.values.name).sort());
    expect(sheet.getRow(5).getCell(7).value).toMatch(/^Cấp /);
  });

  it('lists and exports the recommendations of a unit with the overdue ones named so, linked to the inspection', async () => {
    const query = `unit=${u.n.id}&${WIDE}&structure=current&figure=recommendations`;
    const page = await records(newCommuneViewer, `${query}&pageSize=200`);
    expect(page.total).toBe(5);
    const late = page.rows.find((r) => r.unitName === 'Chi bộ ấp 3');
    expect(late).toMatchObject({ date: '2019-12-31', currentUnitName: 'Đảng ủy xã Mới' });
    expect(late?.values).toMatchObject({ status: 'overdue', category: 'remedy_shortcoming' });
    expect(page.dateLabel.vi).toBe('Hạn thực hiện');
    expect(late?.link).toMatch(/^\/inspections\/[0-9a-f-]{36}$/);
    const response = await newCommuneViewer.get(`/api/v1/stats/overview/records.xlsx?${query}&overdue=overdue`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain('Kiến nghị');
    expect(sheet.rowCount - 4).toBe(2);
    expect(sheet.getRow(5).values).toContain('Quá hạn');
    expect(sheet.getRow(4).values).toContain('Hạn thực hiện');
    expect((await otherViewer.get(`/api/v1/stats/overview/records.xlsx?${query}`)).statusCode).toBe(404);
  });
});
