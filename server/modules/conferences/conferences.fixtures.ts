import { expect } from 'vitest';
import { createTree, signedIn } from '../../test/factories';
import type { Client, TestContext } from '../../test/harness';

export const CONFERENCES = '/api/v1/conferences';

export const conferenceBody = (unitId: string) => ({
  title: 'Hội nghị trực tuyến sơ kết 03 năm thực hiện Chỉ thị 05-CT/TW',
  unitId,
  startsAt: '2019-08-20T07:30:00+07:00',
  endsAt: '2019-08-20T11:30:00+07:00',
  mode: 'online',
  hostPlace: 'Hội trường Tỉnh ủy',
});

export interface ConferenceWorld {
  tree: Awaited<ReturnType<typeof createTree>>;
  /** An editor and a viewer of the organising province. */
  organiser: Client;
  organiserViewer: Client;
  /** Staff of the two bridge points (cells A and B). */
  cellAEditor: Client;
  cellAViewer: Client;
  cellBEditor: Client;
  /** An editor of another commune: out of reach. */
  outsider: Client;
  conferenceId: string;
  bridgeA: string;
  bridgeB: string;
}

/**
 * The test tree, a conference organised by its province with the commune's two cells invited as bridge points, and a
 * signed-in client for each side of the access rules.
 */
export async function conferenceWorld(t: TestContext): Promise<ConferenceWorld> {
  const db = t.database.db;
  const tree = await createTree(db);
  const organiser = await signedIn(t.app, db, tree.province, 'editor');
  const created = await organiser.post(CONFERENCES, conferenceBody(tree.province.id));
  expect(created.statusCode).toBe(201);
  const conferenceId: string = created.json().id;
  const invited = await organiser.post(`${CONFERENCES}/${conferenceId}/bridges`, {
    under: { unitId: tree.commune.id, kind: 'cell' },
    expected: 20,
  });
  expect(invited.json()).toEqual({ invited: 2, alreadyInvited: 0 });
  const bridges: { id: string; unit: { id: string } }[] = (
    await organiser.get(`${CONFERENCES}/${conferenceId}/bridges`)
  ).json().items;
  return {
    tree,
    organiser,
    organiserViewer: await signedIn(t.app, db, tree.province, 'viewer'),
    cellAEditor: await signedIn(t.app, db, tree.cellA, 'editor'),
    cellAViewer: await signedIn(t.app, db, tree.cellA, 'viewer'),
    cellBEditor: await signedIn(t.app, db, tree.cellB, 'editor'),
    outsider: await signedIn(t.app, db, tree.otherCommune, 'editor'),
    conferenceId,
    bridgeA: bridges.find((b) => b.unit.id === tree.cellA.id)!.id,
    bridgeB: bridges.find((b) => b.unit.id === tree.cellB.id)!.id,
  };
}
