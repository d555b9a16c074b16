import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { createTree, signedIn } from '../../test/factories';
import { multipartForm } from '../../test/multipart';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let centralAdmin: Client;
let provinceManager: Client;
let provinceEditor: Client;
let provinceViewer: Client;
let communeEditor: Client;
let otherEditor: Client;
let national: string;
let plan: string;
let theme: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

function upload(
  as: Client,
  fields: Record<string, string>,
  file?: { fileName: string; data: Buffer | string },
  options: { isFileFirst?: boolean } = {},
) {
  return as.request({ method: 'POST', url: '/api/v1/documents', ...multipartForm(fields, file, options) });
}

async function uploaded(as: Client, entityType: string, entityId: string, fileName: string, data: Buffer) {
  const response = await upload(as, { entityType, entityId }, { fileName, data });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; fileName: string; mimeType: string; sizeBytes: number };
}

/** Every stored file under the test's data folder. */
function filesOnDisk(): string[] {
  const root = path.join(t.ctx.config.dataDir, 'files');
  if (!fs.existsSync(root)) {
    return [];
  }
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((e) => e.name);
}

const paths = (response: { json(): { details: { path: string }[] } }) =>
  response
    .json()
    .details.map((d) => d.path)
    .sort();

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  centralAdmin = await signedIn(t.app, db, tree.central, 'admin');
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  otherEditor = await signedIn(t.app, db, tree.otherProvince, 'editor');
  const campaign = (as: Client, code: string, scopeUnitId: string) =>
    as.post('/api/v1/campaigns', {
      code,
      kind: 'directive',
      title: `Văn bản ${code} để đính kèm tài liệu`,
      issuingBody: 'Bộ Chính trị',
      issuedOn: '2016-05-15',
      scopeUnitId,
    });
  national = (await campaign(centralAdmin, '05-CT/TW', tree.central.id)).json().id;
  plan = (await campaign(provinceManager, '07-KH/TU', tree.province.id)).json().id;
  theme = (
    await provinceManager.post('/api/v1/study-themes', {
      campaignId: plan,
      code: '07-KH/TU-2017',
      title: 'Chuyên đề năm 2017 của tỉnh',
      periodStart: '2017-01-01',
      periodEnd: '2017-12-31',
      scopeUnitId: tree.province.id,
    })
  ).json().id;
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/v1/documents', () => {
  it('attaches a PDF to a plan for an editor of its unit, audited, the fields in any order', async () => {
    const response = await upload(
      provinceEditor,
      { entityType: 'campaign', entityId: plan, title: 'Toàn văn kế hoạch' },
      { fileName: 'Kế hoạch 07-KH TU.pdf', data: PDF },
      { isFileFirst: true },
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      entityType: 'campaign',
      entityId: plan,
      fileName: 'Kế hoạch 07-KH TU.pdf',
      title: 'Toàn văn kế hoạch',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      createdBy: { fullName: expect.any(String) },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'unit_id', 'after'])
      .where('entity_id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'document.upload',
      unit_id: tree.province.id,
      after: expect.objectContaining({ fileName: 'Kế hoạch 07-KH TU.pdf', entityId: plan }),
    });
  });

  it('stores the same content once however often it is attached', async () => {
    const content = Buffer.concat([PDF, Buffer.from(`% lần ${Date.now()}\n`)]);
    const before = filesOnDisk().length;
    const first = await uploaded(provinceEditor, 'campaign', plan, 'a.pdf', content);
    const second = await uploaded(provinceEditor, 'study_theme', theme, 'b.pdf', content);
    expect(first.id).not.toBe(second.id);
    expect(filesOnDisk().length).toBe(before + 1);
    const stored = await t.database.db.selectFrom('stored_file').selectAll().execute();
    expect(new Set(stored.map((s) => s.sha256)).size).toBe(stored.length);
    const list = await provinceViewer.get(`/api/v1/documents?entityType=study_theme&entityId=${theme}`);
    expect(list.json().items.map((d: { fileName: string }) => d.fileName)).toEqual(['b.pdf']);
  });

  it('accepts Word, Excel and images checked by content', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Báo cáo sơ kết')] }] }));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Số liệu').addRow(['Đơn vị', 'Tập thể']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await uploaded(provinceEditor, 'campaign', plan, 'báo cáo.docx', docx)).mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect((await uploaded(provinceEditor, 'campaign', plan, 'so-lieu.XLSX', xlsx)).mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await uploaded(provinceEditor, 'campaign', plan, 'ảnh.png', PNG)).mimeType).toBe('image/png');
  });

  it('refuses a fake PDF, a renamed image, an empty or oversized file and a missing file, writing nothing', async () => {
    const before = filesOnDisk().length;
    const fields = { entityType: 'campaign', entityId: plan };
    const fake = await upload(provinceEditor, fields, { fileName: 'quyet-dinh.pdf', data: 'Đây không phải PDF' });
    expect(fake.statusCode).toBe(400);
    expect(fake.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.file' }] });
    expect(fake.json().message).toContain('không phải PDF, Word');
    const renamed = await upload(provinceEditor, fields, { fileName: 'anh.pdf', data: PNG });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().message).toContain('không khớp');
    const empty = await upload(provinceEditor, fields, { fileName: 'rong.pdf', data: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await upload(provinceEditor, fields, { fileName: 'lon.pdf', data: big });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().message).toContain('20 MB');
    const missing = await upload(provinceEditor, fields);
    expect(missing.statusCode).toBe(400);
    expect(paths(missing)).toEqual(['body.file']);
    const json = await provinceEditor.post('/api/v1/documents', fields);
    expect(json.statusCode).toBe(400);
    expect(filesOnDisk().length).toBe(before);
  });

  it('answers 400 for an unknown record type or bad id, naming the fields', async () => {
    const bad = await upload(
      provinceEditor,
      { entityType: 'Campaign!', entityId: 'x' },
      { fileName: 'a.pdf', data: PDF },
    );
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.entityId', 'body.entityType']);
    const unknown = await upload(
      provinceEditor,
      { entityType: 'meeting_minutes', entityId: plan },
      { fileName: 'a.pdf', data: PDF },
    );
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['body.entityType']);
  });

  it('answers 403 to a viewer and to a commune editor on the national directive, 404 out of reach, 401 anonymous', async () => {
    const file = { fileName: 'a.pdf', data: PDF };
    expect((await upload(provinceViewer, { entityType: 'campaign', entityId: plan }, file)).statusCode).toBe(403);
    expect((await upload(communeEditor, { entityType: 'campaign', entityId: national }, file)).statusCode).toBe(403);
    expect((await upload(otherEditor, { entityType: 'campaign', entityId: plan }, file)).statusCode).toBe(404);
    const gone = { entityType: 'campaign', entityId: '00000000-0000-4000-8000-000000000000' };
    expect((await upload(centralAdmin, gone, file)).statusCode).toBe(404);
    expect((await upload(client(t.app), { entityType: 'campaign', entityId: plan }, file)).statusCode).toBe(401);
  });
});

describe('GET /api/v1/documents and download', () => {
  it('lets a commune user read and download the national directive’s text, with its Vietnamese name', async () => {
    const doc = await uploaded(centralAdmin, 'campaign', national, 'Chỉ thị 05-CT-TW (toàn văn).pdf', PDF);
    const list = await communeEditor.get(`/api/v1/documents?entityType=campaign&entityId=${national}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ items: [{ id: doc.id }], abilities: { canEdit: false } });
    const download = await communeEditor.get(`/api/v1/documents/${doc.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Chi-thi-05-CT-TW-toan-van.pdf"; ` +
        `filename*=UTF-8''Ch%E1%BB%89%20th%E1%BB%8B%2005-CT-TW%20%28to%C3%A0n%20v%C4%83n%29.pdf`,
    );
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const inline = await communeEditor.get(`/api/v1/documents/${doc.id}/download?disposition=inline`);
    expect(inline.headers['content-disposition']).toMatch(/^inline; /);
  });

  it('hides a provincial plan’s documents from another province: 404 for the list and the download', async () => {
    const doc = await uploaded(provinceEditor, 'campaign', plan, 'mat.pdf', PDF);
    expect((await otherEditor.get(`/api/v1/documents?entityType=campaign&entityId=${plan}`)).statusCode).toBe(404);
    expect((await otherEditor.get(`/api/v1/documents/${doc.id}/download`)).statusCode).toBe(404);
    const own = await provinceViewer.get(`/api/v1/documents?entityType=campaign&entityId=${plan}`);
    expect(own.json().abilities).toEqual({ canEdit: false });
    expect((await provinceViewer.get(`/api/v1/documents/${doc.id}/download`)).statusCode).toBe(200);
  });

  it('answers 400 on bad query or id, 401 anonymous', async () => {
    const bad = await provinceViewer.get('/api/v1/documents?entityType=&entityId=1');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['query.entityId', 'query.entityType']);
    expect((await provinceViewer.get('/api/v1/documents/abc/download')).statusCode).toBe(400);
    expect((await client(t.app).get(`/api/v1/documents?entityType=campaign&entityId=${plan}`)).statusCode).toBe(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await provinceViewer.get(`/api/v1/documents/${unknown}/download`)).statusCode).toBe(404);
  });
});

describe('DELETE /api/v1/documents/:id', () => {
  it('lets an editor remove a document, audited; viewers 403, other provinces 404, anonymous 401', async () => {
    const doc = await uploaded(provinceEditor, 'campaign', plan, 'xoa.pdf', PDF);
    expect((await provinceViewer.delete(`/api/v1/documents/${doc.id}`)).statusCode).toBe(403);
    expect((await otherEditor.delete(`/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await client(t.app).delete(`/api/v1/documents/${doc.id}`)).statusCode).toBe(401);
    expect((await provinceEditor.delete(`/api/v1/documents/${doc.id}`)).statusCode).toBe(204);
    expect((await provinceEditor.get(`/api/v1/documents/${doc.id}/download`)).statusCode).toBe(404);
    expect((await provinceEditor.delete(`/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('entity_id', '=', doc.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['document.upload', 'document.delete']);
    expect(audit[1].before).toMatchObject({ fileName: 'xoa.pdf', entityId: plan });
    const nationalDoc = await uploaded(centralAdmin, 'campaign', national, 'tw.pdf', PDF);
    expect((await communeEditor.delete(`/api/v1/documents/${nationalDoc.id}`)).statusCode).toBe(403);
  });

  it('follows the record when a campaign moves to another unit', async () => {
    const created = await provinceManager.post('/api/v1/campaigns', {
      code: '15-KH/TU',
      kind: 'plan',
      title: 'Kế hoạch sẽ chuyển xuống xã',
      issuingBody: 'Tỉnh ủy',
      issuedOn: '2018-01-01',
      scopeUnitId: tree.province.id,
    });
    const doc = await uploaded(provinceEditor, 'campaign', created.json().id, 'chuyen.pdf', PDF);
    const moved = await provinceManager.patch(`/api/v1/campaigns/${created.json().id}`, {
      scopeUnitId: tree.commune.id,
      version: 1,
    });
    expect(moved.statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('document')
      .select('unit_id')
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(tree.commune.id);
  });
});
