import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECTIONS } from '../../../common/reports';
import { createTree, createUnit, signedIn, type TestUnit } from '../../test/factories';
import { createTestContext, type Client, type TestContext } from '../../test/harness';

// Editing a template and its obligations as a province's administrator would, before and after units report on it.

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let district: TestUnit;
let districtCommune: TestUnit;
let provinceManager: Client;
let provinceEditor: Client;
let communeManager: Client;
let communeEditor: Client;
let outsider: Client;

const indicators = [
  { code: 'chi_bo', label: 'Số chi bộ', unitLabel: 'chi bộ', valueType: 'integer', source: 'manual', rollUp: 'sum' },
  {
    code: 'ty_le',
    label: 'Tỷ lệ chi bộ đưa chuyên đề vào sinh hoạt',
    unitLabel: '%',
    valueType: 'percent',
    source: 'manual',
    rollUp: 'weighted_average',
    weightCode: 'chi_bo',
  },
  { code: 'ghi_chu', label: 'Ghi chú', valueType: 'text', source: 'manual', rollUp: 'none' },
];

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  district = await createUnit(db, { kind: 'district', parent: tree.province, name: 'Huyện ủy Thử' });
  districtCommune = await createUnit(db, { kind: 'commune', parent: district, name: 'Đảng ủy xã Dưới Huyện' });
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  communeManager = await signedIn(t.app, db, tree.commune, 'manager');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  outsider = await signedIn(t.app, db, tree.otherProvince, 'manager');
});

afterAll(async () => {
  await t?.close();
});

async function createTemplate(): Promise<{ id: string; version: number }> {
  const response = await provinceManager.post('/api/v1/reports/templates', {
    code: `BC-${crypto.randomBytes(3).toString('hex')}`,
    name: 'Báo cáo quý thực hiện Chỉ thị 05',
    ownerUnitId: tree.province.id,
    periodType: 'quarter',
    deadlineDays: 10,
    subject: 'kết quả thực hiện Chỉ thị số 05-CT/TW quý',
    sections: DEFAULT_SECTIONS,
    indicators,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('editing a template', () => {
  it('lets a manager of the owner change anything while no unit has reported; others are refused', async () => {
    const template = await createTemplate();
    const url = `/api/v1/reports/templates/${template.id}`;
    const change = {
      version: template.version,
      name: 'Báo cáo quý (sửa)',
      deadlineDays: 15,
      sections: DEFAULT_SECTIONS.slice(0, 4),
      indicators: [{ ...indicators[0], valueType: 'percent', rollUp: 'none' }, indicators[2]],
    };
    expect((await provinceEditor.patch(url, change)).statusCode).toBe(403);
    expect((await communeManager.patch(url, change)).statusCode).toBe(403);
    expect((await outsider.patch(url, change)).statusCode).toBe(404);
    const bad = await provinceManager.patch(url, { ...change, indicators: [indicators[2], indicators[2]] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].message).toBe('Mã chỉ tiêu "ghi_chu" bị trùng');
    const response = await provinceManager.patch(url, change);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Báo cáo quý (sửa)', deadlineDays: 15, submissionCount: 0 });
    expect(response.json().indicators.map((i: { code: string }) => i.code)).toEqual(['chi_bo', 'ghi_chu']);
    expect(response.json().sections).toHaveLength(4);
    const list = (await provinceManager.get('/api/v1/reports/templates')).json();
    expect(list.items.find((i: { id: string }) => i.id === template.id).abilities).toEqual({ canManage: true });
    const read = (await communeEditor.get('/api/v1/reports/templates')).json();
    expect(read.items.find((i: { id: string }) => i.id === template.id).abilities).toEqual({ canManage: false });
  });

  it('once a unit has reported, keeps what its figures and texts hang on and allows the rest', async () => {
    const template = await createTemplate();
    const url = `/api/v1/reports/templates/${template.id}`;
    await provinceManager.post(`${url}/obligations`, { reviewerUnitId: tree.province.id, unitKind: 'commune' });
    const opened = await communeEditor.post('/api/v1/reports/submissions', {
      templateId: template.id,
      unitId: tree.commune.id,
      periodKey: '2026-Q3',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const submission = opened.json();
    const saved = await communeEditor.patch(`/api/v1/reports/submissions/${submission.id}`, {
      version: submission.version,
      values: { chi_bo: 12, ty_le: 75 },
      sections: { I: 'Đã quán triệt.' },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const breaking = await provinceManager.patch(url, {
      version: template.version,
      sections: DEFAULT_SECTIONS.slice(1),
      indicators: [
        { ...indicators[0], rollUp: 'none' },
        { ...indicators[1], valueType: 'integer' },
      ],
    });
    expect(breaking.statusCode).toBe(409);
    expect(breaking.json().code).toBe('INVALID_STATE');
    expect(breaking.json().message).toContain('hãy tạo mẫu mới');
    expect(breaking.json().details.map((d: { message: string }) => d.message)).toEqual([
      'Không thể đổi cách tổng hợp của chỉ tiêu "Số chi bộ": mẫu đã có 1 báo cáo của các đơn vị.',
      'Không thể đổi kiểu giá trị của chỉ tiêu "Tỷ lệ chi bộ đưa chuyên đề vào sinh hoạt": mẫu đã có 1 báo cáo của các đơn vị.',
      'Không thể bỏ chỉ tiêu "Ghi chú" (mã ghi_chu): mẫu đã có 1 báo cáo của các đơn vị, số liệu đã nhập theo mã này.',
      `Không thể bỏ phần I "${DEFAULT_SECTIONS[0].title}": mẫu đã có 1 báo cáo của các đơn vị, nội dung đã viết theo phần này.`,
    ]);
    // Nothing was written.
    const unchanged = (await provinceManager.get(url)).json();
    expect(unchanged).toMatchObject({ version: template.version, submissionCount: 1 });
    expect(unchanged.indicators).toHaveLength(3);

    const open = await provinceManager.patch(url, {
      version: template.version,
      subject: 'kết quả thực hiện Chỉ thị 05-CT/TW trong quý',
      sections: [
        ...DEFAULT_SECTIONS.slice(0, 1).map((s) => ({ ...s, title: 'Lãnh đạo, chỉ đạo' })),
        ...DEFAULT_SECTIONS.slice(1),
        { key: 'VI', title: 'Phụ lục ảnh' },
      ],
      indicators: [
        indicators[2],
        { ...indicators[0], label: 'Tổng số chi bộ trực thuộc', unitLabel: 'đơn vị', sectionKey: 'II' },
        indicators[1],
        { code: 'mo_hinh', label: 'Mô hình mới', valueType: 'integer', source: 'manual', rollUp: 'sum' },
      ],
    });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().indicators.map((i: { code: string }) => i.code)).toEqual([
      'ghi_chu',
      'chi_bo',
      'ty_le',
      'mo_hinh',
    ]);
    const after = (await communeEditor.get(`/api/v1/reports/submissions/${submission.id}`)).json();
    const values = Object.fromEntries(after.indicators.map((i: { code: string; value: unknown }) => [i.code, i.value]));
    expect(values).toEqual({ ghi_chu: null, chi_bo: 12, ty_le: 75, mo_hinh: null });
    expect(after.indicators[1].label).toBe('Tổng số chi bộ trực thuộc');
    expect(after.sections.find((s: { key: string }) => s.key === 'I')).toMatchObject({
      title: 'Lãnh đạo, chỉ đạo',
      text: 'Đã quán triệt.',
    });
  });
});

describe('obligations', () => {
  it('assigns every commune under a district, or one unit, to its reviewer; removes one', async () => {
    const template = await createTemplate();
    const url = `/api/v1/reports/templates/${template.id}/obligations`;
    const kind = await provinceManager.post(url, { reviewerUnitId: district.id, unitKind: 'commune' });
    expect(kind.statusCode, kind.body).toBe(201);
    const one = await provinceManager.post(url, { reviewerUnitId: tree.province.id, reporterUnitId: tree.commune.id });
    expect(one.statusCode, one.body).toBe(201);
    const obligations = one.json().obligations;
    expect(
      obligations.map(
        (o: { reviewer: { name: string }; unitKind: string | null; reporter: { name: string } | null }) => [
          o.reviewer.name,
          o.unitKind,
          o.reporter?.name ?? null,
        ],
      ),
    ).toEqual(
      expect.arrayContaining([
        ['Huyện ủy Thử', 'commune', null],
        ['Tỉnh ủy Thử Nghiệm', null, 'Đảng ủy xã Hòa Bình'],
      ]),
    );
    // The commune under the district can open its report; the one named alone too.
    const opened = await signedIn(t.app, t.database.db, districtCommune, 'editor');
    const draft = await opened.post('/api/v1/reports/submissions', {
      templateId: template.id,
      unitId: districtCommune.id,
      periodKey: '2026-Q3',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().reviewer.name).toBe('Huyện ủy Thử');

    const oneId = obligations.find((o: { reporter: unknown }) => o.reporter).id;
    expect((await provinceEditor.delete(`${url}/${oneId}`)).statusCode).toBe(403);
    expect((await outsider.delete(`${url}/${oneId}`)).statusCode).toBe(404);
    expect((await provinceManager.delete(`${url}/${crypto.randomUUID()}`)).statusCode).toBe(404);
    const removed = await provinceManager.delete(`${url}/${oneId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().obligations).toHaveLength(1);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', oneId).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['report.obligation.create', 'report.obligation.delete']);
  });

  it('refuses a unit outside the reviewer, a wrong role (403), a unit out of reach (404) and bad input (400)', async () => {
    const template = await createTemplate();
    const url = `/api/v1/reports/templates/${template.id}/obligations`;
    const stray = await provinceManager.post(url, { reviewerUnitId: district.id, reporterUnitId: tree.commune.id });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().details[0].message).toBe('Đơn vị báo cáo phải trực thuộc đơn vị nhận báo cáo.');
    // A commune's manager may make its own cells report to it; its editor may not.
    expect((await communeEditor.post(url, { reviewerUnitId: tree.commune.id, unitKind: 'cell' })).statusCode).toBe(403);
    expect((await communeManager.post(url, { reviewerUnitId: tree.province.id, unitKind: 'cell' })).statusCode).toBe(
      404,
    );
    expect((await outsider.post(url, { reviewerUnitId: tree.province.id, unitKind: 'cell' })).statusCode).toBe(404);
    const both = await provinceManager.post(url, {
      reviewerUnitId: tree.province.id,
      unitKind: 'cell',
      reporterUnitId: tree.commune.id,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().details[0].message).toBe('Chọn một loại đơn vị hoặc một đơn vị cụ thể');
    expect((await provinceManager.get(`/api/v1/reports/templates/${template.id}`)).json().obligations).toEqual([]);
  });
});
