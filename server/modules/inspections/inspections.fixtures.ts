import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { DbOrTrx } from '../../db/connection';
import { createUnit, signedIn, type TestUnit } from '../../test/factories';
import type { Client } from '../../test/harness';

// The subtree and accounts the inspections tests share: a province with a district, two communes under it (one
// dissolved in 2020), a cell, and a province beside it.

export async function createInspectionTree(db: DbOrTrx) {
  const central = await createUnit(db, { kind: 'central', name: 'Trung ương thử' });
  const province = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Thử Nghiệm' });
  const district = await createUnit(db, { kind: 'district', parent: province, name: 'Huyện ủy Đầm Thử' });
  const commune = await createUnit(db, { kind: 'commune', parent: district, name: 'Đảng ủy xã Tân Thuận' });
  const commune2 = await createUnit(db, { kind: 'commune', parent: district, name: 'Đảng ủy xã Tạ An Khương' });
  const dissolved = await createUnit(db, {
    kind: 'commune',
    parent: district,
    name: 'Đảng ủy xã Đã Giải Thể',
    validTo: '2020-06-30',
  });
  const cell = await createUnit(db, { kind: 'cell', parent: commune, name: 'Chi bộ ấp Tân Long' });
  const otherProvince = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Bên Cạnh' });
  const otherDistrict = await createUnit(db, { kind: 'district', parent: otherProvince, name: 'Huyện ủy Khác' });
  return { central, province, district, commune, commune2, dissolved, cell, otherProvince, otherDistrict };
}

export type InspectionTree = Awaited<ReturnType<typeof createInspectionTree>>;

export async function createClients(app: FastifyInstance, db: DbOrTrx, tree: InspectionTree) {
  return {
    provinceManager: await signedIn(app, db, tree.province, 'manager'),
    provinceEditor: await signedIn(app, db, tree.province, 'editor'),
    provinceViewer: await signedIn(app, db, tree.province, 'viewer'),
    districtManager: await signedIn(app, db, tree.district, 'manager'),
    districtEditor: await signedIn(app, db, tree.district, 'editor'),
    communeEditor: await signedIn(app, db, tree.commune, 'editor'),
    commune2Editor: await signedIn(app, db, tree.commune2, 'editor'),
    otherEditor: await signedIn(app, db, tree.otherProvince, 'manager'),
  };
}

export const team = [
  { fullName: 'Nguyễn Văn Hùng', position: 'Phó Trưởng ban Tuyên giáo', role: 'head' },
  { fullName: 'Trần Thị Lan', position: 'Chuyên viên', role: 'member' },
  { fullName: 'Lê Minh Tâm', position: 'Chuyên viên', role: 'secretary' },
];

export function inspectionBody(planId: string, subjects: TestUnit[], extra: Record<string, unknown> = {}) {
  return {
    planId,
    kind: 'inspection',
    form: 'thematic',
    title: 'Kiểm tra việc thực hiện Chỉ thị 05-CT/TW',
    content: 'Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    plannedStart: '2026-03-02',
    plannedEnd: '2026-03-13',
    subjectUnitIds: subjects.map((unit) => unit.id),
    members: team,
    ...extra,
  };
}

/** A plan of `unit` for `year`, approved unless told otherwise; returns its id. */
export async function createPlan(editor: Client, manager: Client | null, unit: TestUnit, year = 2026): Promise<string> {
  const created = await editor.post('/api/v1/inspection-plans', {
    unitId: unit.id,
    year,
    title: `Kế hoạch kiểm tra, giám sát năm ${year}`,
    number: '12-KH/TU',
  });
  expect(created.statusCode, created.body).toBe(201);
  const plan = created.json();
  if (manager) {
    const approved = await manager.post(`/api/v1/inspection-plans/${plan.id}/approve`, {
      approvedOn: `${year}-01-10`,
      version: plan.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  }
  return plan.id;
}

export const startBody = (version: number) => ({
  decisionNumber: '45-QĐ/TU',
  decisionDate: '2026-02-25',
  outlineSentOn: '2026-02-26',
  actualStart: '2026-03-02',
  version,
});

export const closeBody = (version: number, recommendations: unknown[] = []) => ({
  conclusionNumber: '78-TB/TU',
  conclusionDate: '2026-03-20',
  actualEnd: '2026-03-13',
  strengths: 'Cấp ủy quan tâm lãnh đạo, đưa chuyên đề vào sinh hoạt chi bộ.',
  shortcomings: 'Một số chi bộ chưa đưa chuyên đề vào sinh hoạt thường xuyên.',
  causes: 'Chưa phân công người chuẩn bị nội dung.',
  requirements: 'Khắc phục trong quý II.',
  recommendations,
  version,
});

/** Creates an inspection and moves it to `step` through the API; returns the detail. */
export async function inspectionAt(
  editor: Client,
  planId: string,
  subjects: TestUnit[],
  step: 'prepare' | 'conduct' | 'closed',
  recommendations: unknown[] = [],
) {
  const created = await editor.post('/api/v1/inspections', inspectionBody(planId, subjects));
  expect(created.statusCode, created.body).toBe(201);
  let detail = created.json();
  if (step === 'prepare') {
    return detail;
  }
  const started = await editor.post(`/api/v1/inspections/${detail.id}/start`, startBody(detail.version));
  expect(started.statusCode, started.body).toBe(200);
  detail = started.json();
  if (step === 'conduct') {
    return detail;
  }
  for (const subject of detail.subjectReports) {
    const report = await editor.request({
      method: 'PUT',
      url: `/api/v1/inspections/${detail.id}/subjects/${subject.id}/self-report`,
      payload: { receivedOn: '2026-03-05', summary: 'Báo cáo tự kiểm tra' },
    });
    expect(report.statusCode, report.body).toBe(200);
    detail = report.json();
  }
  const closed = await editor.post(
    `/api/v1/inspections/${detail.id}/close`,
    closeBody(detail.version, recommendations),
  );
  expect(closed.statusCode, closed.body).toBe(200);
  return closed.json();
}

export const paths = (response: { json(): { details?: { path: string }[] } }) =>
  (response.json().details ?? []).map((d) => d.path).sort();
