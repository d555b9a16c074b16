import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, signedIn } from '../../test/factories';
import { createTestContext, type Client, type TestContext } from '../../test/harness';
import { multipartForm } from '../../test/multipart';
import { fieldId, modelBody } from '../models/models.fixtures';

// Documents attached to a commendation decision and to a model follow the record's own visibility: whoever reads
// the record downloads them, another province gets 404, and a recognised model's photos reach the recognising
// committee's subtree along with the model.

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceManager: Client;
let provinceEditor: Client;
let provinceViewer: Client;
let communeEditor: Client;
let cellBViewer: Client;
let otherEditor: Client;
let economy: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  provinceEditor = await signedIn(t.app, db, tree.province, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  cellBViewer = await signedIn(t.app, db, tree.cellB, 'viewer');
  otherEditor = await signedIn(t.app, db, tree.otherProvince, 'editor');
  economy = await fieldId(db, 'economy');
});

afterAll(async () => {
  await t?.close();
});

async function attach(as: Client, entityType: string, entityId: string, fileName: string, data: Buffer) {
  const response = await as.request({
    method: 'POST',
    url: '/api/v1/documents',
    ...multipartForm({ entityType, entityId }, { fileName, data }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

const list = (as: Client, entityType: string, entityId: string) =>
  as.get(`/api/v1/documents?entityType=${entityType}&entityId=${entityId}`);
const download = (as: Client, id: string) => as.get(`/api/v1/documents/${id}/download`);

describe('documents of a commendation decision', () => {
  it('are read by whoever reads the decision, 404 for another province and below its owner', async () => {
    const created = await provinceEditor.post('/api/v1/commendations', {
      number: '77-QĐ/TU',
      decisionDate: '2019-08-20',
      system: 'party',
      issuerName: 'Tỉnh ủy Thử Nghiệm',
      issuerUnitId: tree.province.id,
      level: 'province',
      form: 'BANG_KHEN',
      type: 'thematic',
      recipients: [{ recipientType: 'collective', name: 'Chi bộ ấp 1', unitId: tree.cellA.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const decisionId = created.json().id as string;
    const doc = await attach(provinceEditor, 'commendation_decision', decisionId, 'Quyết định 77-QĐ-TU.pdf', PDF);

    const seen = await list(provinceViewer, 'commendation_decision', decisionId);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      items: [{ id: doc.id, mimeType: 'application/pdf' }],
      abilities: { canEdit: false },
    });
    const file = await download(provinceViewer, doc.id);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);

    // The decision belongs to the province: a commune below it does not read it, nor does another province.
    for (const outsider of [otherEditor, communeEditor]) {
      expect((await list(outsider, 'commendation_decision', decisionId)).statusCode).toBe(404);
      expect((await download(outsider, doc.id)).statusCode).toBe(404);
    }
    const viewerUpload = await provinceViewer.request({
      method: 'POST',
      url: '/api/v1/documents',
      ...multipartForm({ entityType: 'commendation_decision', entityId: decisionId }, { fileName: 'x.pdf', data: PDF }),
    });
    expect(viewerUpload.statusCode).toBe(403);
  });
});

describe('photos of a model', () => {
  it('reach the recognising committee’s subtree once the model is recognised; never another province', async () => {
    const model = await communeEditor.post(
      '/api/v1/models',
      modelBody(tree.cellA, economy, { startedOn: '2017-02-01' }),
    );
    expect(model.statusCode, model.body).toBe(201);
    const { id, version } = model.json() as { id: string; version: number };
    const photo = await attach(communeEditor, 'model', id, 'Ảnh mô hình.png', PNG);

    expect((await download(communeEditor, photo.id)).statusCode).toBe(200);
    // A neighbouring cell does not read a proposed model of cell A, nor its photos.
    expect((await list(cellBViewer, 'model', id)).statusCode).toBe(404);
    expect((await download(cellBViewer, photo.id)).statusCode).toBe(404);

    const recognise = await provinceManager.post(`/api/v1/models/${id}/recognise`, {
      level: 'province',
      recognisedOn: '2018-05-19',
      version,
    });
    expect(recognise.statusCode, recognise.body).toBe(200);

    const seen = await list(cellBViewer, 'model', id);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      items: [{ id: photo.id, mimeType: 'image/png' }],
      abilities: { canEdit: false },
    });
    const file = await download(cellBViewer, photo.id);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await download(provinceViewer, photo.id)).statusCode).toBe(200);
    expect((await list(otherEditor, 'model', id)).statusCode).toBe(404);
    expect((await download(otherEditor, photo.id)).statusCode).toBe(404);
  });
});
