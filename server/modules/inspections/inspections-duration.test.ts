import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../test/factories';
import { createTestContext, type Client, type TestContext } from '../../test/harness';
import {
  createClients,
  createInspectionTree,
  createPlan,
  inspectionBody,
  type InspectionTree,
} from './inspections.fixtures';

// The longest an inspection may last by the conducting committee's level (QĐ 331-QĐ/TW): central 60 days, province
// 45, the level directly above grassroots 20; past it a warning, past the extension of 1/3 a stronger one, never a
// refusal.

let t: TestContext;
let tree: InspectionTree;
let c: Awaited<ReturnType<typeof createClients>>;
let centralEditor: Client;
let centralPlan: string;
let provincePlan: string;
let districtPlan: string;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createInspectionTree(db);
  c = await createClients(t.app, db, tree);
  centralEditor = await signedIn(t.app, db, tree.central, 'editor');
  centralPlan = await createPlan(centralEditor, await signedIn(t.app, db, tree.central, 'manager'), tree.central);
  provincePlan = await createPlan(c.provinceEditor, c.provinceManager, tree.province);
  districtPlan = await createPlan(c.districtEditor, c.districtManager, tree.district);
});

afterAll(async () => {
  await t?.close();
});

describe('duration warnings', () => {
  it('warns (does not refuse) when the duration passes the limit of the conducting level', async () => {
    const province = await c.provinceEditor.post(
      '/api/v1/inspections',
      inspectionBody(provincePlan, [tree.district], { plannedStart: '2026-04-01', plannedEnd: '2026-05-20' }),
    );
    expect(province.statusCode).toBe(201);
    expect(province.json().warnings).toEqual([
      expect.objectContaining({ code: 'DURATION_OVER_LIMIT', days: 50, limit: 45, dates: 'planned' }),
    ]);
    expect(province.json().warnings[0].message).toContain('QĐ 331-QĐ/TW');
    expect(province.json().warnings[0].message).toContain('cấp tỉnh');

    const district = await c.districtEditor.post(
      '/api/v1/inspections',
      inspectionBody(districtPlan, [tree.commune], { plannedStart: '2026-04-01', plannedEnd: '2026-04-21' }),
    );
    expect(district.json().warnings).toEqual([
      expect.objectContaining({ code: 'DURATION_OVER_LIMIT', days: 21, limit: 20 }),
    ]);
    const long = await c.districtEditor.post(
      '/api/v1/inspections',
      inspectionBody(districtPlan, [tree.commune], { plannedStart: '2026-04-01', plannedEnd: '2026-04-30' }),
    );
    expect(long.json().warnings).toEqual([
      expect.objectContaining({ code: 'DURATION_OVER_EXTENSION', days: 30, limit: 20 }),
    ]);
    const within = await c.districtEditor.post(
      '/api/v1/inspections',
      inspectionBody(districtPlan, [tree.commune], { plannedStart: '2026-04-01', plannedEnd: '2026-04-20' }),
    );
    expect(within.json().warnings).toEqual([]);
  });

  it('at the central level: up to 60 days without a warning, 61 over the limit, past 80 over the extension', async () => {
    const planned = async (plannedEnd: string) => {
      const response = await centralEditor.post(
        '/api/v1/inspections',
        inspectionBody(centralPlan, [tree.province], { plannedStart: '2026-04-01', plannedEnd }),
      );
      expect(response.statusCode, response.body).toBe(201);
      return response.json().warnings;
    };
    expect(await planned('2026-05-30')).toEqual([]);
    const over = await planned('2026-05-31');
    expect(over).toEqual([expect.objectContaining({ code: 'DURATION_OVER_LIMIT', days: 61, limit: 60 })]);
    expect(over[0].message).toContain('cấp Trung ương');
    expect(over[0].message).toContain('tối đa 80 ngày');
    expect(await planned('2026-06-20')).toEqual([
      expect.objectContaining({ code: 'DURATION_OVER_EXTENSION', days: 81, limit: 60 }),
    ]);
  });
});
