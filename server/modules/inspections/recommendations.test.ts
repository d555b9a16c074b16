import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../../common/dates';
import { createTestContext, type TestContext } from '../../test/harness';
import {
  createClients,
  createInspectionTree,
  createPlan,
  inspectionAt,
  paths,
  type InspectionTree,
} from './inspections.fixtures';

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

const today = todayIso();
const yesterday = addDays(today, -1);
const later = '2099-12-31';

function item(owner: { id: string }, deadline: string, extra: Record<string, unknown> = {}) {
  return {
    text: `Khắc phục hạn chế hạn ${deadline}`,
    category: 'remedy_shortcoming',
    ownerUnitId: owner.id,
    deadline,
    ...extra,
  };
}

async function recommendationsOf(inspection: { recommendations: { id: string }[] }) {
  return inspection.recommendations.map((r) => r.id);
}

describe('/api/v1/recommendations', () => {
  it('derives overdue from the deadline (never stored) and lists overdue first in the owner unit’s own list', async () => {
    const inspection = await inspectionAt(c.provinceEditor, plan, [tree.district, tree.commune2], 'closed', [
      item(tree.district, later),
      item(tree.district, yesterday),
      item(tree.commune2, yesterday),
      item(tree.district, '2026-04-30', { category: 'resolve_difficulty' }),
    ]);
    const [onTime, overdue, other, older] = await recommendationsOf(inspection);
    const mine = await c.districtEditor.get('/api/v1/recommendations?view=owner');
    expect(mine.statusCode).toBe(200);
    // The district's own list: its items and its communes' (it enters records for them), overdue first.
    expect(mine.json().items.map((r: { id: string }) => r.id)).toEqual([older, overdue, other, onTime]);
    expect(mine.json().items.map((r: { isOverdue: boolean }) => r.isOverdue)).toEqual([true, true, true, false]);
    expect(mine.json().overdue).toBe(3);
    const commune2 = await c.commune2Editor.get('/api/v1/recommendations?view=owner');
    expect(commune2.json().items.map((r: { id: string }) => r.id)).toEqual([other]);
    const stored = await t.database.db
      .selectFrom('recommendation')
      .select('status')
      .where('id', '=', overdue)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('open');
    const onlyOverdue = await c.provinceViewer.get('/api/v1/recommendations?status=overdue');
    expect(
      onlyOverdue
        .json()
        .items.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([older, overdue, other].sort());
    expect((await c.otherEditor.get('/api/v1/recommendations')).json().items).toEqual([]);
    expect((await c.otherEditor.get(`/api/v1/recommendations/${overdue}`)).statusCode).toBe(404);
    const bad = await c.provinceViewer.get('/api/v1/recommendations?status=late&view=mine');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['query.status', 'query.view']);
  });

  it('the owner starts, reports, the conducting manager returns it with a reason, then accepts: done on time', async () => {
    const inspection = await inspectionAt(c.provinceEditor, plan, [tree.district], 'closed', [
      item(tree.district, later),
    ]);
    const [id] = await recommendationsOf(inspection);
    let r = (await c.districtEditor.get(`/api/v1/recommendations/${id}`)).json();
    expect(r.abilities).toEqual({
      canEdit: false,
      canDelete: false,
      canStart: true,
      canReport: true,
      canReview: false,
    });

    expect(
      (await c.provinceViewer.post(`/api/v1/recommendations/${id}/start`, { version: r.version })).statusCode,
    ).toBe(403);
    const started = await c.districtEditor.post(`/api/v1/recommendations/${id}/start`, { version: r.version });
    expect(started.json().status).toBe('in_progress');
    const startAgain = await c.districtEditor.post(`/api/v1/recommendations/${id}/start`, {
      version: started.json().version,
    });
    expect(startAgain.json().code).toBe('INVALID_STATE');

    const acceptEarly = await c.provinceManager.post(`/api/v1/recommendations/${id}/accept`, {
      reviewedOn: today,
      version: started.json().version,
    });
    expect(acceptEarly.statusCode).toBe(409);
    expect(acceptEarly.json().message).toContain('chưa gửi báo cáo khắc phục');

    const badReport = await c.districtEditor.post(`/api/v1/recommendations/${id}/report`, {
      reportText: '',
      reportOn: '2026-02-01',
      version: started.json().version,
    });
    expect(paths(badReport)).toEqual(['body.reportText']);
    const reported = await c.districtEditor.post(`/api/v1/recommendations/${id}/report`, {
      reportText: '100% chi bộ đã đưa chuyên đề vào sinh hoạt.',
      reportOn: '2026-05-10',
      version: started.json().version,
    });
    expect(reported.statusCode, reported.body).toBe(200);
    r = reported.json();
    expect(r).toMatchObject({ status: 'in_progress', isAwaitingReview: true, reportOn: '2026-05-10' });

    expect(
      (
        await c.provinceEditor.post(`/api/v1/recommendations/${id}/return`, {
          reason: 'Thiếu số liệu',
          version: r.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await c.districtManager.post(`/api/v1/recommendations/${id}/accept`, { reviewedOn: today, version: r.version }))
        .statusCode,
    ).toBe(403);
    const noReason = await c.provinceManager.post(`/api/v1/recommendations/${id}/return`, {
      reason: ' ',
      version: r.version,
    });
    expect(paths(noReason)).toEqual(['body.reason']);
    const returned = await c.provinceManager.post(`/api/v1/recommendations/${id}/return`, {
      reason: 'Chưa có số liệu từng chi bộ',
      version: r.version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'in_progress', isAwaitingReview: false });
    expect(returned.json().reviews).toEqual([
      expect.objectContaining({ decision: 'returned', reason: 'Chưa có số liệu từng chi bộ' }),
    ]);

    const again = await c.districtEditor.post(`/api/v1/recommendations/${id}/report`, {
      reportText: 'Bổ sung số liệu 24/24 chi bộ.',
      reportOn: '2026-06-01',
      version: returned.json().version,
    });
    const stale = await c.provinceManager.post(`/api/v1/recommendations/${id}/accept`, {
      reviewedOn: today,
      version: returned.json().version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    const accepted = await c.provinceManager.post(`/api/v1/recommendations/${id}/accept`, {
      reviewedOn: today,
      version: again.json().version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'done',
      doneOn: '2026-06-01',
      isDoneOnTime: true,
      isOverdue: false,
    });
    expect(accepted.json().reviews.map((v: { decision: string }) => v.decision)).toEqual(['returned', 'accepted']);
    const afterDone = await c.districtEditor.post(`/api/v1/recommendations/${id}/report`, {
      reportText: 'Thêm',
      reportOn: '2026-06-02',
      version: accepted.json().version,
    });
    expect(afterDone.json().code).toBe('INVALID_STATE');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id'])
      .where('entity_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'recommendation.start',
      'recommendation.report',
      'recommendation.return',
      'recommendation.report',
      'recommendation.accept',
    ]);
    expect(audit.every((a) => a.unit_id === tree.district.id)).toBe(true);
  });

  it('a report dated after the deadline makes it done late', async () => {
    const inspection = await inspectionAt(c.provinceEditor, plan, [tree.district], 'closed', [
      item(tree.district, '2026-04-30'),
    ]);
    const [id] = await recommendationsOf(inspection);
    const reported = await c.districtEditor.post(`/api/v1/recommendations/${id}/report`, {
      reportText: 'Đã khắc phục.',
      reportOn: '2026-05-15',
      version: 1,
    });
    expect(reported.json().isOverdue).toBe(true);
    const accepted = await c.provinceManager.post(`/api/v1/recommendations/${id}/accept`, {
      reviewedOn: '2026-05-20',
      version: reported.json().version,
    });
    expect(accepted.json()).toMatchObject({ status: 'done', isDoneOnTime: false, isOverdue: false });
    const beforeReport = await c.provinceManager.post(`/api/v1/recommendations/${id}/accept`, {
      reviewedOn: '2026-05-01',
      version: accepted.json().version,
    });
    expect(beforeReport.json().code).toBe('INVALID_STATE');
  });

  it('the conducting editor edits (409 when stale) and deletes an untouched one; others may not', async () => {
    const inspection = await inspectionAt(c.provinceEditor, plan, [tree.district], 'closed', [
      item(tree.district, later),
      item(tree.district, later),
    ]);
    const [a, b] = await recommendationsOf(inspection);
    const edited = await c.provinceEditor.patch(`/api/v1/recommendations/${a}`, { deadline: '2099-06-30', version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().deadline).toBe('2099-06-30');
    const stale = await c.provinceEditor.patch(`/api/v1/recommendations/${a}`, { deadline: '2099-01-31', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details[0].message).toContain('2099-06-30');
    expect(
      (await c.districtEditor.patch(`/api/v1/recommendations/${a}`, { text: 'Khác', version: 2 })).statusCode,
    ).toBe(403);
    expect((await c.otherEditor.patch(`/api/v1/recommendations/${a}`, { text: 'Khác', version: 2 })).statusCode).toBe(
      404,
    );
    const badOwner = await c.provinceEditor.patch(`/api/v1/recommendations/${a}`, {
      ownerUnitId: tree.otherDistrict.id,
      version: 2,
    });
    expect(paths(badOwner)).toEqual(['body.ownerUnitId']);

    expect(
      (
        await c.districtEditor.request({
          method: 'DELETE',
          url: `/api/v1/recommendations/${b}`,
          payload: { version: 1 },
        })
      ).statusCode,
    ).toBe(403);
    const deleted = await c.provinceEditor.request({
      method: 'DELETE',
      url: `/api/v1/recommendations/${b}`,
      payload: { version: 1 },
    });
    expect(deleted.statusCode).toBe(204);
    expect((await c.provinceEditor.get(`/api/v1/recommendations/${b}`)).statusCode).toBe(404);
    await c.districtEditor.post(`/api/v1/recommendations/${a}/start`, { version: 2 });
    const notUntouched = await c.provinceEditor.request({
      method: 'DELETE',
      url: `/api/v1/recommendations/${a}`,
      payload: { version: 3 },
    });
    expect(notUntouched.json().code).toBe('INVALID_STATE');
  });

  it('takes remediation documents from the owner unit and shows them to the conducting unit', async () => {
    const inspection = await inspectionAt(c.provinceEditor, plan, [tree.district], 'closed', [
      item(tree.district, later),
    ]);
    const [id] = await recommendationsOf(inspection);
    const list = await c.provinceViewer.get(`/api/v1/documents?entityType=recommendation&entityId=${id}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().abilities.canEdit).toBe(false);
    const owner = await c.districtEditor.get(`/api/v1/documents?entityType=recommendation&entityId=${id}`);
    expect(owner.json().abilities.canEdit).toBe(true);
    expect((await c.otherEditor.get(`/api/v1/documents?entityType=recommendation&entityId=${id}`)).statusCode).toBe(
      404,
    );
    const step = await c.districtEditor.get(`/api/v1/documents?entityType=inspection_close&entityId=${inspection.id}`);
    expect(step.statusCode).toBe(200);
    expect(step.json().abilities.canEdit).toBe(false);
  });
});
