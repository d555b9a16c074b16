import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECTIONS } from '../../../common/reports';
import { createTree, createUnit, signedIn, type TestUnit } from '../../test/factories';
import { readDocx } from '../../test/docx';
import { loadWorkbook } from '../../test/spreadsheets';
import { createTestContext, type Client, type TestContext } from '../../test/harness';

// One template, two communes under one province, the whole review cycle through the HTTP API.

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let communeB: TestUnit;
let provinceManager: Client;
let provinceEditor: Client;
let provinceViewer: Client;
let communeEditor: Client;
let communeManager: Client;
let communeBEditor: Client;
let outsider: Client;
let templateId: string;

const indicators = [
  {
    code: 'khen.huyen.tap_the',
    label: 'Tập thể được khen cấp huyện',
    unitLabel: 'tập thể',
    valueType: 'integer',
    source: 'computed',
    catalogueCode: 'commendations.district.collective',
    rollUp: 'sum',
    sectionKey: 'II',
  },
  { code: 'chi_bo', label: 'Số chi bộ', unitLabel: 'chi bộ', valueType: 'integer', source: 'manual', rollUp: 'sum' },
  {
    code: 'ty_le_chuyen_de',
    label: 'Tỷ lệ chi bộ đưa chuyên đề vào sinh hoạt',
    unitLabel: '%',
    valueType: 'percent',
    source: 'manual',
    rollUp: 'weighted_average',
    weightCode: 'chi_bo',
  },
  { code: 'ghi_chu', label: 'Ghi chú', valueType: 'text', source: 'manual', rollUp: 'none' },
];

async function commend(date: string, unit: TestUnit) {
  const response = await provinceEditor.post('/api/v1/commendations', {
    number: `${crypto.randomInt(1, 999999)}-QĐ/HU`,
    decisionDate: date,
    system: 'party',
    issuerName: 'Huyện ủy Thử',
    issuerUnitId: tree.province.id,
    level: 'district',
    form: 'GIAY_KHEN',
    type: 'thematic',
    recipients: [{ recipientType: 'collective', name: 'Chi bộ ấp 1', unitId: unit.id }],
  });
  expect(response.statusCode, response.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  communeB = await createUnit(db, { kind: 'commune', parent: tree.province, name: 'Đảng ủy xã Tân Tiến' });
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  communeManager = await signedIn(t.app, db, tree.commune, 'manager');
  communeBEditor = await signedIn(t.app, db, communeB, 'editor');
  outsider = await signedIn(t.app, db, tree.otherProvince, 'manager');
  await commend('2026-10-15', tree.cellA);
  await commend('2026-11-02', tree.commune);
});

afterAll(async () => {
  await t?.close();
});

const templateBody = () => ({
  code: `BC-Q-${crypto.randomBytes(3).toString('hex')}`,
  name: 'Báo cáo quý thực hiện Chỉ thị 05',
  ownerUnitId: tree.province.id,
  periodType: 'quarter',
  deadlineDays: 10,
  subject: 'kết quả thực hiện Chỉ thị số 05-CT/TW quý',
  sections: DEFAULT_SECTIONS,
  indicators,
});

describe('templates and obligations', () => {
  it('lets a manager of the province create a template, and its communes read it', async () => {
    const response = await provinceManager.post('/api/v1/reports/templates', templateBody());
    expect(response.statusCode, response.body).toBe(201);
    const template = response.json();
    templateId = template.id;
    expect(template.indicators.map((i: { code: string }) => i.code)).toEqual(indicators.map((i) => i.code));
    expect(template.sections.map((s: { key: string }) => s.key)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    const list = (await communeEditor.get('/api/v1/reports/templates')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(templateId);
    expect((await outsider.get(`/api/v1/reports/templates/${templateId}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', templateId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('report.template.create');
  });

  it('refuses an editor (403), a unit out of reach (404) and a computed indicator without a catalogue entry (400)', async () => {
    expect((await provinceEditor.post('/api/v1/reports/templates', templateBody())).statusCode).toBe(403);
    expect((await communeManager.post('/api/v1/reports/templates', templateBody())).statusCode).toBe(404);
    const bad = await provinceManager.post('/api/v1/reports/templates', {
      ...templateBody(),
      indicators: [
        { ...indicators[0], catalogueCode: 'khong.co' },
        { ...indicators[3], rollUp: 'sum' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      {
        path: 'body.indicators.0.catalogueCode',
        message: 'Chỉ tiêu "Tập thể được khen cấp huyện": chọn một chỉ tiêu có sẵn trong danh mục để tính từ dữ liệu',
      },
      { path: 'body.indicators.1.rollUp', message: 'Chỉ tiêu dạng chữ "Ghi chú" không cộng dồn được' },
    ]);
  });

  it('makes every commune under the province report to it; a duplicate is 409, a viewer 403', async () => {
    const url = `/api/v1/reports/templates/${templateId}/obligations`;
    const body = { reviewerUnitId: tree.province.id, unitKind: 'commune' };
    expect((await provinceViewer.post(url, body)).statusCode).toBe(403);
    const response = await provinceManager.post(url, body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().obligations).toHaveLength(1);
    expect((await provinceManager.post(url, body)).statusCode).toBe(409);
  });
});

describe('a submission through review', () => {
  let id: string;
  let version: number;
  const url = () => `/api/v1/reports/submissions/${id}`;

  it('opens with the computed figures from the records and refuses a unit with no obligation', async () => {
    const response = await communeEditor.post('/api/v1/reports/submissions', {
      templateId,
      unitId: tree.commune.id,
      periodKey: '2026-Q4',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    id = body.id;
    version = body.version;
    expect(body.status).toBe('draft');
    expect(body.dueOn).toBe('2027-01-10');
    expect(body.indicators.find((i: { code: string }) => i.code === 'khen.huyen.tap_the').value).toBe(2);
    const cell = await communeEditor.post('/api/v1/reports/submissions', {
      templateId,
      unitId: tree.cellA.id,
      periodKey: '2026-Q4',
    });
    expect(cell.statusCode).toBe(400);
    expect(cell.json().message).toContain('không có nghĩa vụ báo cáo');
    expect(
      (
        await communeEditor.post('/api/v1/reports/submissions', {
          templateId,
          unitId: communeB.id,
          periodKey: '2026-Q4',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await communeEditor.post('/api/v1/reports/submissions', {
          templateId,
          unitId: tree.commune.id,
          periodKey: '2026-13',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('drafts the results text from the figures', async () => {
    const response = await communeEditor.post(`${url()}/draft-text`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().sections.II).toContain('cấp huyện, thành phố khen 02 tập thể');
  });

  it('takes typed figures and texts, checks them, and refuses a stale version', async () => {
    const bad = await communeEditor.patch(url(), { version, values: { chi_bo: -1, khen: 3, 'khen.huyen.tap_the': 9 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual([
      'body.values.chi_bo',
      'body.values.khen',
      'body.values.khen.huyen.tap_the',
    ]);
    const missing = await communeEditor.post(`${url()}/submit`, { version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.map((d: { message: string }) => d.message)).toEqual([
      'Nhập "Số chi bộ"',
      'Nhập "Tỷ lệ chi bộ đưa chuyên đề vào sinh hoạt"',
    ]);
    const ok = await communeEditor.patch(url(), {
      version,
      values: { chi_bo: 10, ty_le_chuyen_de: 80 },
      sections: { I: 'Đảng ủy đã ban hành kế hoạch.', II: 'Kết quả ban đầu.' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await communeEditor.patch(url(), { version, values: { chi_bo: 11 } })).statusCode).toBe(409);
    version = ok.json().version;
  });

  it('submits with a number in the unit’s series; a submitted report cannot be edited', async () => {
    expect((await provinceManager.post(`${url()}/approve`, { version })).json().code).toBe('INVALID_STATE');
    const response = await communeEditor.post(`${url()}/submit`, { version });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'submitted', revision: 1, docSymbol: '01-BC/ĐU' });
    version = body.version;
    const edit = await communeEditor.patch(url(), { version, values: { chi_bo: 12 } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('INVALID_STATE');
    expect((await communeEditor.post(`${url()}/submit`, { version })).json().code).toBe('INVALID_STATE');
  });

  it('is reviewed only by a manager of the level above', async () => {
    const body = { version, comments: [{ target: 'whole', body: 'Bổ sung số liệu.' }] };
    expect((await communeManager.post(`${url()}/return`, body)).statusCode).toBe(403);
    expect((await provinceViewer.post(`${url()}/return`, body)).statusCode).toBe(403);
    expect((await outsider.post(`${url()}/return`, body)).statusCode).toBe(404);
    expect((await provinceManager.post(`${url()}/return`, { version, comments: [] })).statusCode).toBe(400);
    const unknownSection = await provinceManager.post(`${url()}/return`, {
      version,
      comments: [{ target: 'section', targetKey: 'IX', body: 'Sai phần' }],
    });
    expect(unknownSection.statusCode).toBe(400);
  });

  it('returns with comments on a section and an indicator; the unit is told and resubmits', async () => {
    const response = await provinceManager.post(`${url()}/return`, {
      version,
      comments: [
        { target: 'section', targetKey: 'II', body: 'Phần kết quả cần nêu số mô hình.' },
        { target: 'indicator', targetKey: 'ty_le_chuyen_de', body: 'Tỷ lệ chưa khớp với số chi bộ.' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.status).toBe('returned');
    expect(body.comments.map((c: { target: string; targetKey: string }) => [c.target, c.targetKey])).toEqual([
      ['section', 'II'],
      ['indicator', 'ty_le_chuyen_de'],
    ]);
    version = body.version;
    const bell = (await communeEditor.get('/api/v1/notifications')).json();
    expect(bell.unread).toBeGreaterThanOrEqual(1);
    expect(bell.items[0].title).toContain('trả lại báo cáo');
    expect((await provinceManager.post(`${url()}/approve`, { version })).json().code).toBe('INVALID_STATE');

    const edited = await communeEditor.patch(url(), {
      version,
      values: { ty_le_chuyen_de: 90 },
      sections: { II: 'Kết quả: 02 tập thể được khen cấp huyện.' },
    });
    version = edited.json().version;
    const resubmitted = await communeEditor.post(`${url()}/submit`, { version });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', revision: 2, docSymbol: '01-BC/ĐU' });
    version = resubmitted.json().version;

    const diff = (await provinceViewer.get(`${url()}/diff/1/2`)).json();
    expect(diff.indicators).toEqual([
      { code: 'ty_le_chuyen_de', label: 'Tỷ lệ chi bộ đưa chuyên đề vào sinh hoạt', before: 80, after: 90 },
    ]);
    expect(diff.sections).toEqual([
      {
        key: 'II',
        title: 'Kết quả thực hiện',
        before: 'Kết quả ban đầu.',
        after: 'Kết quả: 02 tập thể được khen cấp huyện.',
      },
    ]);
    expect((await provinceViewer.get(`${url()}/diff/1/7`)).statusCode).toBe(404);
  });

  it('approves and locks; the approver unlocks with a reason; versions and events are kept', async () => {
    const approved = await provinceManager.post(`${url()}/approve`, { version, comment: 'Đạt yêu cầu.' });
    expect(approved.statusCode, approved.body).toBe(200);
    version = approved.json().version;
    expect(approved.json().abilities).toMatchObject({ canEdit: false, canReview: false, canUnlock: true });
    const locked = await communeEditor.patch(url(), { version, values: { chi_bo: 12 } });
    expect(locked.json()).toMatchObject({ code: 'INVALID_STATE' });
    expect(locked.json().message).toContain('đã được duyệt và khóa');
    expect((await communeEditor.post(`${url()}/refresh`, { version })).json().code).toBe('INVALID_STATE');
    expect((await communeManager.post(`${url()}/unlock`, { version, reason: 'Sửa số liệu' })).statusCode).toBe(403);
    expect((await provinceManager.post(`${url()}/unlock`, { version, reason: 'x' })).statusCode).toBe(400);
    expect(
      (await provinceManager.post(`${url()}/unlock`, { version: version - 1, reason: 'Sửa số chi bộ' })).statusCode,
    ).toBe(409);
    const unlocked = await provinceManager.post(`${url()}/unlock`, { version, reason: 'Sửa số chi bộ cho khớp' });
    expect(unlocked.json()).toMatchObject({ status: 'returned' });
    version = unlocked.json().version;
    const resent = await communeEditor.post(`${url()}/submit`, { version });
    version = resent.json().version;
    const again = await provinceManager.post(`${url()}/approve`, { version });
    expect(again.json().status).toBe('approved');
    version = again.json().version;
    const detail = again.json();
    expect(detail.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2, 3]);
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'approve',
      'unlock',
      'submit',
      'approve',
    ]);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'report.submission.create',
        'report.submission.update',
        'report.submission.submit',
        'report.submission.return',
        'report.submission.resubmit',
        'report.submission.approve',
        'report.submission.unlock',
      ]),
    );
  });

  it('stays a snapshot when records change, and shows what moved', async () => {
    await commend('2026-11-20', tree.cellB);
    const detail = (await provinceViewer.get(url())).json();
    expect(detail.indicators.find((i: { code: string }) => i.code === 'khen.huyen.tap_the').value).toBe(2);
    const compare = (await provinceViewer.get(`${url()}/compare`)).json();
    expect(compare.items).toEqual([
      { code: 'khen.huyen.tap_the', label: 'Tập thể được khen cấp huyện', stored: 2, today: 3, delta: 1 },
    ]);
  });

  it('prints the submission as a Party document and its data appendix', async () => {
    const docx = await communeEditor.get(`${url()}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const doc = await readDocx(docx.rawPayload);
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        'ĐẢNG BỘ TỈNH THỬ NGHIỆM',
        'ĐẢNG ỦY XÃ HÒA BÌNH',
        'Số 01-BC/ĐU',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'BÁO CÁO',
        'kết quả thực hiện Chỉ thị số 05-CT/TW quý',
        'II. KẾT QUẢ THỰC HIỆN',
        'Kết quả: 02 tập thể được khen cấp huyện.',
        'PHỤ LỤC SỐ LIỆU',
        'T/M ĐẢNG ỦY',
      ]),
    );
    expect(doc.paragraphs.find((p) => p.startsWith('Hòa Bình, ngày '))).toBeDefined();
    const xlsx = await communeEditor.get(`${url()}/xlsx`);
    const sheet = (await loadWorkbook(xlsx.rawPayload)).getWorksheet('Phụ lục số liệu')!;
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Mã chỉ tiêu',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Nguồn',
      'Số liệu',
    ]);
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      1,
      'khen.huyen.tap_the',
      'Tập thể được khen cấp huyện',
      'tập thể',
      'Từ dữ liệu',
      2,
    ]);
    expect(sheet.getRow(6).getCell(6).value).toBe(10);
    expect(sheet.getRow(7).getCell(6).value).toBe(90);
    expect((await outsider.get(`${url()}/docx`)).statusCode).toBe(404);
  });
});

describe('the level above', () => {
  const query = (period: string) => `template=${templateId}&period=${period}&unit=${tree.province.id}`;

  it('sees completeness with the late units and the aggregate of approved reports beside its own figures', async () => {
    // Commune B sends its report for the second quarter months after the deadline; commune A never does.
    const late = await communeBEditor.post('/api/v1/reports/submissions', {
      templateId,
      unitId: communeB.id,
      periodKey: '2026-Q2',
    });
    const lateBody = late.json();
    const typed = await communeBEditor.patch(`/api/v1/reports/submissions/${lateBody.id}`, {
      version: lateBody.version,
      values: { chi_bo: 5, ty_le_chuyen_de: 50 },
    });
    await communeBEditor.post(`/api/v1/reports/submissions/${lateBody.id}/submit`, { version: typed.json().version });

    const q2 = (await provinceViewer.get(`/api/v1/reports/review?${query('2026-Q2')}`)).json();
    expect(q2.dueOn).toBe('2026-07-10');
    expect(q2.completeness).toMatchObject({ expected: 2, submitted: 1, approved: 0, onTime: 0, late: 2, pending: 0 });
    const byName = Object.fromEntries(q2.units.map((u: { unit: { name: string } }) => [u.unit.name, u]));
    expect(byName['Đảng ủy xã Hòa Bình']).toMatchObject({ status: 'missing', isLate: true });
    expect(byName['Đảng ủy xã Tân Tiến']).toMatchObject({ status: 'submitted', isLate: true });
    expect(byName['Đảng ủy xã Tân Tiến'].daysLate).toBeGreaterThan(100);

    const q4 = (await provinceViewer.get(`/api/v1/reports/review?${query('2026-Q4')}`)).json();
    expect(q4.completeness).toMatchObject({ expected: 2, submitted: 1, approved: 1, onTime: 1, late: 0, pending: 1 });
    const aggregate = Object.fromEntries(q4.aggregate.map((i: { code: string }) => [i.code, i]));
    expect(aggregate['khen.huyen.tap_the']).toMatchObject({ approvedValue: 2, approvedCount: 1, ownValue: 3 });
    expect(aggregate.chi_bo).toMatchObject({ approvedValue: 10, ownValue: null });
    expect(aggregate.ty_le_chuyen_de.approvedValue).toBe(90);
    expect(aggregate.ghi_chu.approvedValue).toBeNull();
    expect((await outsider.get(`/api/v1/reports/review?${query('2026-Q4')}`)).statusCode).toBe(404);
    expect((await provinceViewer.get(`/api/v1/reports/review?${query('2026-X')}`)).statusCode).toBe(400);
  });

  it('weights the average by the weight indicator across approved reports', async () => {
    const list = (
      await provinceManager.get(`/api/v1/reports/submissions?template=${templateId}&period=2026-Q2`)
    ).json();
    const b = list.items[0];
    await provinceManager.post(`/api/v1/reports/submissions/${b.id}/approve`, { version: b.version });
    const q2 = (await provinceViewer.get(`/api/v1/reports/review?${query('2026-Q2')}`)).json();
    expect(q2.aggregate.find((i: { code: string }) => i.code === 'ty_le_chuyen_de').approvedValue).toBe(50);
    // Q4 and Q2 approved: (10 × 90) over 10 chi bộ in Q4 only; a roll-up never mixes periods.
    expect(q2.aggregate.find((i: { code: string }) => i.code === 'chi_bo').approvedValue).toBe(5);
  });

  it('reminds the late units in the app (a manager of the reviewer only)', async () => {
    expect(
      (
        await provinceViewer.post('/api/v1/reports/review/remind', {
          template: templateId,
          period: '2026-Q2',
          unit: tree.province.id,
        })
      ).statusCode,
    ).toBe(403);
    const response = await provinceManager.post('/api/v1/reports/review/remind', {
      template: templateId,
      period: '2026-Q2',
      unit: tree.province.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ units: 1, notified: 2 });
    const bell = (await communeEditor.get('/api/v1/notifications')).json();
    const reminder = bell.items.find((n: { kind: string }) => n.kind === 'report.reminder');
    expect(reminder.body).toContain('hạn nộp 10/07/2026');
    expect(
      (await communeBEditor.get('/api/v1/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'report.reminder'),
    ).toBe(false);
    const read = await communeEditor.post(`/api/v1/notifications/${reminder.id}/read`);
    expect(read.json().items.find((n: { id: string }) => n.id === reminder.id).isRead).toBe(true);
    expect((await communeBEditor.post(`/api/v1/notifications/${reminder.id}/read`)).statusCode).toBe(404);
    expect((await communeEditor.post('/api/v1/notifications/read-all')).json().unread).toBe(0);
  });

  it('prints the aggregate DOCX and the appendix with a column per unit', async () => {
    const docx = await provinceManager.get(`/api/v1/reports/review/docx?${query('2026-Q2')}`);
    expect(docx.statusCode).toBe(200);
    const doc = await readDocx(docx.rawPayload);
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining(['ĐẢNG BỘ TỈNH THỬ NGHIỆM', 'TỈNH ỦY', 'Số      -BC/TU', 'TÌNH HÌNH NỘP BÁO CÁO']),
    );
    expect(doc.paragraphs.join('\n')).toContain('Đơn vị chậm: Đảng ủy xã Hòa Bình, Đảng ủy xã Tân Tiến.');
    const xlsx = await provinceManager.get(`/api/v1/reports/review/xlsx?${query('2026-Q4')}`);
    const book = await loadWorkbook(xlsx.rawPayload);
    const sheet = book.getWorksheet('Phụ lục số liệu')!;
    const header = sheet.getRow(4).values as unknown[];
    expect(header.slice(6)).toEqual([
      'Đảng ủy xã Hòa Bình',
      'Đảng ủy xã Tân Tiến',
      'Tổng hợp (đã duyệt)',
      'Theo dữ liệu của Tỉnh ủy Thử Nghiệm',
    ]);
    expect((sheet.getRow(5).values as unknown[]).slice(6)).toEqual([2, undefined, 2, 3]);
    const status = book.getWorksheet('Tình hình nộp')!;
    expect(status.getRow(2).getCell(3).value).toBe('Đã duyệt');
    expect(status.getRow(3).getCell(3).value).toBe('Chưa gửi');
  });
});
