import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import {
  createClients,
  createInspectionTree,
  createPlan,
  inspectionAt,
  paths,
  type InspectionTree,
} from './inspections.fixtures';

// Bad input on every endpoint of the module: 400 VALIDATION_FAILED with a Vietnamese message naming the field.

let t: TestContext;
let tree: InspectionTree;
let c: Awaited<ReturnType<typeof createClients>>;
let plan: string;
let closed: { id: string; version: number; recommendations: { id: string }[]; subjectReports: { id: string }[] };
let conduct: { id: string; version: number; subjectReports: { id: string }[] };

beforeAll(async () => {
  t = await createTestContext();
  tree = await createInspectionTree(t.database.db);
  c = await createClients(t.app, t.database.db, tree);
  plan = await createPlan(c.provinceEditor, c.provinceManager, tree.province);
  closed = await inspectionAt(c.provinceEditor, plan, [tree.district], 'closed', [
    { text: 'Kiến nghị', category: 'remedy_shortcoming', ownerUnitId: tree.district.id, deadline: '2099-12-31' },
  ]);
  conduct = await inspectionAt(c.provinceEditor, plan, [tree.district], 'conduct');
});

afterAll(async () => {
  await t?.close();
});

const vietnamese = /[àáảãạăâđèéêìíòóôơùúưýỳ]/i;

describe('bad input answers 400 with the field named, in Vietnamese', () => {
  it('on the plans', async () => {
    const cases = [
      [
        await c.provinceEditor.patch(`/api/v1/inspection-plans/${plan}`, { title: '', version: 0 }),
        ['body.title', 'body.version'],
      ],
      [
        await c.provinceManager.post(`/api/v1/inspection-plans/${plan}/approve`, { approvedOn: '10/01/2026' }),
        ['body.approvedOn', 'body.version'],
      ],
      [await c.provinceViewer.get('/api/v1/inspection-plans?year=abc&status=done'), ['query.status', 'query.year']],
      [await c.provinceViewer.get('/api/v1/inspection-plans/khong-phai-uuid'), ['params.id']],
    ] as const;
    for (const [response, expected] of cases) {
      expect(response.statusCode, response.body).toBe(400);
      expect(paths(response)).toEqual(expected);
      expect(response.json().message).toMatch(vietnamese);
    }
  });

  it('on the inspections and their steps', async () => {
    const cases = [
      [await c.provinceViewer.get('/api/v1/inspections?kind=audit&from=2026-02-30'), ['query.from', 'query.kind']],
      [await c.provinceViewer.get('/api/v1/inspections/123'), ['params.id']],
      [
        await c.provinceEditor.patch(`/api/v1/inspections/${conduct.id}`, { plannedStart: 'mai', version: 1 }),
        ['body.plannedStart'],
      ],
      [
        await c.provinceEditor.post(`/api/v1/inspections/${conduct.id}/sessions`, {
          heldOn: '2026-03-05',
          summary: '',
        }),
        ['body.summary'],
      ],
      [
        await c.provinceEditor.post(`/api/v1/inspections/${conduct.id}/close`, {
          conclusionNumber: '1-TB/TU',
          version: conduct.version,
        }),
        ['body.actualEnd', 'body.conclusionDate', 'body.strengths'],
      ],
      [
        await c.provinceEditor.post(`/api/v1/inspections/${closed.id}/recommendations`, {
          items: [{ text: 'x', category: 'other' }],
        }),
        ['body.items.0.category', 'body.items.0.deadline', 'body.items.0.ownerUnitId'],
      ],
      [await c.provinceEditor.delete(`/api/v1/inspections/${conduct.id}/sessions/abc`), ['params.sessionId']],
    ] as const;
    for (const [response, expected] of cases) {
      expect(response.statusCode, response.body).toBe(400);
      expect(paths(response)).toEqual(expected);
      expect(response.json().message).toMatch(vietnamese);
    }
    const report = await c.districtEditor.request({
      method: 'PUT',
      url: `/api/v1/inspections/${conduct.id}/subjects/${conduct.subjectReports[0]!.id}/self-report`,
      payload: { receivedOn: '2026-02-20' },
    });
    expect(report.statusCode).toBe(400);
    expect(report.json().message).toContain('không được trước ngày quyết định');
    const unknownSubject = await c.districtEditor.request({
      method: 'PUT',
      url: `/api/v1/inspections/${conduct.id}/subjects/${closed.subjectReports[0]!.id}/self-report`,
      payload: { receivedOn: '2026-03-05' },
    });
    expect(unknownSubject.statusCode).toBe(404);
  });

  it('on the recommendations and the figures', async () => {
    const id = closed.recommendations[0]!.id;
    const cases = [
      [await c.provinceViewer.get('/api/v1/recommendations?page=0'), ['query.page']],
      [await c.provinceViewer.get('/api/v1/recommendations/nope'), ['params.id']],
      [
        await c.provinceEditor.patch(`/api/v1/recommendations/${id}`, { deadline: '31/12/2099', version: 1 }),
        ['body.deadline'],
      ],
      [await c.districtEditor.post(`/api/v1/recommendations/${id}/start`, {}), ['body.version']],
      [
        await c.districtEditor.post(`/api/v1/recommendations/${id}/report`, { reportOn: 'hôm nay', version: 1 }),
        ['body.reportOn', 'body.reportText'],
      ],
      [await c.provinceManager.post(`/api/v1/recommendations/${id}/accept`, { version: 1 }), ['body.reviewedOn']],
      [await c.provinceManager.post(`/api/v1/recommendations/${id}/return`, { version: 1 }), ['body.reason']],
      [await c.provinceViewer.get('/api/v1/stats/inspections?unit=96&from=2016&to=2019-12-31'), ['query.from']],
    ] as const;
    for (const [response, expected] of cases) {
      expect(response.statusCode, response.body).toBe(400);
      expect(paths(response)).toEqual(expected);
      expect(response.json().message).toMatch(vietnamese);
    }
  });
});
