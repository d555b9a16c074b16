import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import {
  createClients,
  createInspectionTree,
  createPlan,
  inspectionAt,
  type InspectionTree,
} from './inspections.fixtures';

// Every write leaves one audit entry, in its transaction, under the unit whose managers follow it, saying in
// Vietnamese what changed, with the values before and after.

let t: TestContext;
let tree: InspectionTree;
let c: Awaited<ReturnType<typeof createClients>>;
let plan: string;

beforeAll(async () => {
  t = await createTestContext();
  tree = await createInspectionTree(t.database.db);
  c = await createClients(t.app, t.database.db, tree);
  plan = await createPlan(c.provinceEditor, c.provinceManager, tree.province);
});

afterAll(async () => {
  await t?.close();
});

async function lastAudit(entityId: string, action: string) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'unit_id', 'summary', 'before', 'after', 'user_id'])
    .where('entity_id', '=', entityId)
    .where('action', '=', action)
    .execute();
  expect(rows, `${action} on ${entityId}`).toHaveLength(1);
  const row = rows[0]!;
  const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
  return { ...row, before: parse(row.before), after: parse(row.after) };
}

const recommendation = (text: string) => ({
  text,
  category: 'remedy_shortcoming',
  ownerUnitId: tree.district.id,
  deadline: '2099-12-31',
});

describe('audit of the inspections module', () => {
  it('inspection_plan.update names the fields changed, with before and after', async () => {
    const detail = (await c.provinceViewer.get(`/api/v1/inspection-plans/${plan}`)).json();
    const updated = await c.provinceEditor.patch(`/api/v1/inspection-plans/${plan}`, {
      title: 'Kế hoạch kiểm tra, giám sát năm 2026 (sửa đổi)',
      version: detail.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const entry = await lastAudit(plan, 'inspection_plan.update');
    expect(entry.unit_id).toBe(tree.province.id);
    expect(entry.summary).toContain('Tên kế hoạch');
    expect(entry.before).toEqual({ title: 'Kế hoạch kiểm tra, giám sát năm 2026' });
    expect(entry.after).toEqual({ title: 'Kế hoạch kiểm tra, giám sát năm 2026 (sửa đổi)' });
  });

  it('inspection.update names the fields changed, with before and after', async () => {
    const prepare = await inspectionAt(c.provinceEditor, plan, [tree.district], 'prepare');
    const updated = await c.provinceEditor.patch(`/api/v1/inspections/${prepare.id}`, {
      kind: 'supervision',
      subjectUnitIds: [tree.district.id, tree.commune.id],
      version: prepare.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const entry = await lastAudit(prepare.id, 'inspection.update');
    expect(entry.unit_id).toBe(tree.province.id);
    expect(entry.summary).toContain('Loại (kiểm tra/giám sát)');
    expect(entry.summary).toContain('Đơn vị được kiểm tra');
    expect(entry.before).toEqual({ kind: 'inspection', subjectUnitIds: [tree.district.id] });
    expect(entry.after).toEqual({ kind: 'supervision', subjectUnitIds: [tree.district.id, tree.commune.id] });
  });

  it('inspection.session_delete keeps the session deleted', async () => {
    const conduct = await inspectionAt(c.provinceEditor, plan, [tree.district], 'conduct');
    const added = await c.provinceEditor.post(`/api/v1/inspections/${conduct.id}/sessions`, {
      heldOn: '2026-03-04',
      place: 'Hội trường Huyện ủy',
      summary: 'Làm việc với Ban Thường vụ Huyện ủy',
    });
    const session = added.json().sessions[0];
    expect((await c.provinceEditor.delete(`/api/v1/inspections/${conduct.id}/sessions/${session.id}`)).statusCode).toBe(
      200,
    );
    const entry = await lastAudit(conduct.id, 'inspection.session_delete');
    expect(entry.unit_id).toBe(tree.province.id);
    expect(entry.summary).toContain('Xóa buổi làm việc ngày 04/03/2026');
    expect(entry.before).toMatchObject({ id: session.id, summary: 'Làm việc với Ban Thường vụ Huyện ủy' });
  });

  it('recommendation.create, .update and .delete, the last two under the owner unit', async () => {
    const closed = await inspectionAt(c.provinceEditor, plan, [tree.district], 'closed');
    const added = await c.provinceEditor.post(`/api/v1/inspections/${closed.id}/recommendations`, {
      items: [recommendation('Kiện toàn chi bộ'), recommendation('Kiến nghị nhập nhầm')],
    });
    expect(added.statusCode, added.body).toBe(200);
    const [kept, dropped] = added.json().recommendations;
    const created = await lastAudit(closed.id, 'recommendation.create');
    expect(created.unit_id).toBe(tree.province.id);
    expect(created.summary).toContain('Thêm 2 kiến nghị');
    expect(created.after.recommendationIds).toEqual([kept.id, dropped.id]);

    const updated = await c.provinceEditor.patch(`/api/v1/recommendations/${kept.id}`, {
      deadline: '2099-06-30',
      version: kept.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const update = await lastAudit(kept.id, 'recommendation.update');
    expect(update.unit_id).toBe(tree.district.id);
    expect(update.summary).toContain('Thời hạn');
    expect(update.before).toEqual({ deadline: '2099-12-31' });
    expect(update.after).toEqual({ deadline: '2099-06-30' });

    const deleted = await c.provinceEditor.request({
      method: 'DELETE',
      url: `/api/v1/recommendations/${dropped.id}`,
      payload: { version: dropped.version },
    });
    expect(deleted.statusCode).toBe(204);
    const removal = await lastAudit(dropped.id, 'recommendation.delete');
    expect(removal.unit_id).toBe(tree.district.id);
    expect(removal.summary).toContain('Xóa kiến nghị "Kiến nghị nhập nhầm"');
    expect(removal.before).toMatchObject({ id: dropped.id, text: 'Kiến nghị nhập nhầm' });
  });

  it('a refused write leaves no entry', async () => {
    const prepare = await inspectionAt(c.provinceEditor, plan, [tree.district], 'prepare');
    const refused = await c.otherEditor.patch(`/api/v1/inspections/${prepare.id}`, {
      title: 'Đổi tên',
      version: prepare.version,
    });
    expect(refused.statusCode).toBe(404);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', prepare.id)
      .execute();
    expect(rows.map((row) => row.action)).toEqual(['inspection.create']);
  });
});
