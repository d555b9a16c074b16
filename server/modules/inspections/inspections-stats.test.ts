import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../../common/dates';
import { systemActor } from '../../platform/access';
import { createTestContext, type TestContext } from '../../test/harness';
import {
  createClients,
  createInspectionTree,
  createPlan,
  inspectionAt,
  inspectionBody,
  paths,
  type InspectionTree,
} from './inspections.fixtures';
import { countInspections } from './inspections-stats';

let t: TestContext;
let tree: InspectionTree;
let c: Awaited<ReturnType<typeof createClients>>;

const yesterday = addDays(todayIso(), -1);

/**
 * The data, by hand:
 * - province (2026): inspection, thematic, on district → 3 recommendations: A done on time (difficulty), B done late,
 *   C overdue. Supervision, regular, on district, prepare step (no recommendations).
 * - district (2026): inspection, thematic, on commune + commune2 → 2 recommendations: D overdue (difficulty), E open
 *   with a far deadline.
 * - district (2019): inspection, regular, on the commune dissolved in 2020 — outside a 2026 period.
 */
beforeAll(async () => {
  t = await createTestContext();
  tree = await createInspectionTree(t.database.db);
  c = await createClients(t.app, t.database.db, tree);
  const provincePlan = await createPlan(c.provinceEditor, c.provinceManager, tree.province);
  const districtPlan = await createPlan(c.districtEditor, c.districtManager, tree.district);
  const plan2019 = await createPlan(c.districtEditor, c.districtManager, tree.district, 2019);

  const p1 = await inspectionAt(c.provinceEditor, provincePlan, [tree.district], 'closed', [
    { text: 'A', category: 'resolve_difficulty', ownerUnitId: tree.district.id, deadline: '2026-06-30' },
    { text: 'B', category: 'remedy_shortcoming', ownerUnitId: tree.district.id, deadline: '2026-04-30' },
    { text: 'C', category: 'remedy_shortcoming', ownerUnitId: tree.district.id, deadline: yesterday },
  ]);
  const [a, b] = p1.recommendations.map((r: { id: string }) => r.id);
  for (const [id, reportOn] of [
    [a, '2026-06-01'],
    [b, '2026-05-15'],
  ]) {
    const reported = await c.districtEditor.post(`/api/v1/recommendations/${id}/report`, {
      reportText: 'Đã khắc phục',
      reportOn,
      version: 1,
    });
    const accepted = await c.provinceManager.post(`/api/v1/recommendations/${id}/accept`, {
      reviewedOn: reportOn,
      version: reported.json().version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  }
  const supervision = await c.provinceEditor.post(
    '/api/v1/inspections',
    inspectionBody(provincePlan, [tree.district], { kind: 'supervision', form: 'regular' }),
  );
  expect(supervision.statusCode).toBe(201);

  await inspectionAt(c.districtEditor, districtPlan, [tree.commune, tree.commune2], 'closed', [
    { text: 'D', category: 'resolve_difficulty', ownerUnitId: tree.commune.id, deadline: yesterday },
    { text: 'E', category: 'remedy_shortcoming', ownerUnitId: tree.commune2.id, deadline: '2099-12-31' },
  ]);
  const old = await c.districtEditor.post(
    '/api/v1/inspections',
    inspectionBody(plan2019, [tree.dissolved], {
      form: 'regular',
      plannedStart: '2019-05-06',
      plannedEnd: '2019-05-10',
    }),
  );
  expect(old.statusCode, old.body).toBe(201);
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/stats/inspections', () => {
  it('counts by kind and conducting level, subjects, recommendations, per child unit', async () => {
    const response = await c.provinceViewer.get(
      `/api/v1/stats/inspections?unit=${tree.province.code}&from=2026-01-01&to=2026-12-31`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const stats = response.json();
    expect(stats.counts).toEqual({
      inspections: 2,
      supervisions: 1,
      byLevel: { province: { inspection: 1, supervision: 1 }, district: { inspection: 1, supervision: 0 } },
      thematic: 2,
      // district (by the province, twice: once), commune, commune2
      subjectsCovered: 3,
      recommendations: 5,
      done: 2,
      doneOnTime: 1,
      overdue: 2,
      difficultiesResolved: 1,
    });
    expect(stats.ownCounts).toMatchObject({ inspections: 1, supervisions: 1, subjectsCovered: 1, recommendations: 3 });
    expect(stats.children).toEqual([
      {
        unit: expect.objectContaining({ id: tree.district.id }),
        counts: expect.objectContaining({
          inspections: 1,
          supervisions: 0,
          subjectsCovered: 2,
          recommendations: 2,
          overdue: 1,
        }),
      },
    ]);
  });

  it('takes the period: 2019 counts the inspection of the commune dissolved since', async () => {
    const stats = (
      await c.districtEditor.get(`/api/v1/stats/inspections?unit=${tree.district.id}&from=2019-01-01&to=2019-12-31`)
    ).json();
    expect(stats.counts).toMatchObject({
      inspections: 1,
      supervisions: 0,
      thematic: 0,
      subjectsCovered: 1,
      recommendations: 0,
    });
    expect(stats.children.map((child: { unit: { id: string } }) => child.unit.id).sort()).toEqual(
      [tree.commune.id, tree.commune2.id, tree.dissolved.id].sort(),
    );
  });

  it('the exported function gives the dashboard the same figures', async () => {
    const stats = await countInspections(t.database.db, systemActor(), {
      unit: tree.district.id,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(stats.counts).toMatchObject({ inspections: 1, recommendations: 2, overdue: 1, subjectsCovered: 2 });
  });

  it('answers 404 out of reach and 400 on a bad period or campaign, in Vietnamese', async () => {
    const out = await c.otherEditor.get(
      `/api/v1/stats/inspections?unit=${tree.province.id}&from=2026-01-01&to=2026-12-31`,
    );
    expect(out.statusCode).toBe(404);
    const reversed = await c.provinceViewer.get(
      `/api/v1/stats/inspections?unit=${tree.province.id}&from=2026-12-31&to=2026-01-01`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(paths(reversed)).toEqual(['query.to']);
    const missing = await c.provinceViewer.get('/api/v1/stats/inspections?from=2026-13-01');
    expect(paths(missing)).toEqual(['query.from', 'query.to', 'query.unit']);
    const campaign = await c.provinceViewer.get(
      `/api/v1/stats/inspections?unit=${tree.province.id}&from=2026-01-01&to=2026-12-31&campaign=99-CT/TW`,
    );
    expect(campaign.statusCode).toBe(400);
    expect(campaign.json().message).toContain('99-CT/TW');
  });
});
