import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import {
  closeBody,
  createClients,
  createInspectionTree,
  createPlan,
  inspectionAt,
  inspectionBody,
  paths,
  startBody,
  type InspectionTree,
} from './inspections.fixtures';

let t: TestContext;
let tree: InspectionTree;
let c: Awaited<ReturnType<typeof createClients>>;
let provincePlan: string;
let districtPlan: string;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createInspectionTree(db);
  c = await createClients(t.app, db, tree);
  provincePlan = await createPlan(c.provinceEditor, c.provinceManager, tree.province);
  districtPlan = await createPlan(c.districtEditor, c.districtManager, tree.district);
});

afterAll(async () => {
  await t?.close();
});

async function auditActions(entityId: string) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'unit_id'])
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

describe('/api/v1/inspection-plans', () => {
  it('an editor drafts a plan, a manager approves it, both audited', async () => {
    const created = await c.provinceEditor.post('/api/v1/inspection-plans', {
      unitId: tree.province.id,
      year: 2025,
      title: 'Kế hoạch kiểm tra 2025',
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ status: 'draft', year: 2025, unit: { id: tree.province.id } });
    expect(plan.abilities).toEqual({ canEdit: true, canApprove: false, canAddInspection: true });

    const byEditor = await c.provinceEditor.post(`/api/v1/inspection-plans/${plan.id}/approve`, {
      approvedOn: '2025-01-05',
      version: plan.version,
    });
    expect(byEditor.statusCode).toBe(403);
    const approved = await c.provinceManager.post(`/api/v1/inspection-plans/${plan.id}/approve`, {
      approvedOn: '2025-01-05',
      version: plan.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedOn: '2025-01-05' });
    const again = await c.provinceManager.post(`/api/v1/inspection-plans/${plan.id}/approve`, {
      approvedOn: '2025-01-05',
      version: approved.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect(await auditActions(plan.id)).toEqual(['inspection_plan.create', 'inspection_plan.approve']);
  });

  it('lists plans in reach only, and hides others (404)', async () => {
    const mine = await c.districtEditor.get('/api/v1/inspection-plans');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((p: { id: string }) => p.id)).toEqual([districtPlan]);
    const province = await c.provinceViewer.get('/api/v1/inspection-plans?year=2026');
    expect(
      province
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([provincePlan, districtPlan].sort());
    expect((await c.otherEditor.get(`/api/v1/inspection-plans/${provincePlan}`)).statusCode).toBe(404);
    expect((await c.districtEditor.get(`/api/v1/inspection-plans/${provincePlan}`)).statusCode).toBe(404);
  });

  it('refuses a viewer (403), a unit out of reach (404), bad input (400 in Vietnamese)', async () => {
    const body = { unitId: tree.province.id, year: 2026, title: 'Kế hoạch' };
    expect((await c.provinceViewer.post('/api/v1/inspection-plans', body)).statusCode).toBe(403);
    expect((await c.otherEditor.post('/api/v1/inspection-plans', body)).statusCode).toBe(404);
    const bad = await c.provinceEditor.post('/api/v1/inspection-plans', { unitId: 'x', year: 1990, title: '' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.title', 'body.unitId', 'body.year']);
    const closedUnit = await c.districtEditor.post('/api/v1/inspection-plans', {
      unitId: tree.dissolved.id,
      year: 2024,
      title: 'Kế hoạch của xã đã giải thể',
    });
    expect(closedUnit.statusCode).toBe(400);
    expect(closedUnit.json().message).toContain('không hoạt động trong năm 2024');
  });

  it('edits with a version; a stale version answers 409 with what changed', async () => {
    const plan = (await c.provinceEditor.get(`/api/v1/inspection-plans/${provincePlan}`)).json();
    const first = await c.provinceEditor.patch(`/api/v1/inspection-plans/${provincePlan}`, {
      title: 'Kế hoạch kiểm tra, giám sát năm 2026 (sửa)',
      version: plan.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await c.provinceEditor.patch(`/api/v1/inspection-plans/${provincePlan}`, {
      title: 'Khác',
      version: plan.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect(stale.json().details[0].message).toContain('Kế hoạch kiểm tra, giám sát năm 2026 (sửa)');
    expect((await c.provinceViewer.patch(`/api/v1/inspection-plans/${provincePlan}`, { version: 9 })).statusCode).toBe(
      403,
    );
  });
});

describe('/api/v1/inspections', () => {
  it('creates an inspection in a plan with subjects and team; the subject unit reads it, others do not', async () => {
    const created = await c.provinceEditor.post('/api/v1/inspections', inspectionBody(provincePlan, [tree.district]));
    expect(created.statusCode, created.body).toBe(201);
    const inspection = created.json();
    expect(inspection).toMatchObject({
      step: 'prepare',
      conductingUnit: { id: tree.province.id },
      subjects: [{ id: tree.district.id }],
      warnings: [],
    });
    expect(inspection.members.map((m: { role: string }) => m.role)).toEqual(['head', 'member', 'secretary']);
    expect((await c.districtEditor.get(`/api/v1/inspections/${inspection.id}`)).statusCode).toBe(200);
    // A unit below the subject is not what was inspected.
    expect((await c.communeEditor.get(`/api/v1/inspections/${inspection.id}`)).statusCode).toBe(404);
    expect((await c.otherEditor.get(`/api/v1/inspections/${inspection.id}`)).statusCode).toBe(404);
    const districtList = await c.districtEditor.get('/api/v1/inspections');
    expect(districtList.json().items.map((i: { id: string }) => i.id)).toContain(inspection.id);
    const otherList = await c.otherEditor.get('/api/v1/inspections');
    expect(otherList.json().items).toEqual([]);
    expect(await auditActions(inspection.id)).toEqual(['inspection.create']);
  });

  it('refuses wrong role (403), a plan out of reach (404), and bad input with the field named', async () => {
    const body = inspectionBody(provincePlan, [tree.district]);
    expect((await c.provinceViewer.post('/api/v1/inspections', body)).statusCode).toBe(403);
    expect((await c.districtEditor.post('/api/v1/inspections', body)).statusCode).toBe(404);
    expect((await c.otherEditor.post('/api/v1/inspections', body)).statusCode).toBe(404);
    const empty = await c.provinceEditor.post('/api/v1/inspections', { ...body, subjectUnitIds: [], kind: 'audit' });
    expect(empty.statusCode).toBe(400);
    expect(paths(empty)).toEqual(['body.kind', 'body.subjectUnitIds']);
    const reversed = await c.provinceEditor.post('/api/v1/inspections', {
      ...body,
      plannedStart: '2026-05-01',
      plannedEnd: '2026-04-01',
    });
    expect(paths(reversed)).toEqual(['body.plannedEnd']);
    const outside = await c.provinceEditor.post('/api/v1/inspections', {
      ...body,
      subjectUnitIds: [tree.otherDistrict.id],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain('cấp dưới của');
    const gone = await c.provinceEditor.post('/api/v1/inspections', { ...body, subjectUnitIds: [tree.dissolved.id] });
    expect(gone.statusCode).toBe(400);
    expect(gone.json().message).toContain('không hoạt động vào ngày 02/03/2026');
    const twoHeads = await c.provinceEditor.post('/api/v1/inspections', {
      ...body,
      members: [
        { fullName: 'Nguyễn Văn A', role: 'head' },
        { fullName: 'Nguyễn Văn B', role: 'head' },
      ],
    });
    expect(paths(twoHeads)).toEqual(['body.members']);
  });

  it('a subject unit that was dissolved since still shows on the inspection about it', async () => {
    const plan2019 = await createPlan(c.districtEditor, c.districtManager, tree.district, 2019);
    const created = await c.districtEditor.post(
      '/api/v1/inspections',
      inspectionBody(plan2019, [tree.dissolved, tree.commune], {
        plannedStart: '2019-05-06',
        plannedEnd: '2019-05-17',
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const detail = (await c.provinceViewer.get(`/api/v1/inspections/${created.json().id}`)).json();
    expect(detail.subjects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: tree.dissolved.id, name: 'Đảng ủy xã Đã Giải Thể', validTo: '2020-06-30' }),
      ]),
    );
    const bySubject = await c.provinceViewer.get(`/api/v1/inspections?subject=${tree.dissolved.id}`);
    expect(bySubject.json().items.map((i: { id: string }) => i.id)).toEqual([created.json().id]);
  });

  it('edits with a version (409 when stale), and not once closed', async () => {
    const inspection = await inspectionAt(c.provinceEditor, provincePlan, [tree.district], 'prepare');
    const edited = await c.provinceEditor.patch(`/api/v1/inspections/${inspection.id}`, {
      title: 'Kiểm tra chuyên đề năm 2026',
      subjectUnitIds: [tree.district.id, tree.commune.id],
      version: inspection.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().subjects.map((s: { id: string }) => s.id)).toEqual([tree.district.id, tree.commune.id]);
    const stale = await c.provinceEditor.patch(`/api/v1/inspections/${inspection.id}`, {
      title: 'Khác',
      version: inspection.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect((await c.districtEditor.patch(`/api/v1/inspections/${inspection.id}`, { version: 2 })).statusCode).toBe(403);
    expect((await c.otherEditor.patch(`/api/v1/inspections/${inspection.id}`, { version: 2 })).statusCode).toBe(404);

    const closed = await inspectionAt(c.provinceEditor, provincePlan, [tree.district], 'closed');
    const late = await c.provinceEditor.patch(`/api/v1/inspections/${closed.id}`, {
      title: 'Sửa sau kết luận',
      version: closed.version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_STATE');
  });
});

describe('steps prepare → conduct → closed', () => {
  it('goes through the steps in order with decision, self-inspection report, sessions and conclusion', async () => {
    const inspection = await inspectionAt(c.provinceEditor, provincePlan, [tree.district], 'prepare');
    const closeEarly = await c.provinceEditor.post(
      `/api/v1/inspections/${inspection.id}/close`,
      closeBody(inspection.version),
    );
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.json()).toMatchObject({ code: 'INVALID_STATE' });
    expect(closeEarly.json().message).toContain('Chuẩn bị');

    const started = await c.provinceEditor.post(
      `/api/v1/inspections/${inspection.id}/start`,
      startBody(inspection.version),
    );
    expect(started.statusCode, started.body).toBe(200);
    const conduct = started.json();
    expect(conduct).toMatchObject({ step: 'conduct', decisionNumber: '45-QĐ/TU', actualStart: '2026-03-02' });
    const again = await c.provinceEditor.post(`/api/v1/inspections/${inspection.id}/start`, startBody(conduct.version));
    expect(again.json().code).toBe('INVALID_STATE');

    const missing = await c.provinceEditor.post(
      `/api/v1/inspections/${inspection.id}/close`,
      closeBody(conduct.version),
    );
    expect(missing.statusCode).toBe(409);
    expect(missing.json().message).toContain(tree.district.name);

    // The subject unit writes its own self-inspection report; a reader cannot, a unit not inspected sees nothing.
    const subject = conduct.subjectReports[0];
    const url = `/api/v1/inspections/${inspection.id}/subjects/${subject.id}/self-report`;
    const payload = { receivedOn: '2026-03-04', summary: 'Đã tự kiểm tra 12 chi bộ.' };
    expect((await c.provinceViewer.request({ method: 'PUT', url, payload })).statusCode).toBe(403);
    expect((await c.otherEditor.request({ method: 'PUT', url, payload })).statusCode).toBe(404);
    const report = await c.districtEditor.request({ method: 'PUT', url, payload });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().subjectReports[0]).toMatchObject({ selfReportReceivedOn: '2026-03-04' });
    const badReport = await c.districtEditor.request({ method: 'PUT', url, payload: { receivedOn: '2026-13-01' } });
    expect(paths(badReport)).toEqual(['body.receivedOn']);

    const session = await c.provinceEditor.post(`/api/v1/inspections/${inspection.id}/sessions`, {
      heldOn: '2026-03-06',
      subjectUnitId: tree.district.id,
      place: 'Hội trường Huyện ủy',
      summary: 'Làm việc với Ban Thường vụ Huyện ủy',
    });
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json().sessions).toHaveLength(1);
    const earlySession = await c.provinceEditor.post(`/api/v1/inspections/${inspection.id}/sessions`, {
      heldOn: '2026-02-01',
      summary: 'Trước ngày bắt đầu',
    });
    expect(paths(earlySession)).toEqual(['body.heldOn']);
    expect(
      (
        await c.districtEditor.post(`/api/v1/inspections/${inspection.id}/sessions`, {
          heldOn: '2026-03-06',
          summary: 'x',
        })
      ).statusCode,
    ).toBe(403);

    const version = session.json().version;
    const closed = await c.provinceEditor.post(
      `/api/v1/inspections/${inspection.id}/close`,
      closeBody(version, [
        {
          text: 'Đưa chuyên đề vào sinh hoạt chi bộ hằng tháng',
          category: 'remedy_shortcoming',
          ownerUnitId: tree.district.id,
          deadline: '2099-06-30',
        },
      ]),
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      step: 'closed',
      conclusionNumber: '78-TB/TU',
      actualEnd: '2026-03-13',
      recommendations: [{ status: 'open', ownerUnit: { id: tree.district.id }, isOverdue: false }],
    });
    const sessionAfter = await c.provinceEditor.post(`/api/v1/inspections/${inspection.id}/sessions`, {
      heldOn: '2026-03-06',
      summary: 'Sau kết luận',
    });
    expect(sessionAfter.json().code).toBe('INVALID_STATE');
    expect(await auditActions(inspection.id)).toEqual([
      'inspection.create',
      'inspection.start',
      'inspection.self_report',
      'inspection.session_add',
      'inspection.close',
    ]);
  });

  it('does not start before the plan is approved, nor without a head of team', async () => {
    const draft = await createPlan(c.provinceEditor, null, tree.province);
    const inspection = await inspectionAt(c.provinceEditor, draft, [tree.district], 'prepare');
    const refused = await c.provinceEditor.post(
      `/api/v1/inspections/${inspection.id}/start`,
      startBody(inspection.version),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('chưa được phê duyệt');

    const noHead = await c.provinceEditor.post(
      '/api/v1/inspections',
      inspectionBody(provincePlan, [tree.district], { members: [{ fullName: 'Trần Văn B', role: 'member' }] }),
    );
    const refusedHead = await c.provinceEditor.post(`/api/v1/inspections/${noHead.json().id}/start`, startBody(1));
    expect(refusedHead.statusCode).toBe(409);
    expect(refusedHead.json().message).toContain('trưởng đoàn');
    const badStart = await c.provinceEditor.post(`/api/v1/inspections/${noHead.json().id}/start`, {
      ...startBody(1),
      decisionNumber: '',
    });
    expect(paths(badStart)).toEqual(['body.decisionNumber']);
    expect(
      (await c.provinceViewer.post(`/api/v1/inspections/${noHead.json().id}/start`, startBody(1))).statusCode,
    ).toBe(403);
    expect((await c.otherEditor.post(`/api/v1/inspections/${noHead.json().id}/start`, startBody(1))).statusCode).toBe(
      404,
    );
  });

  it('deletes a working session while conducting; adds recommendations only once closed', async () => {
    const conduct = await inspectionAt(c.provinceEditor, provincePlan, [tree.district], 'conduct');
    const withSession = await c.provinceEditor.post(`/api/v1/inspections/${conduct.id}/sessions`, {
      heldOn: '2026-03-03',
      summary: 'Buổi làm việc',
    });
    const sessionId = withSession.json().sessions[0].id;
    expect((await c.districtEditor.delete(`/api/v1/inspections/${conduct.id}/sessions/${sessionId}`)).statusCode).toBe(
      403,
    );
    const removed = await c.provinceEditor.delete(`/api/v1/inspections/${conduct.id}/sessions/${sessionId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().sessions).toEqual([]);
    const item = {
      text: 'Kiến nghị',
      category: 'resolve_difficulty',
      ownerUnitId: tree.district.id,
      deadline: '2026-12-31',
    };
    const early = await c.provinceEditor.post(`/api/v1/inspections/${conduct.id}/recommendations`, { items: [item] });
    expect(early.json().code).toBe('INVALID_STATE');

    const closed = await inspectionAt(c.provinceEditor, provincePlan, [tree.district], 'closed');
    const added = await c.provinceEditor.post(`/api/v1/inspections/${closed.id}/recommendations`, { items: [item] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().recommendations).toHaveLength(1);
    const outsider = await c.provinceEditor.post(`/api/v1/inspections/${closed.id}/recommendations`, {
      items: [{ ...item, ownerUnitId: tree.otherDistrict.id }],
    });
    expect(paths(outsider)).toEqual(['body.items.0.ownerUnitId']);
    const early2 = await c.provinceEditor.post(`/api/v1/inspections/${closed.id}/recommendations`, {
      items: [{ ...item, deadline: '2026-01-01' }],
    });
    expect(paths(early2)).toEqual(['body.items.0.deadline']);
    expect(
      (await c.districtEditor.post(`/api/v1/inspections/${closed.id}/recommendations`, { items: [item] })).statusCode,
    ).toBe(403);
  });
});
