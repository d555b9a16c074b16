import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../common/dates';
import { DEFAULT_SECTIONS } from '../../../common/reports';
import { createTree, signedIn } from '../../test/factories';
import { readDocx } from '../../test/docx';
import { createTestContext, type Client, type TestContext } from '../../test/harness';
import { placeAndDate } from './drafting';

// The level above's combined report takes a number of its own series, once, and prints it with its date.

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceEditor: Client;
let provinceViewer: Client;
let communeManager: Client;
let outsider: Client;
let templateId: string;

const query = (period: string, unit = tree.province.id) => ({ template: templateId, period, unit });
const qs = (period: string) => new URLSearchParams(query(period)).toString();

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  const provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeManager = await signedIn(t.app, db, tree.commune, 'manager');
  outsider = await signedIn(t.app, db, tree.otherProvince, 'manager');
  const created = await provinceManager.post('/api/v1/reports/templates', {
    code: `BC-${crypto.randomBytes(3).toString('hex')}`,
    name: 'Báo cáo quý thực hiện Chỉ thị 05',
    ownerUnitId: tree.province.id,
    periodType: 'quarter',
    deadlineDays: 10,
    subject: 'kết quả thực hiện Chỉ thị số 05-CT/TW quý',
    sections: DEFAULT_SECTIONS,
    indicators: [{ code: 'chi_bo', label: 'Số chi bộ', valueType: 'integer', source: 'manual', rollUp: 'sum' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  templateId = created.json().id;
  const obligation = await provinceManager.post(`/api/v1/reports/templates/${templateId}/obligations`, {
    reviewerUnitId: tree.province.id,
    unitKind: 'commune',
  });
  expect(obligation.statusCode, obligation.body).toBe(201);
});

afterAll(async () => {
  await t?.close();
});

describe('numbering the aggregate', () => {
  it('prints a blank number until one is issued', async () => {
    const review = (await provinceEditor.get(`/api/v1/reports/review?${qs('2026-Q3')}`)).json();
    expect(review.document).toBeNull();
    expect(review.abilities).toEqual({ canReview: false, canIssueNumber: true });
    expect((await provinceViewer.get(`/api/v1/reports/review?${qs('2026-Q3')}`)).json().abilities).toEqual({
      canReview: false,
      canIssueNumber: false,
    });
    const doc = await readDocx((await provinceEditor.get(`/api/v1/reports/review/docx?${qs('2026-Q3')}`)).rawPayload);
    expect(doc.paragraphs).toContain('Số      -BC/TU');
  });

  it('refuses a viewer (403), a unit out of reach (404), a unit that reviews nothing and a bad number (400)', async () => {
    const url = '/api/v1/reports/review/number';
    expect((await provinceViewer.post(url, query('2026-Q3'))).statusCode).toBe(403);
    expect((await outsider.post(url, query('2026-Q3'))).statusCode).toBe(404);
    expect((await communeManager.post(url, query('2026-Q3'))).statusCode).toBe(404);
    const notReviewer = await communeManager.post(url, query('2026-Q3', tree.commune.id));
    expect(notReviewer.statusCode).toBe(400);
    expect(notReviewer.json().message).toBe(
      'Đảng ủy xã Hòa Bình không nhận báo cáo theo mẫu "Báo cáo quý thực hiện Chỉ thị 05".',
    );
    const zero = await provinceEditor.post(url, { ...query('2026-Q3'), number: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().details[0].message).toBe('Số văn bản là số nguyên dương');
    const period = await provinceEditor.post(url, query('2026-Q5'));
    expect(period.statusCode).toBe(400);
    const issued = await t.database.db
      .selectFrom('issued_document')
      .select('id')
      .where('issuer_unit_id', '=', tree.province.id)
      .execute();
    expect(issued).toEqual([]);
  });

  it('takes the next number of the province’s reports, once, and prints it with the date it was issued', async () => {
    const url = '/api/v1/reports/review/number';
    const first = await provinceEditor.post(url, query('2026-Q3'));
    expect(first.statusCode, first.body).toBe(201);
    const today = todayIso();
    expect(first.json()).toEqual({ number: 1, symbol: '01-BC/TU', issuedOn: today });
    const again = await provinceEditor.post(url, query('2026-Q3'));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(
      /^Báo cáo tổng hợp Quý III\/2026 của Tỉnh ủy Thử Nghiệm đã có số 01-BC\/TU ngày /,
    );
    // The office gave the second quarter's aggregate number 07 on paper; the series goes on after it.
    expect((await provinceEditor.post(url, { ...query('2026-Q2'), number: 7 })).json().symbol).toBe('07-BC/TU');
    expect((await provinceEditor.post(url, { ...query('2026-Q4'), number: 7 })).statusCode).toBe(409);
    expect((await provinceEditor.post(url, query('2026-Q4'))).json().symbol).toBe('08-BC/TU');

    const review = (await provinceEditor.get(`/api/v1/reports/review?${qs('2026-Q3')}`)).json();
    expect(review.document).toEqual({ symbol: '01-BC/TU', issuedOn: today });
    expect(review.abilities.canIssueNumber).toBe(false);
    const docx = await provinceViewer.get(`/api/v1/reports/review/docx?${qs('2026-Q3')}`);
    expect(docx.statusCode).toBe(200);
    const doc = await readDocx(docx.rawPayload);
    expect(doc.paragraphs).toContain('Số 01-BC/TU');
    expect(doc.paragraphs.some((p) => p.endsWith(placeAndDate('', today).slice(2)))).toBe(true);
    expect(doc.paragraphs).toContain('TÌNH HÌNH NỘP BÁO CÁO');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'report.aggregate.issue')
      .where('unit_id', '=', tree.province.id)
      .execute();
    expect(audit.map((a) => a.summary)).toContain(
      'Cấp số 01-BC/TU cho báo cáo tổng hợp "Báo cáo quý thực hiện Chỉ thị 05" Quý III/2026 (Tỉnh ủy Thử Nghiệm)',
    );
  });
});
