import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../test/factories';
import { createTestContext, signIn, type Client, type TestContext } from '../../test/harness';
import { postFile } from '../../test/multipart';
import { csvFile } from '../../test/spreadsheets';

// `unit_code` is resolved as on the decision date, on the demo tree: the old districts closed on 30/06/2025, the
// communes formed on 01/07/2025, and codes such as 96-QS that name an old unit before and a new one after.

const URL = '/api/v1/commendations/import';
const KEYS = [
  'decision_number',
  'decision_date',
  'level',
  'form',
  'issuer',
  'recipient_type',
  'recipient_name',
  'unit_code',
];

let t: TestContext;
let editor: Client;
let oldDistrict: { code: string; name: string };
let newCell: { code: string; name: string };

const tag = () => crypto.randomBytes(3).toString('hex').toUpperCase();

async function count(): Promise<number> {
  const row = await t.database.db
    .selectFrom('commendation_recipient')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A unit of `kind` open only before (or only after) the 2025 merger, whose code no other unit ever had. */
async function onlyUnit(kind: string, before: boolean): Promise<{ code: string; name: string }> {
  const result = await sql<{ code: string; name: string }>`
    select u.code, u.name from org_unit u
    where u.kind = ${kind} and ${before ? sql`u.valid_to = '2025-06-30'` : sql`u.valid_from = '2025-07-01'`}
      and u.code not like '__-%'
      and not exists (select 1 from org_unit o where o.code = u.code and o.id <> u.id)
    order by u.code limit 1`.execute(t.database.db);
  expect(result.rows).toHaveLength(1);
  return result.rows[0];
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
  const db = t.database.db;
  const province = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name'])
    .where('code', '=', '96')
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  // An editor of today's Tỉnh ủy Cà Mau enters records of the old province too, through lineage.
  const user = await createUser(db, { ...province, kind: 'province' }, 'editor');
  editor = await signIn(t.app, user.username, user.password);
  // Today's communes took the code of one of the communes they were formed from; a cell of theirs may be new.
  oldDistrict = await onlyUnit('district', true);
  newCell = await onlyUnit('cell', false);
});

afterAll(async () => {
  await t?.close();
});

describe('unit_code resolved at the decision date', () => {
  it('refuses a code not open on the decision date, naming row, column and the unit’s dates; writes nothing', async () => {
    const n = tag();
    const before = await count();
    const file = csvFile([
      KEYS,
      [
        `${n}-QĐ/TU`,
        '2025-11-20',
        'province',
        'BANG_KHEN',
        'Ban Thường vụ Tỉnh ủy',
        'collective',
        'Đảng bộ cũ',
        oldDistrict.code,
      ],
      [
        `${n}-QĐ/TU`,
        '2019-08-20',
        'province',
        'BANG_KHEN',
        'Ban Thường vụ Tỉnh ủy',
        'collective',
        'Chi bộ mới',
        newCell.code,
      ],
    ]);
    const response = await postFile(editor, URL, 'k.csv', file);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      {
        path: 'row 2, column unit_code',
        row: 2,
        column: 'unit_code',
        message: `Đơn vị mã "${oldDistrict.code}" không hoạt động vào ngày 20/11/2025 (${oldDistrict.name}: từ 01/10/2015 đến 30/06/2025).`,
      },
      {
        path: 'row 3, column unit_code',
        row: 3,
        column: 'unit_code',
        message: `Đơn vị mã "${newCell.code}" không hoạt động vào ngày 20/08/2019 (${newCell.name}: từ 01/07/2025).`,
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('puts a code that named one unit before the merger and another after on the unit of the decision’s day', async () => {
    const n = tag();
    const file = csvFile([
      KEYS,
      [
        `${n}-QĐ/TU`,
        '2019-08-20',
        'province',
        'BANG_KHEN',
        'Ban Thường vụ Tỉnh ủy',
        'collective',
        'Đảng ủy Quân sự',
        '96-QS',
      ],
      [
        `${n}-QĐ/TU`,
        '2025-11-20',
        'province',
        'BANG_KHEN',
        'Ban Thường vụ Tỉnh ủy',
        'collective',
        'Đảng ủy Quân sự',
        '96-QS',
      ],
    ]);
    const response = await postFile(editor, URL, 'k.csv', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ decisions: 2, recipients: 2 });
    const units = await t.database.db
      .selectFrom('commendation_recipient as r')
      .innerJoin('commendation_decision as d', 'd.id', 'r.decision_id')
      .innerJoin('org_unit as u', 'u.id', 'r.unit_id')
      .select(['r.decision_date', 'u.id', 'u.valid_from', 'u.valid_to'])
      .where('d.number', '=', `${n}-QĐ/TU`)
      .orderBy('r.decision_date')
      .execute();
    expect(units.map((u) => [u.decision_date, u.valid_from, u.valid_to])).toEqual([
      ['2019-08-20', '2015-10-01', '2025-06-30'],
      ['2025-11-20', '2025-07-01', null],
    ]);
    expect(units[0].id).not.toBe(units[1].id);
  });
});
