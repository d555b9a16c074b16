import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/harness';
import {
  closeBody,
  createClients,
  createInspectionTree,
  createPlan,
  inspectionAt,
  paths,
  type InspectionTree,
} from './inspections.fixtures';

// Who may do what, endpoint by endpoint: a caller from another province never learns the record exists (404, and
// nothing changes), a caller who reads it without the role gets 403.

let t: TestContext;
let tree: InspectionTree;
let c: Awaited<ReturnType<typeof createClients>>;
let draftPlan: { id: string; version: number };

beforeAll(async () => {
  t = await createTestContext();
  tree = await createInspectionTree(t.database.db);
  c = await createClients(t.app, t.database.db, tree);
  const created = await c.provinceEditor.post('/api/v1/inspection-plans', {
    unitId: tree.province.id,
    year: 2026,
    title: 'Kế hoạch dự thảo',
  });
  draftPlan = created.json();
});

afterAll(async () => {
  await t?.close();
});

const recommendation = {
  text: 'Khắc phục hạn chế trong sinh hoạt chi bộ',
  category: 'remedy_shortcoming',
  ownerUnitId: '',
  deadline: '2099-12-31',
};

function expectNotFound(response: { statusCode: number; json(): { code: string } }) {
  expect(response.statusCode).toBe(404);
  expect(response.json().code).toBe('NOT_FOUND');
}

function expectForbidden(response: { statusCode: number; json(): { code: string; message: string } }) {
  expect(response.statusCode).toBe(403);
  expect(response.json().code).toBe('FORBIDDEN');
  expect(response.json().message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữự]/);
}

const remove = (client: Client, url: string, payload?: object) => client.request({ method: 'DELETE', url, payload });

describe('plans', () => {
  it('answers 404 to PATCH and approve from another province, and leaves the plan as it was', async () => {
    const url = `/api/v1/inspection-plans/${draftPlan.id}`;
    expectNotFound(await c.otherEditor.patch(url, { title: 'Đổi tên', version: draftPlan.version }));
    expectNotFound(
      await c.otherEditor.post(`${url}/approve`, { approvedOn: '2026-01-10', version: draftPlan.version }),
    );
    const plan = (await c.provinceViewer.get(url)).json();
    expect(plan).toMatchObject({ title: 'Kế hoạch dự thảo', status: 'draft', version: draftPlan.version });
  });

  it('answers 403 to PATCH by a viewer', async () => {
    const url = `/api/v1/inspection-plans/${draftPlan.id}`;
    expectForbidden(await c.provinceViewer.patch(url, { title: 'Đổi tên', version: draftPlan.version }));
  });
});

describe('steps of an inspection', () => {
  let plan: string;
  beforeAll(async () => {
    plan = await createPlan(c.provinceEditor, c.provinceManager, tree.province);
  });

  it('close: 403 for a viewer, 404 from another province; the inspection stays in conduct', async () => {
    const conduct = await inspectionAt(c.provinceEditor, plan, [tree.district], 'conduct');
    const report = await c.provinceEditor.request({
      method: 'PUT',
      url: `/api/v1/inspections/${conduct.id}/subjects/${conduct.subjectReports[0].id}/self-report`,
      payload: { receivedOn: '2026-03-05' },
    });
    const version = report.json().version;
    const url = `/api/v1/inspections/${conduct.id}/close`;
    expectForbidden(await c.provinceViewer.post(url, closeBody(version)));
    expectForbidden(await c.districtManager.post(url, closeBody(version)));
    expectNotFound(await c.otherEditor.post(url, closeBody(version)));
    expect((await c.provinceViewer.get(`/api/v1/inspections/${conduct.id}`)).json().step).toBe('conduct');
    expect((await c.provinceEditor.post(url, closeBody(version))).statusCode).toBe(200);
  });

  it('sessions: adding and deleting answer 404 from another province; a session not of this inspection is 404', async () => {
    const conduct = await inspectionAt(c.provinceEditor, plan, [tree.district], 'conduct');
    const url = `/api/v1/inspections/${conduct.id}/sessions`;
    expectNotFound(await c.otherEditor.post(url, { heldOn: '2026-03-03', summary: 'Buổi làm việc' }));
    const added = await c.provinceEditor.post(url, { heldOn: '2026-03-03', summary: 'Buổi làm việc' });
    const sessionId = added.json().sessions[0].id;
    expectNotFound(await c.otherEditor.delete(`${url}/${sessionId}`));
    expectNotFound(await c.provinceEditor.delete(`${url}/00000000-0000-4000-8000-000000000000`));
    const other = await inspectionAt(c.provinceEditor, plan, [tree.district], 'conduct');
    expectNotFound(await c.provinceEditor.delete(`/api/v1/inspections/${other.id}/sessions/${sessionId}`));
    expect((await c.provinceViewer.get(`/api/v1/inspections/${conduct.id}`)).json().sessions).toHaveLength(1);
    const bad = await c.provinceEditor.delete(`${url}/khong-phai-uuid`);
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['params.sessionId']);
  });

  it('adding recommendations to a conclusion answers 404 from another province and adds nothing', async () => {
    const closed = await inspectionAt(c.provinceEditor, plan, [tree.district], 'closed');
    const items = [{ ...recommendation, ownerUnitId: tree.district.id }];
    expectNotFound(await c.otherEditor.post(`/api/v1/inspections/${closed.id}/recommendations`, { items }));
    expectForbidden(await c.provinceViewer.post(`/api/v1/inspections/${closed.id}/recommendations`, { items }));
    expect((await c.provinceViewer.get(`/api/v1/inspections/${closed.id}`)).json().recommendations).toEqual([]);
  });
});

describe('recommendations', () => {
  let id: string;
  let version: number;
  beforeAll(async () => {
    const plan = await createPlan(c.provinceEditor, c.provinceManager, tree.province);
    const closed = await inspectionAt(c.provinceEditor, plan, [tree.district], 'closed', [
      { ...recommendation, ownerUnitId: tree.district.id },
    ]);
    id = closed.recommendations[0].id;
    version = closed.recommendations[0].version;
  });

  it('start, report, accept, return and delete answer 404 from another province; nothing changes', async () => {
    const url = `/api/v1/recommendations/${id}`;
    expectNotFound(await c.otherEditor.post(`${url}/start`, { version }));
    expectNotFound(
      await c.otherEditor.post(`${url}/report`, { reportText: 'Đã khắc phục', reportOn: '2026-03-25', version }),
    );
    expectNotFound(await c.otherEditor.post(`${url}/accept`, { reviewedOn: '2026-03-26', version }));
    expectNotFound(await c.otherEditor.post(`${url}/return`, { reason: 'Chưa đạt', version }));
    expectNotFound(await remove(c.otherEditor, url, { version }));
    const stored = (await c.provinceViewer.get(url)).json();
    expect(stored).toMatchObject({ status: 'open', reportOn: null, version });
  });

  it('a report from someone who reads it but does not enter the owner unit’s records is 403', async () => {
    const url = `/api/v1/recommendations/${id}`;
    const body = { reportText: 'Đã khắc phục', reportOn: '2026-03-25', version };
    expectForbidden(await c.provinceViewer.post(`${url}/report`, body));
    // A commune below the owner district neither conducts nor owns it: it does not see it at all.
    expectNotFound(await c.communeEditor.post(`${url}/report`, body));
    expect((await c.provinceViewer.get(url)).json().reportOn).toBeNull();
  });

  it('delete: 404 for an id that does not exist, 400 for a malformed id or a missing version', async () => {
    expectNotFound(
      await remove(c.provinceEditor, '/api/v1/recommendations/00000000-0000-4000-8000-000000000000', { version: 1 }),
    );
    const badId = await remove(c.provinceEditor, '/api/v1/recommendations/khong-phai-uuid', { version: 1 });
    expect(badId.statusCode).toBe(400);
    expect(paths(badId)).toEqual(['params.id']);
    const noVersion = await remove(c.provinceEditor, `/api/v1/recommendations/${id}`, {});
    expect(noVersion.statusCode).toBe(400);
    expect(paths(noVersion)).toEqual(['body.version']);
    expect(noVersion.json().message).toMatch(/phiên bản/i);
    expect((await c.provinceViewer.get(`/api/v1/recommendations/${id}`)).statusCode).toBe(200);
  });
});
