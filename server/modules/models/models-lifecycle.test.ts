import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, createUnit, signedIn } from '../../test/factories';
import { client, createTestContext, type Client, type TestContext } from '../../test/harness';
import { createDecision, fieldId, modelBody } from './models.fixtures';

let t: TestContext;
let tree: Awaited<ReturnType<typeof createTree>>;
let provinceManager: Client;
let communeManager: Client;
let communeEditor: Client;
let cellBEditor: Client;
let provinceViewer: Client;
let otherManager: Client;
let economy: string;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  tree = await createTree(db);
  provinceManager = await signedIn(t.app, db, tree.province, 'manager');
  communeManager = await signedIn(t.app, db, tree.commune, 'manager');
  communeEditor = await signedIn(t.app, db, tree.commune, 'editor');
  cellBEditor = await signedIn(t.app, db, tree.cellB, 'editor');
  provinceViewer = await signedIn(t.app, db, tree.province, 'viewer');
  otherManager = await signedIn(t.app, db, tree.otherProvince, 'manager');
  economy = await fieldId(db, 'economy');
});

afterAll(async () => {
  await t?.close();
});

const paths = (response: { json(): { details: { path: string }[] } }) =>
  response
    .json()
    .details.map((d) => d.path)
    .sort();

async function proposed(unit = tree.cellA) {
  const response = await communeEditor.post('/api/v1/models', modelBody(unit, economy, { startedOn: '2017-02-01' }));
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; version: number };
}

async function recognised(unit = tree.cellA) {
  const model = await proposed(unit);
  const response = await provinceManager.post(`/api/v1/models/${model.id}/recognise`, {
    level: 'province',
    recognisedOn: '2018-05-19',
    version: model.version,
  });
  expect(response.statusCode).toBe(200);
  return response.json() as { id: string; version: number };
}

describe('the life of a model', () => {
  it('goes proposed → recognised → replicated → archived, each step on the timeline and in the audit log', async () => {
    const decision = await createDecision(t.database.db, tree.province);
    const model = await proposed();
    const recognise = await provinceManager.post(`/api/v1/models/${model.id}/recognise`, {
      level: 'province',
      recognisedOn: '2018-05-19',
      decisionId: decision.id,
      version: 1,
    });
    expect(recognise.statusCode).toBe(200);
    expect(recognise.json()).toMatchObject({
      status: 'recognised',
      recognisedLevel: 'province',
      recognisedOn: '2018-05-19',
      recognisedBy: { id: tree.province.id },
      recognisedDecisionId: decision.id,
      recognisedDecision: { id: decision.id, number: decision.number, decisionDate: '2019-06-01' },
      abilities: { canRecognise: false, canReplicate: true, canArchive: true },
    });

    const replicate = await cellBEditor.post(`/api/v1/models/${model.id}/replications`, {
      unitId: tree.cellB.id,
      startedOn: '2019-01-10',
      note: 'Áp dụng ở ấp 2',
    });
    expect(replicate.statusCode).toBe(201);
    expect(replicate.json()).toMatchObject({
      status: 'replicated',
      replicationCount: 1,
      replications: [{ unit: { id: tree.cellB.id }, startedOn: '2019-01-10', note: 'Áp dụng ở ấp 2', canRemove: true }],
    });
    const second = await communeEditor.post(`/api/v1/models/${model.id}/replications`, {
      unitId: tree.commune.id,
      startedOn: '2019-03-01',
    });
    expect(second.json().replicationCount).toBe(2);

    const archive = await provinceManager.post(`/api/v1/models/${model.id}/archive`, {
      reason: 'Mô hình đã kết thúc, tổng kết năm 2024',
      archivedOn: '2024-12-31',
      version: second.json().version,
    });
    expect(archive.statusCode).toBe(200);
    expect(archive.json()).toMatchObject({
      status: 'archived',
      abilities: { canEdit: false, canRecognise: false, canReplicate: false, canArchive: false },
    });
    expect(
      archive
        .json()
        .timeline.map((e: { fromStatus: string | null; toStatus: string; effectiveOn: string }) => [
          e.fromStatus,
          e.toStatus,
          e.effectiveOn,
        ]),
    ).toEqual([
      [null, 'proposed', expect.any(String)],
      ['proposed', 'recognised', '2018-05-19'],
      ['recognised', 'replicated', '2019-01-10'],
      ['replicated', 'archived', '2024-12-31'],
    ]);
    expect(archive.json().timeline.at(-1).note).toBe('Mô hình đã kết thúc, tổng kết năm 2024');
    expect(archive.json().timeline[1].decisionId).toBe(decision.id);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', model.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'model.create',
      'model.recognise',
      'model.replicate',
      'model.replicate',
      'model.archive',
    ]);
  });

  it('refuses steps out of order with 409 INVALID_STATE in Vietnamese', async () => {
    const model = await proposed();
    const early = await communeEditor.post(`/api/v1/models/${model.id}/replications`, {
      unitId: tree.cellB.id,
      startedOn: '2019-01-10',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('chưa được công nhận'),
    });

    const done = await recognised();
    const again = await provinceManager.post(`/api/v1/models/${done.id}/recognise`, {
      level: 'province',
      recognisedOn: '2018-06-01',
      version: done.version,
    });
    expect(again.json()).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('19/05/2018') });

    const archived = await provinceManager.post(`/api/v1/models/${done.id}/archive`, {
      reason: 'Không còn duy trì',
      version: done.version,
    });
    expect(archived.statusCode).toBe(200);
    for (const response of [
      await provinceManager.post(`/api/v1/models/${done.id}/archive`, { reason: 'Lần hai', version: 3 }),
      await provinceManager.post(`/api/v1/models/${done.id}/recognise`, {
        level: 'province',
        recognisedOn: '2018-06-01',
        version: 3,
      }),
      await communeEditor.post(`/api/v1/models/${done.id}/replications`, {
        unitId: tree.cellB.id,
        startedOn: '2019-01-10',
      }),
      await communeEditor.patch(`/api/v1/models/${done.id}`, { title: 'Sửa sau lưu trữ', version: 3 }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('INVALID_STATE');
    }
  });

  it('archives from proposed too, and a stale version of a step answers 409 CONFLICT', async () => {
    const model = await proposed();
    await communeEditor.patch(`/api/v1/models/${model.id}`, { title: 'Chi bộ 4 tốt', version: 1 });
    const stale = await provinceManager.post(`/api/v1/models/${model.id}/archive`, { reason: 'Trùng lặp', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    const ok = await provinceManager.post(`/api/v1/models/${model.id}/archive`, { reason: 'Trùng lặp', version: 2 });
    expect(ok.json().timeline.at(-1)).toMatchObject({ fromStatus: 'proposed', toStatus: 'archived' });
  });

  it('removes a replicating unit; without any left the model is recognised again', async () => {
    const model = await recognised();
    const added = (
      await cellBEditor.post(`/api/v1/models/${model.id}/replications`, {
        unitId: tree.cellB.id,
        startedOn: '2019-02-01',
      })
    ).json();
    const rid = added.replications[0].id;
    expect((await provinceViewer.delete(`/api/v1/models/${model.id}/replications/${rid}`)).statusCode).toBe(403);
    expect((await otherManager.delete(`/api/v1/models/${model.id}/replications/${rid}`)).statusCode).toBe(404);
    expect((await client(t.app).delete(`/api/v1/models/${model.id}/replications/${rid}`)).statusCode).toBe(401);
    expect(paths(await cellBEditor.delete(`/api/v1/models/${model.id}/replications/nope`))).toEqual(['params.rid']);
    const removed = await cellBEditor.delete(`/api/v1/models/${model.id}/replications/${rid}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ status: 'recognised', replications: [] });
    expect(removed.json().timeline.at(-1)).toMatchObject({ fromStatus: 'replicated', toStatus: 'recognised' });
    const gone = await cellBEditor.delete(`/api/v1/models/${model.id}/replications/${rid}`);
    expect(gone.statusCode).toBe(404);
  });
});

describe('who reads a model', () => {
  it('its unit’s subtree; once recognised, the recognising committee’s subtree; the units that took it up', async () => {
    const model = await proposed();
    expect((await cellBEditor.get(`/api/v1/models/${model.id}`)).statusCode).toBe(404);
    const listed = async (who: Client) =>
      (await who.get('/api/v1/models?pageSize=200')).json().items.map((m: { id: string }) => m.id);
    expect(await listed(cellBEditor)).not.toContain(model.id);

    await communeManager.post(`/api/v1/models/${model.id}/recognise`, {
      level: 'commune',
      recognisedOn: '2018-01-01',
      version: 1,
    });
    const seen = await cellBEditor.get(`/api/v1/models/${model.id}`);
    expect(seen.json()).toMatchObject({
      recognisedBy: { id: tree.commune.id },
      abilities: { canEdit: false, canReplicate: true, canArchive: false },
    });
    expect(await listed(cellBEditor)).toContain(model.id);
    expect((await otherManager.get(`/api/v1/models/${model.id}`)).statusCode).toBe(404);

    const otherCell = await createUnit(t.database.db, { kind: 'cell', parent: tree.otherCommune });
    const otherCellEditor = await signedIn(t.app, t.database.db, otherCell, 'editor');
    await provinceManager.post(`/api/v1/models/${model.id}/archive`, { reason: 'Hết hiệu quả', version: 2 });
    expect((await cellBEditor.get(`/api/v1/models/${model.id}`)).statusCode).toBe(404);
    expect((await otherCellEditor.get(`/api/v1/models/${model.id}`)).statusCode).toBe(404);

    // A unit that took a model up keeps reading it, archived or not.
    const taken = await recognised();
    await communeEditor.post(`/api/v1/models/${taken.id}/replications`, {
      unitId: tree.cellB.id,
      startedOn: '2019-01-01',
    });
    await provinceManager.post(`/api/v1/models/${taken.id}/archive`, { reason: 'Kết thúc', version: 3 });
    expect((await cellBEditor.get(`/api/v1/models/${taken.id}`)).json()).toMatchObject({
      status: 'archived',
      abilities: { canEdit: false, canReplicate: false, canArchive: false },
    });
    expect(await listed(cellBEditor)).toContain(taken.id);
  });
});

describe('who may take each step', () => {
  it('recognise: manager of the unit or above; editors and viewers 403; another province 404; bad input 400', async () => {
    const model = await proposed();
    const body = { level: 'province', recognisedOn: '2018-05-19', version: 1 };
    const url = `/api/v1/models/${model.id}/recognise`;
    expect((await communeEditor.post(url, body)).statusCode).toBe(403);
    expect((await provinceViewer.post(url, body)).statusCode).toBe(403);
    expect((await otherManager.post(url, body)).statusCode).toBe(404);
    expect((await client(t.app).post(url, body)).statusCode).toBe(401);
    expect(paths(await provinceManager.post(url, { level: 'village', recognisedOn: '2018' }))).toEqual([
      'body.level',
      'body.recognisedOn',
      'body.version',
    ]);
    expect(paths(await provinceManager.post(url, { ...body, recognisedOn: '2016-01-01' }))).toEqual([
      'body.recognisedOn',
    ]);
    expect(
      paths(await provinceManager.post(url, { ...body, decisionId: '00000000-0000-4000-8000-000000000000' })),
    ).toEqual(['body.decisionId']);
    expect((await provinceManager.post(url, body)).statusCode).toBe(200);
  });

  it('replicate: editor of the replicating unit or a manager above; not the model’s own unit; once per unit', async () => {
    const model = await recognised();
    const url = `/api/v1/models/${model.id}/replications`;
    expect((await cellBEditor.post(url, { unitId: tree.commune.id, startedOn: '2019-01-01' })).statusCode).toBe(404);
    expect((await provinceViewer.post(url, { unitId: tree.cellB.id, startedOn: '2019-01-01' })).statusCode).toBe(403);
    expect((await otherManager.post(url, { unitId: tree.otherCommune.id, startedOn: '2019-01-01' })).statusCode).toBe(
      404,
    );
    expect((await client(t.app).post(url, { unitId: tree.cellB.id, startedOn: '2019-01-01' })).statusCode).toBe(401);
    expect(paths(await provinceManager.post(url, { unitId: tree.cellA.id, startedOn: '2019-01-01' }))).toEqual([
      'body.unitId',
    ]);
    expect(paths(await provinceManager.post(url, { unitId: tree.cellB.id, startedOn: '2016-12-31' }))).toEqual([
      'body.startedOn',
    ]);
    expect(paths(await provinceManager.post(url, { unitId: 'x' }))).toEqual(['body.startedOn', 'body.unitId']);
    const closed = await createUnit(t.database.db, {
      kind: 'cell',
      parent: tree.commune,
      validFrom: '2015-01-01',
      validTo: '2018-12-31',
    });
    expect(paths(await provinceManager.post(url, { unitId: closed.id, startedOn: '2019-01-01' }))).toEqual([
      'body.unitId',
    ]);
    expect((await provinceManager.post(url, { unitId: tree.cellB.id, startedOn: '2019-01-01' })).statusCode).toBe(201);
    const twice = await cellBEditor.post(url, { unitId: tree.cellB.id, startedOn: '2019-05-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'CONFLICT', details: [{ path: 'body.unitId' }] });
  });

  it('archive: manager of the unit or above, with a reason', async () => {
    const model = await proposed();
    const url = `/api/v1/models/${model.id}/archive`;
    expect((await communeEditor.post(url, { reason: 'Không duy trì', version: 1 })).statusCode).toBe(403);
    expect((await otherManager.post(url, { reason: 'Không duy trì', version: 1 })).statusCode).toBe(404);
    expect((await client(t.app).post(url, { reason: 'Không duy trì', version: 1 })).statusCode).toBe(401);
    expect(paths(await communeManager.post(url, { version: 1 }))).toEqual(['body.reason']);
    expect((await communeManager.post(url, { reason: 'Không duy trì', version: 1 })).statusCode).toBe(200);
  });
});
